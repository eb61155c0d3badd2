package dev.profileadvisor.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A finished child process: exit code, both outputs, wall time. Outputs go through temporary files, so a chatty
 * child never blocks on a full pipe.
 *
 * @param code     the exit code; -1 when it was killed on timeout or cancellation
 * @param stdout   standard output
 * @param stderr   standard error
 * @param seconds  wall time
 * @param timedOut whether it was killed for running too long
 */
record ProcessOutput(int code, String stdout, String stderr, double seconds, boolean timedOut) {
    /**
     * @param command        program and arguments
     * @param dir            working directory
     * @param env            the whole environment
     * @param timeoutSeconds killed (with its children) after this long
     * @return what it did
     */
    static ProcessOutput run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds) {
        return run(command, dir, env, timeoutSeconds, p -> { });
    }

    /**
     * @param command        program and arguments
     * @param dir            working directory
     * @param env            the whole environment
     * @param timeoutSeconds killed (with its children) after this long
     * @param started        told the process once it runs (for cancellation)
     * @return what it did
     */
    static ProcessOutput run(List<String> command, Path dir, Map<String, String> env, long timeoutSeconds,
                             java.util.function.Consumer<Process> started) {
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("cpa-measure-", ".out");
            err = Files.createTempFile("cpa-measure-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            p = pb.start();
            started.accept(p);
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) kill(p);
            double seconds = (System.nanoTime() - t0) / 1e9;
            int code = done ? p.exitValue() : -1;
            return new ProcessOutput(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    seconds, !done);
        } catch (IOException e) {
            return new ProcessOutput(127, "", "cannot run " + command.get(0) + ": " + e.getMessage(), 0, false);
        } catch (InterruptedException e) {
            if (p != null) kill(p);
            Thread.currentThread().interrupt();
            return new ProcessOutput(-1, "", "interrupted", 0, false);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** Kills a process and everything it started. */
    static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file of ours; the OS cleans /tmp
        }
    }
}
