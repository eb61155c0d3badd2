package dev.profileadvisor.cli;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.json.MeasureDocuments;
import dev.profileadvisor.measure.MeasureChart;
import dev.profileadvisor.measure.MeasureReport;
import dev.profileadvisor.measure.MeasureRequest;
import dev.profileadvisor.measure.Measurer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code measure}: build the candidates on the user's crate and measure them. */
@Command(name = "measure", mixinStandardHelpOptions = true,
        description = {"Build the candidates for your goals on your own crate and measure them: cargo's defaults, your profile as it "
                + "is, the plan, the runner-ups the rules ranked close, and cargo-wizard's templates. Each is a custom profile "
                + "given to cargo with --config, built clean in its own target directory; your files are never edited. Prints "
                + "every figure with its change against the default, the Pareto front, and the best candidate per goal, and "
                + "says which setting a measurement overturned."},
        footer = {"", "Exit codes: 0 measured; 1 a candidate failed to build or run (the others are measured);",
                "2 bad input (not a Rust project, cargo missing, several binaries with --run and no --bin,",
                "dependencies cargo cannot fetch, a --run command that fails for every candidate); 3 internal",
                "error; 130 stopped with Ctrl-C (the finished candidates are printed).",
                "", "Examples:", "  cargo-profile-advisor measure --goal small-binary",
                "  cargo-profile-advisor measure --goal fast-runtime \\",
                "      --run \"{bin} --bench big.log\" --runs 7",
                "  cargo-profile-advisor measure --goal small-binary \\",
                "      --candidates default,recommended --try 'opt-level=\"s\"' \\",
                "      --format json > measured.json",
                "  cargo-profile-advisor recommend --goal small-binary --measured measured.json"})
final class MeasureCommand implements Callable<Integer> {
    /** Exit code when Ctrl-C stopped the measurement. */
    static final int INTERRUPTED = 130;

    @Spec
    CommandSpec spec;

    @Option(names = {"-g", "--goal"}, required = true, paramLabel = "GOAL[=WEIGHT]",
            description = "A goal id or alias, optionally weighted 1-10 (repeatable). See `goals`.")
    List<String> goals;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", description = "The profile to measure. Default: the goals' profile, as recommend chooses it.")
    String profile;

    @Option(names = "--manifest-path", paramLabel = "PATH", description = "The project's Cargo.toml or directory (default: the current directory's workspace).")
    Path manifestPath;

    @Option(names = "--candidates", split = ",", paramLabel = "KIND",
            description = "Which candidates (comma-separated): default, current, recommended, alternatives, cargo-wizard. Default: all.")
    List<String> candidates;

    @Option(names = "--try", paramLabel = "SETTINGS",
            description = "One more candidate: these comma-separated KEY=VALUE settings over your profile, e.g. 'lto=\"thin\",codegen-units=1' (repeatable).")
    List<String> tries = new ArrayList<>();

    @Option(names = "--run", paramLabel = "CMD", description = "A command to time on each candidate's binary, run by /bin/sh in the project's "
            + "directory; {bin} stands for the binary, e.g. \"{bin} --bench big.log\".")
    String run;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Rounds of --run, interleaved over the candidates, after one warm-up round (default 5).")
    int runs;

    @Option(names = "--run-timeout", defaultValue = "300", paramLabel = "SECONDS", description = "Stop one run after this long (default 300).")
    long runTimeout;

    @Option(names = "--instructions", defaultValue = "auto", paramLabel = "HOW",
            description = "Count instructions of one run: auto (perf stat where it counts, else valgrind), perf, valgrind, none.")
    String instructions;

