package dev.profileadvisor.cli;

import dev.profileadvisor.apply.ApplyNote;
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
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code apply}: write a recommendation into the workspace root {@code Cargo.toml}, changing nothing else. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Write the recommendation for your goals into the workspace root Cargo.toml: only the keys it changes, "
                + "each reported; comments, layout and every other line stay as they are. Shows the unified diff, then writes "
                + "atomically. A custom profile the file already has keeps its own `inherits` unless --inherits is given."},
        footer = {"", "Exit codes: 0 written, already matching, or --dry-run; 1 with --check when the",
                "file would change; 2 bad input (invalid TOML, an inline profile table, the file",
                "changed meanwhile); 3 internal error.",
                "", "Examples:", "  cargo-profile-advisor apply --goal small-binary",
                "  cargo-profile-advisor apply --goal profilable --profile profiling",
                "  cargo-profile-advisor apply -g fast-compile -p dev --dry-run | git apply",
                "  cargo-profile-advisor apply --goal small-binary --check"})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions what;

    @Option(names = "--manifest-path", paramLabel = "PATH",
            description = "A Cargo.toml or directory of the workspace (default: the current directory's). The workspace root manifest is edited.")
    Path manifestPath;

    @Option(names = "--dry-run", description = "Print only the unified diff (pipe it to `git apply`); write nothing.")
    boolean dryRun;

    @Option(names = "--check", description = "Write nothing; exit with 1 when the file would change (for CI).")
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
        ApplyPlan plan = advisor.plan(new ApplyRequest(manifestPath == null ? Path.of("") : manifestPath, request,
                System.getenv(), base));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter info = dryRun ? spec.commandLine().getErr() : out; // --dry-run: the diff alone on stdout
        String file = plan.file().display();
        info.println("applying " + plan.recommendation().goals().stream().map(GoalWeight::goal).collect(Collectors.joining(" + "))
                + " to [profile." + plan.recommendation().profile() + "] in " + file
                + (plan.fromMember() ? " (the workspace root of " + plan.named() + "; cargo reads profiles only there)" : ""));
        info.flush();
        out.print(plan.diff());
        out.flush();
        for (Change c : plan.changes().stream().sorted(java.util.Comparator.comparingInt(Change::line)).toList()) info.println(file + ":" + c.line() + ":" + c.column() + ": " + c.describe());
        for (ApplyNote n : plan.notes()) info.println(n);
        int code = Main.OK;
        if (!plan.changesFile()) {
            info.println(file + " already matches the recommendation");
        } else if (dryRun) {
            info.println("dry run: " + file + " not written");
            if (file.startsWith("../")) { // the diff names the file from its own directory: git and patch refuse `..`
                String dir = file.substring(0, file.lastIndexOf('/') + 1);
                info.println("the diff's paths are relative to " + dir + ": apply it there, e.g. `git -C " + dir + " apply`");
            }
        } else if (check) {
            info.println(file + " would change: " + plan.changes().size() + (plan.changes().size() == 1 ? " key differs" : " keys differ")
                    + " from the recommendation; nothing written");
            code = Main.CHECK_FAILED;
        } else {
            SafeWrite.replace(plan.file(), plan.text());
            info.println("wrote " + file);
        }
        info.flush();
        return code;
    }
}
