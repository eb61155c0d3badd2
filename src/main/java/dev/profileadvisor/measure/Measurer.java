package dev.profileadvisor.measure;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.recommend.PlanProject;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.Trace;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Builds every candidate on the user's crate and measures it, without touching the user's files: each candidate is
 * a custom profile given to cargo with {@code --config}, built in its own target directory; the root crate's main
 * source gets a newer modification time for the rebuild and its old one back afterwards; a {@code Cargo.lock} cargo
 * had to create is removed again, and an existing one is used {@code --locked}.
 */
public final class Measurer {
    private final Knowledge knowledge;
    private final Function<Request, Trace> engine;
    private final java.util.function.BiFunction<Path, Map<String, String>, PlanProject> projects;
    private volatile boolean cancelled;
    private volatile Process running;

    /**
     * @param knowledge the knowledge (peer templates, defaults, goals)
     * @param engine    the rules: a request's plan and runner-ups
     * @param projects  a manifest and environment → what its files make of the profiles
     */
    public Measurer(Knowledge knowledge, Function<Request, Trace> engine,
                    java.util.function.BiFunction<Path, Map<String, String>, PlanProject> projects) {
        this.knowledge = knowledge;
        this.engine = engine;
        this.projects = projects;
    }

    /** Stops the builds and runs: the one running is killed, and {@link #measure} returns what finished. */
    public void cancel() {
        cancelled = true;
        Process p = running;
        if (p != null) ProcessOutput.kill(p);
    }