    @Option(names = "--bin", paramLabel = "NAME", description = "The binary to build and run, when the workspace has several.")
    String bin;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "cargo's --jobs.")
    Integer jobs;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write DIR/measure.json and DIR/measure.svg (the chart); builds go under DIR.")
    Path out;

    @Option(names = "--keep-target", description = "Keep every candidate's target directory (under --out, or target/profile-advisor).")
    boolean keepTarget;

    @Option(names = "--no-project-goals", description = "Do not add the goals the project implies (catch-panics where the sources call catch_unwind).")
    boolean noProjectGoals;

    @Option(names = "--apply", description = "Then write the measured winner into Cargo.toml, as `apply --measured` would (shows the diff).")
    boolean apply;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() throws Exception {
        Set<String> kinds = new LinkedHashSet<>(candidates == null ? MeasureRequest.KINDS : candidates);
        for (String k : kinds) {
            if (!MeasureRequest.KINDS.contains(k)) {
                throw new ParameterException(spec.commandLine(), "unknown candidate kind `" + k + "` in --candidates; expected "
                        + String.join(", ", MeasureRequest.KINDS));
            }
        }
        if (!List.of("auto", "perf", "valgrind", "none").contains(instructions)) {
            throw new ParameterException(spec.commandLine(), "--instructions must be auto, perf, valgrind or none, not `" + instructions + "`");
        }
        if (runs < 1 || runs > 1000) throw new ParameterException(spec.commandLine(), "--runs must be from 1 to 1000, not " + runs);
        if (runTimeout < 1) throw new ParameterException(spec.commandLine(), "--run-timeout must be at least 1 second");
        if (format == Format.toml) throw new ParameterException(spec.commandLine(), "measure prints text or json, not toml");
        if (jobs != null && jobs < 1) throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
        Path cwd = Path.of("").toAbsolutePath();
        Path manifest = manifestPath != null ? manifestPath : RecommendCommand.workspaceHere(cwd);
        if (manifest == null) {
            throw new dev.profileadvisor.AdvisorException(dev.profileadvisor.Problem.of(cwd.toString(),
                    "not a Rust project: no Cargo.toml here or above; run measure in a crate or give --manifest-path"));
        }
        ProfileAdvisor advisor = load.advisor(Set.of(ProfileAdvisor.Use.RECOMMEND));
        MeasureRequest request = new MeasureRequest(manifest, goals.stream().map(GoalWeight::parse).toList(), Optional.ofNullable(profile),
                kinds, tries, Optional.ofNullable(run), runs, runTimeout, instructions, Optional.ofNullable(bin),
                jobs == null ? OptionalInt.empty() : OptionalInt.of(jobs), Optional.ofNullable(out), keepTarget, !noProjectGoals, System.getenv());
        Measurer measurer = advisor.measurer();
        CountDownLatch printed = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            measurer.cancel();
            try {
                printed.await(30, TimeUnit.SECONDS); // let the main thread print what finished and clean up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "measure-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        MeasureReport report;
        try (MeasureProgressBar bar = MeasureProgressBar.forStderr()) {
            report = measurer.measure(request, bar);
        } catch (RuntimeException e) {
            printed.countDown();
            removeHook(onCtrlC);
            throw e;
        }
        PrintWriter o = spec.commandLine().getOut();
        if (format == Format.json) o.println(MeasureDocuments.write(report));
        else o.print(MeasureText.render(report));
        o.flush();
        Path json = null;
        if (out != null) {
            json = out.resolve("measure.json");
            writeOutput(json, MeasureDocuments.write(report) + "\n");
            writeOutput(out.resolve("measure.svg"), MeasureChart.svg(report));
            spec.commandLine().getErr().println("wrote " + json + " and " + out.resolve("measure.svg"));
        }
        int code = report.interrupted() ? INTERRUPTED
                : report.candidates().stream().anyMatch(m -> m.error().isPresent()) ? Main.CHECK_FAILED : Main.OK;
        if (apply && !report.interrupted()) code = Math.max(code, applyWinner(manifest, report, json));
        printed.countDown();
        if (!report.interrupted()) removeHook(onCtrlC);
        return code;
    }

    /** {@code apply --measured} on this measurement: the same safe write, diff and messages as {@code apply}. */
    private int applyWinner(Path manifest, MeasureReport report, Path json) throws java.io.IOException {
        Path file = json;
        boolean temp = file == null;
        if (temp) {
            file = java.nio.file.Files.createTempFile("cpa-measured-", ".json");
            java.nio.file.Files.writeString(file, MeasureDocuments.write(report));
        }
        try {
            List<String> args = new ArrayList<>(List.of("apply", "--manifest-path", manifest.toString(), "--profile", report.profile(),
                    "--measured", file.toString()));
            if (noProjectGoals) args.add("--no-project-goals");
            for (String g : goals) args.addAll(List.of("--goal", g));
            spec.commandLine().getOut().println();
            spec.commandLine().getOut().println("applying the measured winner: cargo-profile-advisor " + String.join(" ", args.stream()
                    .map(a -> a.matches("[A-Za-z0-9_./=:-]+") ? a : "'" + a.replace("'", "'\\''") + "'").toList()));
            return Main.run(args.toArray(String[]::new), spec.commandLine().getOut(), spec.commandLine().getErr());
        } finally {
            if (temp) java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Our own output file, replaced whole (a temporary file renamed over it), so a reader never sees half of it. */
    private static void writeOutput(Path file, String text) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = java.nio.file.Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            java.nio.file.Files.writeString(tmp, text);
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook runs and waits for nothing
        }
    }
}
