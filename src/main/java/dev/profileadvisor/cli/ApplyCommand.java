package dev.profileadvisor.cli;

import dev.profileadvisor.apply.ApplyNote;
import dev.profileadvisor.apply.ConfigPlan;
import dev.profileadvisor.apply.ApplyPlan;
import dev.profileadvisor.apply.ApplyRequest;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.edit.Change;
import dev.profileadvisor.edit.SafeWrite;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code apply}: write a recommendation into the workspace root {@code Cargo.toml}, changing nothing else. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Write the recommendation for your goals into the workspace root Cargo.toml, and its target "
                + "settings (--target-cpu, a linker, frame pointers) into the .cargo/config.toml beside it, created when "
                + "missing: only the keys it changes, each reported, rustflags merged into what is there; comments, layout and "
                + "every other line stay as they are. Shows one unified diff for both files, then writes atomically. A custom "
                + "profile the file already has keeps its own `inherits` unless --inherits is given."},
        footer = {"", "Exit codes: 0 written, already matching, or --dry-run; 1 with --check when a",
                "file would change; 2 bad input (invalid TOML, an inline table, rustflags of the",
                "wrong type, an unknown --target-cpu, a file changed meanwhile, a manifest path",
                "that is not a Cargo.toml or a directory holding one); 3 internal error.",
                "", "Examples:", "  cargo-profile-advisor apply --goal small-binary",
                "  cargo-profile-advisor apply --goal profilable --profile profiling",
                "  cargo-profile-advisor apply -g fast-compile -p dev --dry-run | git apply",
                "  cargo-profile-advisor apply --goal small-binary --check",
                "  cargo-profile-advisor apply --goal fast-runtime --target-cpu x86-64-v3"})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions what;

    @Option(names = "--manifest-path", paramLabel = "PATH",
            description = "A Cargo.toml, or a directory holding one (default: the current directory's, searched upwards as cargo does). The workspace root manifest is edited.")
    Path manifestPath;

    @Option(names = "--dry-run", description = "Print only the unified diff (pipe it to `git apply`); write nothing.")
    boolean dryRun;

    @Option(names = "--check", description = "Write nothing; exit with 1 when a file would change (for CI).")
    boolean check;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        if (dryRun && check) {
            throw new ParameterException(spec.commandLine(), "--dry-run and --check exclude each other: --dry-run prints the diff, "
                    + "--check sets the exit code");
        }
        Request request = what.request();
        Path base = Path.of("").toAbsolutePath();
        ProfileAdvisor advisor = load.advisor(java.util.Set.of(ProfileAdvisor.Use.RECOMMEND));
        request = RequestOptions.onThisMachine(request, advisor);
        ApplyPlan plan = advisor.plan(new ApplyRequest(manifestPath == null ? Path.of("") : manifest(manifestPath, base), request,
                System.getenv(), base));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = dryRun ? spec.commandLine().getErr() : out; // --dry-run: the diff alone on stdout
        report(plan, info, out);
        String file = TerminalText.line(plan.file().display());
        java.util.Optional<ConfigPlan> config = plan.config();
        List<String> changing = new ArrayList<>();
        if (plan.changesFile()) changing.add(file);
        config.filter(ConfigPlan::changesFile).ifPresent(c -> changing.add(TerminalText.line(c.display())));
        int code = Main.OK;
        if (!dryRun && !check) { // a write removes what a killed apply left beside its file; so does a run that writes nothing
            if (!plan.changesFile()) SafeWrite.removeStaleTemps(plan.file().path());
            config.filter(c -> !c.changesFile() && c.file().isPresent()).ifPresent(c -> SafeWrite.removeStaleTemps(c.path()));
        }
        if (changing.isEmpty()) {
            // nothing to do
        } else if (dryRun) {
            info.println("dry run: " + String.join(" and ", changing) + " not written");
            if (file.startsWith("../")) { // the diff names the file from its own directory: git and patch refuse `..`
                String dir = file.substring(0, file.lastIndexOf('/') + 1);
                info.println("the diff's paths are relative to " + dir + ": apply it there, e.g. `git -C " + dir + " apply`");
            }
        } else if (check) {
            int n = plan.changes().size() + config.map(c -> c.changes().size()).orElse(0);
            info.println(String.join(" and ", changing) + " would change: " + n + (n == 1 ? " key differs" : " keys differ")
                    + " from the recommendation; nothing written");
            code = Main.CHECK_FAILED;
        } else {
            write(plan, info);
        }
        info.flush();
        return code;
    }

    /**
     * Prints what applying the plan does: the line naming the profile and files, the diff of both files (to
     * {@code out}), each change with its location, the notes, and which files already match. {@code guide} shows the
     * same.
     */
    static void report(ApplyPlan plan, PrintWriter info, PrintWriter out) {
        String file = TerminalText.line(plan.file().display());
        java.util.Optional<ConfigPlan> config = plan.config();
        info.println("applying " + plan.recommendation().goals().stream().map(GoalWeight::goal).collect(Collectors.joining(" + "))
                + " to [profile." + plan.recommendation().profile() + "] in " + file
                + (plan.fromMember() ? " (the workspace root of " + TerminalText.line(plan.named()) + "; cargo reads profiles only there)" : "")
                + config.map(c -> " and to [" + plan.recommendation().config().get(0).header() + "] in " + TerminalText.line(c.display())
                        + (c.creates() ? " (a new file)" : "")).orElse(""));
        info.flush();
        out.print(plan.fullDiff());
        out.flush();
        for (Change c : plan.changes().stream().sorted(java.util.Comparator.comparingInt(Change::line)).toList()) info.println(file + ":" + c.line() + ":" + c.column() + ": " + TerminalText.line(c.describe()));
        config.ifPresent(cp -> cp.changes().forEach(c -> info.println(TerminalText.line(cp.display() + ":" + c.line() + ":" + c.column() + ": "
                + c.describe()))));
        for (ApplyNote n : plan.notes()) info.println(TerminalText.line(n));
        if (!plan.changesFile()) info.println(file + " already matches the recommendation");
        config.filter(c -> !c.changesFile()).ifPresent(c -> info.println(TerminalText.line(c.display()) + " already matches the recommendation"));
        info.flush();
    }

    /** Writes the files the plan changes, safely ({@link SafeWrite}), and says so; {@code guide} writes the same way. */
    static void write(ApplyPlan plan, PrintWriter info) {
        java.util.Optional<ConfigPlan> config = plan.config();
        if (plan.changesFile()) {
            SafeWrite.replace(plan.file(), plan.text());
            info.println("wrote " + TerminalText.line(plan.file().display()));
        }
        if (config.isPresent() && config.get().changesFile()) {
            config.get().write(plan.file().path());
            info.println((config.get().creates() ? "created " : "wrote ") + TerminalText.line(config.get().display()));
        }
        info.flush();
    }

    /**
     * A directory given as {@code --manifest-path} must hold a {@code Cargo.toml} itself: cargo refuses a directory
     * outright, and searching upwards from it would edit an ancestor's manifest the user did not name.
     */
    static Path manifest(Path given, Path base) {
        Path in = base.resolve(given);
        if (!java.nio.file.Files.isDirectory(in)) return given;
        if (java.nio.file.Files.exists(in.resolve("Cargo.toml"))) return given.resolve("Cargo.toml");
        throw new dev.profileadvisor.AdvisorException(dev.profileadvisor.Problem.of(given.toString(),
                "is a directory without a `Cargo.toml`; nothing was written: give the path of the workspace's `Cargo.toml`, "
                        + "as cargo's `--manifest-path` expects"));
    }
}
