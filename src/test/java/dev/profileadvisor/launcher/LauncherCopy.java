package dev.profileadvisor.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of the project (pom.xml, bin, src/main, rules, knowledge) in a temporary directory, run through the real
 * launcher, {@code bin/cargo-profile-advisor}. The launcher finds {@code mvn} through a wrapper that logs each call
 * ({@link #mvnRuns()}) and then runs the real Maven, or, in a {@link #probe}, fails at once: a cheap way to see that
 * the launcher decided to build.
 */
final class LauncherCopy {
    /** One launcher run: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
    }

    /** The temporary directory holding the copy, the mvn wrappers and their log; {@link #delete()} removes it. */
    final Path root;
    /** The copy: bin/cargo-profile-advisor, pom.xml, src/main, rules/, knowledge/, and target/ once built. */
    final Path repo;
    private final Path wrappers;
    private final Path mvnLog;

    private LauncherCopy(Path root) throws IOException {
        this.root = root;
        repo = Files.createDirectories(root.resolve("project"));
        for (String part : List.of("pom.xml", "bin", "src/main", "rules", "knowledge")) copy(Path.of(part), repo.resolve(part));
        wrappers = Files.createDirectories(root.resolve("wrappers"));
        mvnLog = root.resolve("mvn.log");
        Files.writeString(mvnLog, "");
        String realMvn = onPath("mvn");
        writeScript(wrappers.resolve("real/mvn"), "#!/bin/sh\necho \"$*\" >>'" + mvnLog + "'\nexec '" + realMvn + "' \"$@\"\n");
        writeScript(wrappers.resolve("failing/mvn"), "#!/bin/sh\necho \"$*\" >>'" + mvnLog + "'\necho 'mvn: not run (test)' >&2\nexit 1\n");
    }

    /**
     * @return a fresh copy of the project, not built
     * @throws IOException if it cannot be written
     */
    static LauncherCopy create() throws IOException {
        return new LauncherCopy(Files.createTempDirectory("cpa-launcher-"));
    }

    private static String onPath(String command) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p)) return p.toString();
        }
        throw new AssertionError(command + " is not on PATH");
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /**
     * Starts the launcher with the arguments, stdout and stderr going to files; the caller waits.
     *
     * @param maven {@code true}: {@code mvn} is the real Maven; {@code false}: it fails at once, without building
     * @param env   extra environment
     * @param out   stdout file
     * @param err   stderr file
     * @param args  arguments after {@code cargo-profile-advisor}
     * @return the process
     * @throws IOException if it cannot start
     */
    Process start(boolean maven, Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("bin/cargo-profile-advisor").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile());
        pb.environment().put("CPA_QUIET_BUILD", "1");
        pb.environment().remove("CPA_NO_CDS");
        pb.environment().putAll(env);
        Path mvn = wrappers.resolve(maven ? "real" : "failing");
        pb.environment().put("PATH", mvn + java.io.File.pathSeparator + pb.environment().get("PATH"));
        return pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /**
     * Runs the launcher to completion (at most ten minutes), with the real Maven.
     *
     * @param env  extra environment
     * @param args arguments after {@code cargo-profile-advisor}
     * @return exit code, stdout and stderr
     * @throws Exception if it cannot run or does not finish
     */
    Run launch(Map<String, String> env, String... args) throws Exception {
        return run(true, env, args);
    }

    /**
     * Runs the launcher with an {@code mvn} that fails at once: whether it tried to build shows in
     * {@link #mvnRuns()}, without the cost of a build.
     *
     * @param env  extra environment
     * @param args arguments after {@code cargo-profile-advisor}
     * @return exit code, stdout and stderr
     * @throws Exception if it cannot run or does not finish
     */
    Run probe(Map<String, String> env, String... args) throws Exception {
        return run(false, env, args);
    }

    private Run run(boolean maven, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile("launch", ".out");
        Path err = Files.createTempFile("launch", ".err");
        Process p = start(maven, env, out, err, args);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * @return how many times the launcher has called {@code mvn} in this copy
     * @throws IOException if the log cannot be read
     */
    int mvnRuns() throws IOException {
        return (int) Files.readAllLines(mvnLog).stream().filter(l -> !l.isBlank()).count();
    }

    /**
     * Removes the copy (a built one holds about 80 MB: the jar, the archives, the classes).
     *
     * @throws IOException if it cannot be removed
     */
    void delete() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** @return the launcher's jar in the copy */
    Path jar() {
        return repo.resolve("target/cargo-profile-advisor-all.jar");
    }

    /**
     * Edits a file of the copy and moves its time forward, so the launcher sees it as newer than the jar.
     *
     * @param file path relative to the copy
     * @param from text that must be present
     * @param to   its replacement
     * @return the 1-based line of the replacement
     * @throws IOException if the file cannot be rewritten
     */
    int edit(String file, String from, String to) throws IOException {
        Path p = repo.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        int at = text.indexOf(from);
        Files.writeString(p, text.replace(from, to));
        // newer than the jar for the launcher's `find -newer`, even within one timestamp tick, but never in the future:
        // a file dated ahead would still look newer than a jar rebuilt from it a moment later
        if (Files.exists(jar()) && Files.getLastModifiedTime(p).compareTo(Files.getLastModifiedTime(jar())) <= 0) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() + 1));
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
