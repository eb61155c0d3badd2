package dev.profileadvisor.cli;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.apply.ApplyPlan;
import dev.profileadvisor.apply.ApplyRequest;
import dev.profileadvisor.guide.ApplyCommandLine;
import dev.profileadvisor.guide.Backend;
import dev.profileadvisor.guide.Choices;
import dev.profileadvisor.guide.Dialog;
import dev.profileadvisor.guide.TerminalGuide;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.ProfileInfo;
import dev.profileadvisor.recommend.Host;
import dev.profileadvisor.recommend.HostProbe;
import dev.profileadvisor.recommend.PlanProject;
import dev.profileadvisor.recommend.Request;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code guide}: the dialog on a terminal that ends in what {@code apply} does. */
@Command(name = "guide", mixinStandardHelpOptions = true,
        description = {"Choose the profile and goals in a dialog on the terminal, see the plan and its diff, then apply it.",
                "The project's own profiles are listed; goals take aliases and weights, and Tab completes. After the justified "
                + "plan and the unified diff: apply, edit the weights, change the goals or profile, or quit. Every answer is a "
                + "flag of `apply`, and the last screen prints that command line; applying writes as `apply` does. Without a "
                + "terminal it refuses and names the command to run instead."},
        footer = {"", "Exit codes: 0 applied, nothing to change, or quit; 2 no terminal, or bad input",
                "(an unreadable Cargo.toml, a file changed meanwhile); 3 internal error.",
                "", "Examples:", "  cargo-profile-advisor guide", "  cargo-profile-advisor guide --manifest-path crates/app"})
final class GuideCommand implements Callable<Integer> {
    @Option(names = "--manifest-path", paramLabel = "PATH",
            description = "A Cargo.toml or directory of the workspace (default: the current directory's). The workspace root manifest is edited.")
    Path manifestPath;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() throws IOException {
        List<String> options = new ArrayList<>(); // what apply must be given too to do the same
        if (manifestPath != null) options.addAll(List.of("--manifest-path", manifestPath.toString()));
        if (load.rules != null) options.addAll(List.of("--rules", load.rules.toString()));
        if (load.knowledge != null) options.addAll(List.of("--knowledge", load.knowledge.toString()));
        if (!TerminalGuide.interactive()) {
            throw new AdvisorException(Problem.of("guide", "needs a terminal (standard input and output are not both one); "
                    + "run the equivalent command instead: `" + ApplyCommandLine.template(options) + "`"));
        }
        ProfileAdvisor advisor = load.advisor(java.util.Set.of(ProfileAdvisor.Use.RECOMMEND));
        Path manifest = manifestPath == null ? Path.of("") : ApplyCommand.manifest(manifestPath, Path.of("").toAbsolutePath());
        return TerminalGuide.run(new Dialog(new Plans(advisor, manifest), options));
    }

    /** The dialog's plans: computed, shown and written as {@code apply} does. */
    static final class Plans implements Backend {
        private final ProfileAdvisor advisor;
        private final Path manifest;
        private final Path base = Path.of("").toAbsolutePath();
        private final Map<String, String> env = System.getenv();
        private final PlanProject project;
        private final Host host;

        /** @throws AdvisorException when there is no manifest or it cannot be read: before any question */
        Plans(ProfileAdvisor advisor, Path manifest) {
            this.advisor = advisor;
            this.manifest = manifest;
            this.project = advisor.project(manifest, env, base);
            this.host = HostProbe.detect(env, advisor.knowledge().targets(), false);
        }

        @Override
        public String manifest() {
            return TerminalText.line(project.manifest());
        }

        @Override
        public List<ProfileChoice> profiles() {
            List<ProfileChoice> out = new ArrayList<>();
            Knowledge k = advisor.knowledge();
            for (PlanProject.ProjectProfile p : project.profiles().values()) {
                List<String> set = new ArrayList<>();
                p.setAt().forEach((key, at) -> set.add(key + " (" + at + ")"));
                p.overrides().forEach((table, values) -> values.keySet().forEach(key -> set.add(table + "." + key)));
                String inForce = set.isEmpty() ? "" : "in force: " + String.join(", ", set);
                out.add(new ProfileChoice(p.name(), true, TerminalText.line(k.profiles().containsKey(p.name()) ? inForce
                        : "the project's own, inherits " + p.inherits().orElse("?") + (inForce.isEmpty() ? "" : "; " + inForce))));
            }
            for (ProfileInfo p : k.profiles().values()) {
                if (!project.profiles().containsKey(p.name())) out.add(new ProfileChoice(p.name(), false, p.summary()));
            }
            return out;
        }

        @Override
        public List<GoalChoice> goals() {
            return advisor.knowledge().goals().values().stream().map(g -> new GoalChoice(g.id(), g.summary(), g.aliases())).toList();
        }

        @Override
        public Optional<String> goalId(String typed) {
            return advisor.knowledge().goal(typed).map(Goal::id);
        }

        @Override
        public Review review(Choices choices) {
            Request request = new Request(choices.goals(), choices.profile(), choices.inherits()).inferGoals(true).host(host);
            ApplyPlan plan = advisor.plan(new ApplyRequest(manifest, request, env, base));
            StringWriter screen = new StringWriter();
            PrintWriter w = new PrintWriter(screen);
            w.print(TextRenderer.recommendation(plan.recommendation()));
            w.println();
            ApplyCommand.report(plan, w, w);
            w.flush();
            return new Review(screen.toString(), plan.changesAnything(), () -> {
                StringWriter wrote = new StringWriter();
                ApplyCommand.write(plan, new PrintWriter(wrote));
                return wrote.toString();
            });
        }
    }
}