    /**
     * @param request  what to measure
     * @param progress told each step
     * @return the figures, the front and the verdicts; {@code interrupted} when {@link #cancel()} stopped it
     * @throws AdvisorException for bad input: not a project, cargo missing, a {@code --run} without a binary to
     *                          run, dependencies cargo cannot fetch
     */
    public MeasureReport measure(MeasureRequest request, MeasureProgress progress) {
        Map<String, String> env = buildEnv(request.env());
        String cargo = cargo(env);
        Path manifest = manifestFile(request.manifest());
        CargoProject project = CargoProject.read(cargo, manifest, request.bin(), env);
        if (request.run().isPresent()) {
            if (!request.run().get().contains("{bin}")) {
                throw new AdvisorException(Problem.of("--run", "the command has no `{bin}`: write where the candidate's binary goes, e.g. "
                        + "--run \"{bin} --bench input.txt\""));
            }
            if (project.bins().isEmpty()) throw new AdvisorException(Problem.of("--run", "the workspace builds no binary to run"));
            if (project.bins().size() > 1) {
                throw new AdvisorException(Problem.of("--bin", "the workspace has " + project.bins().size() + " binaries ("
                        + String.join(", ", project.bins().stream().map(CargoProject.Bin::name).toList()) + "): say which one --run runs with --bin NAME"));
            }
        }
        PlanProject facts = projects.apply(manifest, request.env());
        Request r = new Request(request.goals(), request.profile(), Optional.empty()).project(facts).inferGoals(request.inferGoals());
        Trace trace = engine.apply(r);
        Recommendation plan = trace.recommendation();
        String profile = plan.profile();
        boolean defined = facts.profiles().containsKey(profile) || knowledge.profiles().containsKey(profile)
                && knowledge.profiles().get(profile).builtIn();
        String parent = defined ? profile : plan.inherits().orElse(knowledge.rootOf(profile, null));
        CandidatePlanner planner = new CandidatePlanner(knowledge);
        List<Candidate> candidates = planner.plan(request.candidates(), request.tries(), trace, facts, defined ? profile : parent, parent);

        Path work = request.out().orElse(project.targetDirectory().resolve("profile-advisor")).toAbsolutePath();
        boolean workExisted = Files.exists(work);
        Optional<String> gnuTime = gnuTime(env);
        Builder builder = new Builder(cargo, project, env, request.jobs(), gnuTime);
        List<String> notes = new ArrayList<>();
        notes.add(gnuTime.isPresent() ? "build CPU time and peak RSS from GNU time: CPU is cargo's and every process it waited for; "
                + "peak RSS is the largest single process (rustc or the linker), not their sum"
                : "no GNU time (/usr/bin/time): only wall times are measured (install Debian's `time` package for CPU time and peak RSS)");
        notes.add("the rebuild is timed after giving " + project.root().relativize(project.mainSource()) + " a newer modification time "
                + "(its old one is put back), the edit-compile-run loop's cost");
        List<Figures.Measurement> done = new ArrayList<>();
        int steps = candidates.size() + (request.run().isPresent() ? request.runs() + 2 : 0);
        progress.started(steps);
        FileTime mtime = mtime(project.mainSource());
        try {
            for (int i = 0; i < candidates.size() && !cancelled; i++) {
                Candidate c = candidates.get(i);
                progress.step("build " + c.id() + " (" + (i + 1) + "/" + candidates.size() + ")");
                Path target = work.resolve("targets").resolve("cpa-" + i);
                try {
                    Builder.Built b = builder.build(c, "cpa-" + i, parent, target, true, p -> running = p);
                    List<Figures.Artifact> kept = new ArrayList<>();
                    for (Figures.Artifact a : b.artifacts()) {
                        Path copy = work.resolve("bins").resolve("cpa-" + i).resolve(a.path().getFileName());
                        Files.createDirectories(copy.getParent());
                        Files.copy(a.path(), copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                        kept.add(request.keepTarget() ? a : new Figures.Artifact(a.name(), a.kind(), copy, a.bytes(), a.symbols(), a.lineTables(), a.debugInfo()));
                    }
                    if (kept.isEmpty()) {
                        done.add(new Figures.Measurement(c, kept, Optional.of(b.build()), b.rebuildSeconds(), Optional.empty(),
                                Optional.of("the build produced no binary, cdylib or staticlib of the workspace to weigh")));
                    } else {
                        done.add(new Figures.Measurement(c, kept, Optional.of(b.build()), b.rebuildSeconds(), Optional.empty(), Optional.empty()));
                    }
                } catch (Builder.BuildFailed e) {
                    if (cancelled) break;
                    if (e.needsNetwork) throw Builder.networkProblem(e.getMessage());
                    done.add(new Figures.Measurement(c, List.of(), Optional.empty(), OptionalDouble.empty(), Optional.empty(),
                            Optional.of("cargo could not build it: " + e.getMessage())));
                } finally {
                    if (!request.keepTarget()) Builder.deleteTree(target);
                }
            }
            restore(project.mainSource(), mtime);
            if (request.run().isPresent() && !cancelled) done = runAll(request, project, env, done, notes, progress);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            restore(project.mainSource(), mtime);
            if (!project.lockExisted()) {
                try {
                    Files.deleteIfExists(project.lock());
                } catch (IOException ignored) {
                    // cargo's own lock file, created by this run; a later build recreates it
                }
            }
            if (!request.keepTarget()) {
                Builder.deleteTree(work.resolve("targets"));
                Builder.deleteTree(work.resolve("bins"));
                if (!workExisted && request.out().isEmpty()) Builder.deleteTree(work);
            }
            progress.finished();
        }
        List<GoalWeight> goals = plan.goals();
        return new MeasureReport(project.root().resolve("Cargo.toml").toString(), defined ? profile : parent, parent, goals, done,
                Analysis.pareto(done), best(goals, done), Analysis.verdicts(knowledge, goals, done, planner), notesWith(notes, candidates),
                cancelled);
    }

    private static List<String> notesWith(List<String> notes, List<Candidate> candidates) {
        List<String> out = new ArrayList<>(notes);
        for (Candidate c : candidates) for (String n : c.notes()) out.add("`" + c.id() + "`: " + n);
        return out;
    }

    private Map<String, String> best(List<GoalWeight> goals, List<Figures.Measurement> all) {
        Map<String, String> out = new LinkedHashMap<>();
        for (MeasureReport.Verdict v : Analysis.verdicts(knowledge, goals, all, new CandidatePlanner(knowledge))) {
            v.best().ifPresent(b -> out.put(v.goal(), b));
        }
        return out;
    }

    /** Interleaved rounds over the candidates that built, then the instructions of one run each. */
    private List<Figures.Measurement> runAll(MeasureRequest request, CargoProject project, Map<String, String> env,
                                             List<Figures.Measurement> built, List<String> notes, MeasureProgress progress) {
        Workload w = new Workload(request.run().get(), request.manifest().toFile().isDirectory() ? request.manifest() : manifestFile(request.manifest()).getParent(),
                env, request.runTimeoutSeconds());
        Map<Integer, List<Double>> times = new LinkedHashMap<>();
        Map<Integer, String> failed = new LinkedHashMap<>();
        for (int round = 0; round <= request.runs() && !cancelled; round++) {
            progress.step(round == 0 ? "run warm-up round" : "run round " + round + "/" + request.runs());
            for (int i = 0; i < built.size() && !cancelled; i++) {
                Figures.Measurement m = built.get(i);
                if (!m.ok() || failed.containsKey(i)) continue;
                try {
                    double s = w.once(bin(m), p -> running = p);
                    if (round > 0) times.computeIfAbsent(i, k -> new ArrayList<>()).add(s);
                } catch (Workload.RunFailed e) {
                    if (!cancelled) failed.put(i, e.getMessage());
                }
            }
        }
        Workload.Counter counter = cancelled ? Workload.Counter.NONE
                : w.available(Workload.Counter.valueOf(request.counter().toUpperCase(java.util.Locale.ROOT)));
        String by = switch (counter) {
            case PERF -> "perf";
            case VALGRIND -> "valgrind";
            default -> "";
        };
        notes.add(switch (counter) {
            case PERF -> "instructions: perf stat (user-space instructions retired by one run)";
            case VALGRIND -> "instructions: valgrind's cachegrind (I refs of one run, the shell's few included); perf stat does not count here";
            default -> "instructions: not counted (" + (request.counter().equals("none") ? "--instructions none" : "neither perf stat nor valgrind works here") + ")";
        });
        if (counter != Workload.Counter.NONE) progress.step("count instructions (" + by + ")");
        List<Figures.Measurement> out = new ArrayList<>();
        for (int i = 0; i < built.size(); i++) {
            Figures.Measurement m = built.get(i);
            if (!m.ok() || cancelled) {
                out.add(m);
                continue;
            }
            if (failed.containsKey(i)) {
                out.add(m.withRun(Optional.empty(), Optional.of("the --run command failed: " + failed.get(i))));
                continue;
            }
            List<Double> t = times.getOrDefault(i, List.of());
            if (t.isEmpty()) {
                out.add(m);
                continue;
            }
            OptionalLong instr = OptionalLong.empty();
            if (counter != Workload.Counter.NONE) {
                try {
                    instr = w.instructions(bin(m), counter, p -> running = p);
                } catch (Workload.RunFailed e) {
                    notes.add("`" + m.candidate().id() + "`: instructions not counted: " + e.getMessage());
                }
            }
            double[] s = Workload.summary(t);
            out.add(m.withRun(Optional.of(new Figures.Run(s[0], s[1], s[2], t.size(), instr, instr.isPresent() ? by : "")), Optional.empty()));
        }
        if (!failed.isEmpty() && out.stream().noneMatch(x -> x.run().isPresent())) {
            throw new AdvisorException(Problem.of("--run", "the command failed for every candidate; check it by hand first:\n"
                    + failed.values().iterator().next()));
        }
        return out;
    }

    private static Path bin(Figures.Measurement m) {
        return m.artifacts().stream().filter(a -> a.kind().equals("bin")).map(Figures.Artifact::path).findFirst()
                .orElse(m.artifacts().get(0).path());
    }

    /** The environment for cargo: the user's, with output made machine-readable and no target directory of theirs. */
    private static Map<String, String> buildEnv(Map<String, String> user) {
        Map<String, String> env = new LinkedHashMap<>(user);
        env.remove("CARGO_TARGET_DIR");
        env.remove("CARGO_BUILD_TARGET_DIR");
        env.put("CARGO_TERM_COLOR", "never");
        env.put("CARGO_TERM_PROGRESS_WHEN", "never");
        return env;
    }

    /** cargo on PATH, else ~/.cargo/bin/cargo, else an {@link AdvisorException} saying how to install it. */
    static String cargo(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "cargo");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toString();
        }
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".cargo", "bin", "cargo");
        if (Files.isExecutable(home)) return home.toString();
        throw new AdvisorException(Problem.of("cargo", "cargo is not on PATH nor in ~/.cargo/bin: measure builds your crate with it; "
                + "install Rust with rustup (https://rustup.rs)"));
    }

    private static Optional<String> gnuTime(Map<String, String> env) {
        for (String p : List.of("/usr/bin/time", "/bin/time")) {
            if (!Files.isExecutable(Path.of(p))) continue;
            ProcessOutput v = ProcessOutput.run(List.of(p, "--version"), Path.of("/"), env, 10);
            if ((v.stdout() + v.stderr()).contains("GNU")) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** A {@code Cargo.toml}, or a directory holding one; anything else is refused as cargo refuses it. */
    static Path manifestFile(Path given) {
        Path p = given.toAbsolutePath().normalize();
        if (Files.isDirectory(p)) {
            Path m = p.resolve("Cargo.toml");
            if (!Files.isRegularFile(m)) {
                throw new AdvisorException(Problem.of(given.toString(), "not a Rust project: there is no Cargo.toml in this directory "
                        + "(give --manifest-path the project's Cargo.toml or its directory)"));
            }
            return m;
        }
        if (!Files.exists(p)) throw new AdvisorException(Problem.of(given.toString(), "no such file or directory"));
        if (!p.getFileName().toString().equals("Cargo.toml")) {
            throw new AdvisorException(Problem.of(given.toString(), "not a Cargo.toml: cargo builds only from a manifest named Cargo.toml"));
        }
        return p;
    }

    private static FileTime mtime(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            throw new AdvisorException(Problem.of(p.toString(), "cannot read the file's modification time: " + e.getMessage()));
        }
    }

    private static void restore(Path p, FileTime t) {
        try {
            Files.setLastModifiedTime(p, t);
        } catch (IOException ignored) {
            // the source was removed meanwhile: nothing to put back
        }
    }
}
