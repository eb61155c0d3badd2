package dev.profileadvisor.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's {@code --run} command, run on each candidate's binary ({@code {bin}} stands for it) by {@code /bin/sh}
 * in the project's directory: wall time over interleaved rounds (A B C A B C …, after one warm-up round, so that the
 * machine's drift hits every candidate alike), and the instructions one run retires, counted by {@code perf stat}
 * where the machine supports it, else by valgrind's cachegrind, which is slow but exact.
 */
final class Workload {
    private static final Pattern PERF = Pattern.compile("(?m)^\\s*(\\d+),[^,]*,instructions");
    private static final Pattern IREFS = Pattern.compile("I\\s+refs:\\s+([\\d,]+)");

    /** How instructions are counted. */
    enum Counter { AUTO, PERF, VALGRIND, NONE }

    private final String command;
    private final Path dir;
    private final Map<String, String> env;
    private final long timeoutSeconds;

    Workload(String command, Path dir, Map<String, String> env, long timeoutSeconds) {
        this.command = command;
        this.dir = dir;
        this.env = env;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The command with {@code {bin}} replaced by the binary, shell-quoted. */
    String commandFor(Path bin) {
        return command.replace("{bin}", "'" + bin.toString().replace("'", "'\\''") + "'");
    }

    /** A run that failed: the message says how. */
    static final class RunFailed extends Exception {
        RunFailed(String message) {
            super(message);
        }
    }

    /**
     * @param bin     the binary
     * @param started told the process once it runs
     * @return the wall time of one run
     * @throws RunFailed when the command exits non-zero or runs past the timeout
     */
    double once(Path bin, Consumer<Process> started) throws RunFailed {
        ProcessOutput out = ProcessOutput.run(List.of("/bin/sh", "-c", commandFor(bin)), dir, env, timeoutSeconds, started);
        check(out, bin);
        return out.seconds();
    }

    private void check(ProcessOutput out, Path bin) throws RunFailed {
        if (out.timedOut()) throw new RunFailed("`" + commandFor(bin) + "` ran longer than " + timeoutSeconds + " s (--run-timeout) and was stopped");
        if (out.code() != 0) {
            List<String> lines = out.stderr().lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size())).strip();
            throw new RunFailed("`" + commandFor(bin) + "` exited with " + out.code() + (tail.isEmpty() ? "" : ":\n" + tail));
        }
    }

    /**
     * @param wanted what to use ({@link Counter#AUTO}: perf where it counts here, else valgrind where installed)
     * @return the counter this machine has for it, or {@link Counter#NONE}
     */
    Counter available(Counter wanted) {
        if (wanted == Counter.NONE) return Counter.NONE;
        if (wanted == Counter.PERF || wanted == Counter.AUTO) {
            ProcessOutput p = ProcessOutput.run(List.of("perf", "stat", "-x", ",", "-e", "instructions:u", "true"), dir, env, 30);
            if (p.code() == 0 && PERF.matcher(p.stderr()).find()) return Counter.PERF;
            if (wanted == Counter.PERF) return Counter.NONE;
        }
        ProcessOutput v = ProcessOutput.run(List.of("valgrind", "--version"), dir, env, 30);
        return v.code() == 0 ? Counter.VALGRIND : Counter.NONE;
    }

    /**
     * @param bin     the binary
     * @param counter {@link Counter#PERF} or {@link Counter#VALGRIND}
     * @param started told the process once it runs
     * @return the instructions one run retires (the shell's few included), or empty when the counter printed none
     * @throws RunFailed when the command fails under the counter
     */
    OptionalLong instructions(Path bin, Counter counter, Consumer<Process> started) throws RunFailed {
        String cmd = commandFor(bin);
        if (counter == Counter.PERF) {
            ProcessOutput out = ProcessOutput.run(List.of("perf", "stat", "-x", ",", "-e", "instructions:u", "/bin/sh", "-c", cmd), dir, env,
                    timeoutSeconds, started);
            check(out, bin);
            Matcher m = PERF.matcher(out.stderr());
            long sum = 0;
            boolean any = false;
            while (m.find()) {
                sum += Long.parseLong(m.group(1));
                any = true;
            }
            return any ? OptionalLong.of(sum) : OptionalLong.empty();
        }
        Path logs = null;
        try {
            logs = Files.createTempDirectory("cpa-valgrind-");
            ProcessOutput out = ProcessOutput.run(List.of("valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                    "--cachegrind-out-file=/dev/null", "--log-file=" + logs.resolve("vg.%p"), "/bin/sh", "-c", cmd), dir, env,
                    timeoutSeconds * 100, started);
            check(out, bin);
            long sum = 0;
            boolean any = false;
            try (var files = Files.list(logs)) {
                for (Path f : files.toList()) {
                    Matcher m = IREFS.matcher(Files.readString(f));
                    if (m.find()) {
                        sum += Long.parseLong(m.group(1).replace(",", ""));
                        any = true;
                    }
                }
            }
            return any ? OptionalLong.of(sum) : OptionalLong.empty();
        } catch (IOException e) {
            throw new RunFailed("cannot count instructions: " + e.getMessage());
        } finally {
            if (logs != null) Builder.deleteTree(logs);
        }
    }

    /**
     * @param seconds the rounds' times
     * @return median, min, max
     */
    static double[] summary(List<Double> seconds) {
        double[] s = seconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        return new double[] {median, s[0], s[s.length - 1]};
    }
}
