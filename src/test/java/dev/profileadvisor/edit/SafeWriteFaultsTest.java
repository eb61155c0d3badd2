package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults while apply writes: the user's file is always its old or its new complete content, and no temporary file
 * is left (or the next write removes it). Processes are killed with SIGKILL at random moments of a write loop run in
 * child JVMs ({@link SafeWriteLoop}); the disk fills up (a small tmpfs when the test may mount one, and a write that
 * fails half-way through the seam); the directory denies writing; the file is immutable; someone writes the file
 * between our read and our write.
 */
class SafeWriteFaultsTest {
    /** About 60 KB each, so that a write takes long enough to be killed in the middle of. */
    static final String A = text("a");
    static final String B = text("b");
    static final int MANIFEST_KILLS = Integer.getInteger("cpa.faults.kills", 150);
    static final int CONFIG_KILLS = Integer.getInteger("cpa.faults.config-kills", 60);

    @TempDir
    Path dir;

    static String text(String name) {
        StringBuilder s = new StringBuilder("[package]\nname = \"" + name + "\"\nversion = \"0.1.0\"\n");
        for (int i = 0; i < 1000; i++) s.append("# line ").append(i).append(" of version ").append(name).append(", padding to make it long\n");
        return s.toString();
    }

    @Test
    void aManifestReplacedInAProcessKilledAtRandomMomentsIsAlwaysOldOrNewAndTheNextWriteRemovesTheTemporaryFile() throws Exception {
        Path m = Files.writeString(dir.resolve("Cargo.toml"), A);
        Kills k = killRepeatedly("manifest", m, MANIFEST_KILLS);
        System.out.printf("kill -9 of a manifest write loop: %d kills, %d writes done, %d kills left a temporary file%n",
                k.kills, k.writes, k.leftTemp);
        assertThat(k.leftTemp).as("kills that landed inside a write (else the test shows nothing)").isPositive();
        assertThat(Files.readString(m)).isIn(A, B);
        SafeWrite.removeStaleTemps(m); // what the next apply does first
        assertThat(listing(dir)).containsExactly("A", "B", "Cargo.toml");
    }

    @Test
    void aConfigFileCreatedOrReplacedInAProcessKilledAtRandomMomentsIsAlwaysAbsentOldOrNew() throws Exception {
        Path cargo = Files.createDirectories(dir.resolve(".cargo"));
        Path config = cargo.resolve("config.toml");
        Kills k = killRepeatedly("config", config, CONFIG_KILLS);
        System.out.printf("kill -9 of a config write loop: %d kills, %d writes done, %d kills left a temporary file%n",
                k.kills, k.writes, k.leftTemp);
        assertThat(k.leftTemp).isPositive();
        SafeWrite.removeStaleTemps(config);
        assertThat(listing(cargo)).isSubsetOf("config.toml");
    }

    record Kills(int kills, long writes, int leftTemp) {
    }

    /**
     * Starts the write loop {@code n} times and kills each run with SIGKILL after a random delay; after each kill the
     * file must be missing (config only), A or B, whole. The next run's first write removes the temporary files of the
     * runs before it, so they never pile up.
     */
    Kills killRepeatedly(String mode, Path file, int n) throws Exception {
        Path a = Files.writeString(dir.resolve("A"), A);
        Path b = Files.writeString(dir.resolve("B"), B);
        Random random = new Random(19);
        long writes = 0;
        int leftTemp = 0;
        for (int i = 0; i < n; i++) {
            Process p = loop(mode, file, a, b).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready");
            Thread.sleep(random.nextInt(80));
            p.toHandle().destroyForcibly(); // SIGKILL, keeping our end of its output open to count its writes
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("killed, not failed").isEqualTo(137);
            writes += out.lines().count();
            if (mode.equals("config") && !Files.exists(file)) continue;
            assertThat(Files.readString(file)).as("after kill %d", i).isIn(A, B);
            List<String> temps = temps(file);
            assertThat(temps).as("temporary files after kill %d", i).hasSizeLessThanOrEqualTo(2);
            if (!temps.isEmpty()) leftTemp++;
        }
        return new Kills(n, writes, leftTemp);
    }

