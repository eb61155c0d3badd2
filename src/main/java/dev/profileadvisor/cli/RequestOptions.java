package dev.profileadvisor.cli;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.recommend.Request;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/** {@code --goal}, {@code --profile} and {@code --inherits}: what to recommend for (recommend, apply). */
final class RequestOptions {
    @Option(names = {"-g", "--goal"}, required = true, paramLabel = "GOAL[=WEIGHT]",
            description = "A goal id or alias, optionally weighted 1-10 (repeatable). See `goals`.")
    List<String> goals;

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME",
            description = "Profile to write: dev, release, test, bench, profiling, or a custom name with --inherits. Default: chosen by the goals.")
    String profile;

    @Option(names = "--inherits", paramLabel = "PARENT", description = "Parent of a custom profile.")
    String inherits;

    @Option(names = "--no-project-goals", description = "Do not add the goals the project implies (catch-panics where the sources call catch_unwind).")
    boolean noProjectGoals;

    /** @return the request these options describe (weights parsed; a bad one is an AdvisorException) */
    Request request() {
        return new Request(goals.stream().map(GoalWeight::parse).toList(), Optional.ofNullable(profile), Optional.ofNullable(inherits))
                .inferGoals(!noProjectGoals);
    }
}
