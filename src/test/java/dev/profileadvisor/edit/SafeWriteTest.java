package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The atomic write: content, permissions, no leftovers, and refusals when the file moved under our feet. */
class SafeWriteTest {
    @TempDir
    Path dir;

    Path manifest(String text) throws Exception {
        return Files.writeString(dir.resolve("Cargo.toml"), text);
    }

    @Test
    void replacesTheContentKeepsThePermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path m = manifest("[package]\n");
        Files.setPosixFilePermissions(m, PosixFilePermissions.fromString("rw-r-----"));
        FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
        SafeWrite.replace(snap, "[package]\nname = \"x\"\n");
        assertThat(Files.readString(m)).isEqualTo("[package]\nname = \"x\"\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m))).isEqualTo("rw-r-----");
        assertThat(listing()).containsExactly("Cargo.toml");
    }

    @Test
    void executableAndGroupWritableBitsAreKeptToo() throws Exception {
        Path m = manifest("[package]\n");
        Files.setPosixFilePermissions(m, PosixFilePermissions.fromString("rwxrwxr--"));
        SafeWrite.replace(FileSnapshot.read(m, "Cargo.toml"), "x = 1\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m))).isEqualTo("rwxrwxr--");
    }

    @Test
    void aFileChangedSinceItWasReadIsNotOverwritten() throws Exception {
        Path m = manifest("[package]\n");
        FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
        Files.writeString(m, "[package]\nname = \"theirs\"\n");
        assertThatThrownBy(() -> SafeWrite.replace(snap, "[package]\nname = \"mine\"\n"))
                .isInstanceOf(AdvisorException.class)
                .hasMessage("Cargo.toml: changed on disk since it was read; nothing was written: run the command again");
        assertThat(Files.readString(m)).isEqualTo("[package]\nname = \"theirs\"\n");
        assertThat(listing()).containsExactly("Cargo.toml");
    }

    @Test
    void aFileTouchedSinceItWasReadIsNotOverwrittenEither() throws Exception {
        Path m = manifest("[package]\n");
        FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
        Files.setLastModifiedTime(m, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertThatThrownBy(() -> SafeWrite.replace(snap, "x = 1\n")).hasMessageContaining("changed on disk since it was read");
        assertThat(Files.readString(m)).isEqualTo("[package]\n");
    }

    @Test
    void aRemovedFileIsNotRecreated() throws Exception {
        Path m = manifest("[package]\n");
        FileSnapshot snap = FileSnapshot.read(m, "Cargo.toml");
        Files.delete(m);
        assertThatThrownBy(() -> SafeWrite.replace(snap, "x = 1\n")).hasMessage("Cargo.toml: was removed since it was read; nothing was written");
        assertThat(listing()).isEmpty();
    }

    @Test
    void aReadOnlyFileIsRefused() throws Exception {
        Path m = manifest("[package]\n");
        Files.setPosixFilePermissions(m, PosixFilePermissions.fromString("r--r--r--"));
        assertThatThrownBy(() -> SafeWrite.replace(FileSnapshot.read(m, "Cargo.toml"), "x = 1\n"))
                .hasMessage("Cargo.toml: is read-only; nothing was written");
        assertThat(Files.readString(m)).isEqualTo("[package]\n");
        assertThat(listing()).containsExactly("Cargo.toml");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path target = Files.writeString(real.resolve("Cargo.toml"), "[package]\n");
        Path link = Files.createSymbolicLink(dir.resolve("Cargo.toml"), target);
        SafeWrite.replace(FileSnapshot.read(link, "Cargo.toml"), "x = 1\n");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo("x = 1\n");
        try (Stream<Path> s = Files.list(real)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("Cargo.toml");
        }
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWhenRead() throws Exception {
        Path m = dir.resolve("Cargo.toml");
        Files.write(m, new byte[]{'a', ' ', '=', ' ', '"', (byte) 0xff, '"', '\n'});
        assertThatThrownBy(() -> FileSnapshot.read(m, "Cargo.toml")).hasMessage("Cargo.toml: is not UTF-8 text");
    }

    @Test
    void userExtendedAttributesAreKept() throws Exception {
        Path m = manifest("[package]\n");
        var view = Files.getFileAttributeView(m, java.nio.file.attribute.UserDefinedFileAttributeView.class);
        assumeTrue(view != null && Files.getFileStore(m).supportsFileAttributeView(java.nio.file.attribute.UserDefinedFileAttributeView.class),
                "this file system has no user extended attributes");
        try {
            view.write("origin", java.nio.ByteBuffer.wrap("vendored".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            assumeTrue(false, "user extended attributes cannot be set here: " + e.getMessage());
        }
        SafeWrite.replace(FileSnapshot.read(m, "Cargo.toml"), "x = 1\n");
        var after = Files.getFileAttributeView(m, java.nio.file.attribute.UserDefinedFileAttributeView.class);
        java.nio.ByteBuffer value = java.nio.ByteBuffer.allocate(after.size("origin"));
        after.read("origin", value);
        assertThat(new String(value.array(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("vendored");
        assertThat(Files.readString(m)).isEqualTo("x = 1\n");
    }

    @Test
    void aPosixAclIsKept() throws Exception {
        Path m = manifest("[package]\n");
        assumeTrue(run("setfacl", "-m", "u:nobody:rw,g:nogroup:r", m.toString()).code == 0,
                "setfacl is missing or this file system has no POSIX ACLs (apt-get install acl)");
        String before = run("getfacl", "--omit-header", m.toString()).out;
        assertThat(before).contains("user:nobody:rw-");
        SafeWrite.replace(FileSnapshot.read(m, "Cargo.toml"), "x = 1\n");
        assertThat(run("getfacl", "--omit-header", m.toString()).out).isEqualTo(before);
    }

    record Ran(int code, String out) {
    }

    static Ran run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Ran(p.waitFor(), out);
        } catch (java.io.IOException e) { // not installed
            return new Ran(-1, e.getMessage());
        }
    }

    @Test
    void temporaryFilesOfAKilledWriteAreRemovedAndNothingElse() throws Exception {
        Path m = manifest("[package]\n");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Process running = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve(".Cargo.toml.cpa-" + gone.pid() + "-1f2e.tmp"), "half");
            Files.writeString(dir.resolve(".Cargo.toml.cpa-" + running.pid() + "-3a4b.tmp"), "being written");
            Path oldStyle = Files.writeString(dir.resolve(".Cargo.toml.8817263544.tmp"), "half, from an earlier version");
            Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minus(java.time.Duration.ofHours(2))));
            Files.writeString(dir.resolve(".Cargo.toml.99127.tmp"), "recent: perhaps an earlier version writing now");
            Files.writeString(dir.resolve(".Cargo.toml.mine.tmp"), "someone else's");
            Files.writeString(dir.resolve(".Cargo.toml.orig"), "a backup");
            Files.createDirectory(dir.resolve(".Cargo.toml.cpa-1-0.tmp"));
            SafeWrite.replace(FileSnapshot.read(m, "Cargo.toml"), "x = 1\n");
            assertThat(listing()).containsExactly(".Cargo.toml.99127.tmp", ".Cargo.toml.cpa-1-0.tmp",
                    ".Cargo.toml.cpa-" + running.pid() + "-3a4b.tmp", ".Cargo.toml.mine.tmp", ".Cargo.toml.orig", "Cargo.toml");
        } finally {
            running.destroy();
        }
    }

    private java.util.List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
