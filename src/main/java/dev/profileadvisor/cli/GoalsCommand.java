package dev.profileadvisor.cli;

import dev.profileadvisor.json.JsonDocuments;
import dev.profileadvisor.knowledge.Goal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code goals}: the goal catalogue. */
@Command(name = "goals", mixinStandardHelpOptions = true, description = "List the goals you can ask for, with aliases.")
final class GoalsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    PlainFormat format;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        var knowledge = load.advisor().knowledge();
        var goals = knowledge.goals().values();
        var out = spec.commandLine().getOut();
        if (format == PlainFormat.json) {
            out.println(JsonDocuments.write(JsonDocuments.goals(knowledge)));
        } else {
            int w = goals.stream().mapToInt(g -> g.id().length()).max().orElse(10);
            for (Goal g : goals) {
                out.printf("%-" + w + "s  %s%s%n", g.id(), g.summary(), g.profile().isEmpty() ? "" : " (profile `" + g.profile() + "`)");
                out.printf("%-" + w + "s  aliases: %s%n", "", String.join(", ", g.aliases()));
            }
            out.println();
            out.println("Weight a goal with `=N` (1-10): --goal fast-runtime=2 --goal fast-compile");
        }
        out.flush();
        return Main.OK;
    }
}