    static ProcessBuilder loop(String mode, Path file, Path a, Path b) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", CLASSES,
                SafeWriteLoop.class.getName(), mode, file.toString(), a.toString(), b.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** The compiled classes alone: the loop uses no library, and another user may read them where it cannot read ~/.m2. */
    static final String CLASSES = Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(e -> Files.isDirectory(Path.of(e))).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));

    static List<String> temps(Path file) throws IOException {
        try (Stream<Path> s = Files.list(file.getParent())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + file.getFileName() + ".")).sorted().toList();
        }
    }

    static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDiskThatFillsUpHalfWayThroughTheWriteLeavesTheFileAsItWasAndNoTemporaryFile() throws Exception {
        Path m = Files.writeString(dir.resolve("Cargo.toml"), A);
        FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
        assertThatThrownBy(() -> SafeWrite.replace(snap, B, (ch, bytes) -> {
            bytes.limit(bytes.capacity() / 2);
            while (bytes.hasRemaining()) ch.write(bytes);
            throw new FileSystemException(null, null, "No space left on device");
        })).isInstanceOf(AdvisorException.class).hasMessage("Cargo.toml: cannot write: no space left on device; the file is unchanged");
        assertThat(Files.readString(m)).isEqualTo(A);
        assertThat(listing(dir)).containsExactly("Cargo.toml");
    }

    @Test
    void aConfigFileThatCannotBeWrittenForAFullDiskIsNotCreated() throws Exception {
        Path config = dir.resolve(".cargo/config.toml");
        assertThatThrownBy(() -> SafeWrite.create(config, ".cargo/config.toml", A, null, (ch, bytes) -> {
            throw new FileSystemException(null, null, "No space left on device");
        })).isInstanceOf(AdvisorException.class)
                .hasMessage(".cargo/config.toml: cannot create: no space left on device; nothing was written");
        assertThat(listing(dir.resolve(".cargo"))).isEmpty();
    }

    @Test
    void aFullTmpfsLeavesTheManifestAsItWasAndNoTemporaryFile() throws Exception {
        Path mnt = Files.createDirectories(dir.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", mnt.toString()) == 0,
                "cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); the full disk is simulated by the test above");
        try {
            Path m = Files.writeString(mnt.resolve("Cargo.toml"), A);
            fill(mnt.resolve("filler"));
            FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
            assertThatThrownBy(() -> SafeWrite.replace(snap, B)).isInstanceOf(AdvisorException.class)
                    .hasMessage("Cargo.toml: cannot write: no space left on device; the file is unchanged");
            assertThat(Files.readString(m)).isEqualTo(A);
            assertThat(listing(mnt)).containsExactly("Cargo.toml", "filler");
            Path config = mnt.resolve(".cargo/config.toml");
            Files.delete(mnt.resolve("filler"));
            Files.createDirectories(config.getParent());
            fill(mnt.resolve("filler"));
            assertThatThrownBy(() -> SafeWrite.create(config, ".cargo/config.toml", B, m)).isInstanceOf(AdvisorException.class)
                    .hasMessage(".cargo/config.toml: cannot create: no space left on device; nothing was written");
            assertThat(listing(config.getParent())).isEmpty();
        } finally {
            assertThat(run("umount", mnt.toString())).isZero();
        }
    }

    /** Writes until the file system is full. */
    static void fill(Path filler) throws IOException {
        try (var out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            while (true) out.write(block);
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("No space left on device");
        }
    }

    @Test
    void aDirectoryThatDeniesWritingIsReportedAndTheFileIsUnchanged() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path m = Files.writeString(project.resolve("Cargo.toml"), A);
        Path a = Files.writeString(dir.resolve("A"), A);
        Path b = Files.writeString(dir.resolve("B"), B);
        List<String> cmd = new ArrayList<>(loop("once", m, a, b).command());
        if (isRoot()) { // root writes anywhere: run the write as nobody, who may read and write the file but not the directory
            assumeTrue(run("which", "setpriv") == 0, "setpriv is not installed: cannot drop root to test a denied directory");
            cmd.addAll(0, List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(m, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
            assumeTrue(readableByNobody(), "the test classes are not readable by nobody here");
        }
        Files.setPosixFilePermissions(project, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isEqualTo(2);
            assertThat(err).isEqualTo("error: Cargo.toml: cannot write: permission denied; the file is unchanged\n");
            assertThat(Files.readString(m)).isEqualTo(A);
            assertThat(listing(project)).containsExactly("Cargo.toml");
        } finally {
            Files.setPosixFilePermissions(project, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static boolean readableByNobody() throws Exception {
        for (String e : CLASSES.split(java.io.File.pathSeparator)) {
            Path probe = Path.of(e, SafeWriteLoop.class.getName().replace('.', '/') + ".class");
            Path main = Path.of(e, SafeWrite.class.getName().replace('.', '/') + ".class");
            Path f = Files.exists(probe) ? probe : main;
            if (Files.exists(f) && run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "test", "-r", f.toString()) != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anImmutableFileIsRefusedAndStaysAsItWas() throws Exception {
        assumeTrue(isRoot(), "only root may set the immutable attribute (chattr +i)");
        Path m = Files.writeString(dir.resolve("Cargo.toml"), A);
        assumeTrue(run("chattr", "+i", m.toString()) == 0, "this file system has no immutable attribute (chattr +i failed)");
        try {
            FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
            assertThatThrownBy(() -> SafeWrite.replace(snap, B)).isInstanceOf(AdvisorException.class)
                    .hasMessage("Cargo.toml: cannot be written by this user (its permissions, an ACL or an immutable attribute); "
                            + "nothing was written");
        } finally {
            run("chattr", "-i", m.toString());
        }
        assertThat(Files.readString(m)).isEqualTo(A);
        assertThat(listing(dir)).containsExactly("Cargo.toml");
    }

    @Test
    void someoneWritingTheFileBetweenOurReadAndOurRenameKeepsTheirContent() throws Exception {
        Path m = Files.writeString(dir.resolve("Cargo.toml"), A);
        FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
        String theirs = A.replace("\"a\"", "\"theirs\"");
        assertThatThrownBy(() -> SafeWrite.replace(snap, B, (ch, bytes) -> {
            Files.writeString(m, theirs); // an editor saves while our temporary file is being written
            while (bytes.hasRemaining()) ch.write(bytes);
        })).isInstanceOf(AdvisorException.class)
                .hasMessage("Cargo.toml: changed on disk since it was read; nothing was written: run the command again");
        assertThat(Files.readString(m)).isEqualTo(theirs);
        assertThat(listing(dir)).containsExactly("Cargo.toml");
    }

    @Test
    void aHardLinkedManifestGetsTheNewContentUnderItsNameAndTheOtherLinkKeepsTheOld() throws Exception {
        Path m = Files.writeString(dir.resolve("Cargo.toml"), A);
        Path other = Files.createLink(dir.resolve("Cargo.toml.orig"), m);
        SafeWrite.replace(FileSnapshot.read(m, "Cargo.toml"), B);
        assertThat(Files.readString(m)).isEqualTo(B);
        assertThat(Files.readString(other)).isEqualTo(A);
        assertThat(listing(dir)).containsExactly("Cargo.toml", "Cargo.toml.orig");
    }

    @Test
    void aSymlinkedManifestKilledMidWriteLeavesTheLinkAndItsTargetWhole() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("Cargo.toml"), A);
        Path link = Files.createSymbolicLink(dir.resolve("Cargo.toml"), target);
        Kills k = killRepeatedly("manifest", link, 5);
        assertThat(k.writes).isPositive();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isIn(A, B);
        SafeWrite.removeStaleTemps(target);
        assertThat(listing(real)).containsExactly("Cargo.toml");
    }

    static boolean isRoot() throws Exception {
        Process p = new ProcessBuilder("id", "-u").start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().equals("0") && p.waitFor() == 0;
    }

    static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
