package dev.profileadvisor.recommend;

import dev.profileadvisor.GoalWeight;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What to recommend for: goals with weights and, optionally, the profile to write.
 *
 * @param goals    goals as the user named them (ids or aliases), with weights
 * @param profile  the profile to write; empty to let the goals choose it
 * @param inherits the parent of a custom profile; empty for built-in and well-known profiles
 * @param project  the project the plan is for ({@code --manifest-path}); empty for a generic plan
 * @param inferGoals whether goals the project implies are added ({@code catch-panics} where the sources call
 *                 {@code catch_unwind}); the user turns it off with {@code --no-project-goals}
 * @param targetCpu the CPU to compile for ({@code --target-cpu x86-64-v3}), written to {@code .cargo/config.toml} for
 *                 a goal that weighs runtime speed; empty to choose none
 * @param host     the machine that builds ({@link HostProbe}); empty for the host the knowledge assumes, with nothing
 *                 known to be installed
 * @param measured values a measurement on the project chose ({@code --measured}), which win over the scores; empty for none
 */
public record Request(List<GoalWeight> goals, Optional<String> profile, Optional<String> inherits,
                      Optional<PlanProject> project, boolean inferGoals, Optional<String> targetCpu, Optional<Host> host,
                      List<MeasuredChoice> measured) {
    /**
     * Copies the goals.
     *
     * @param goals    goals as the user named them (ids or aliases), with weights
     * @param profile  the profile to write; empty to let the goals choose it
     * @param inherits the parent of a custom profile; empty for built-in and well-known profiles
     * @param project  the project the plan is for; empty for a generic plan
     * @param inferGoals whether goals the project implies are added
     * @param targetCpu the CPU to compile for, empty to choose none
     * @param host     the machine that builds, empty for the one the knowledge assumes
     * @param measured values a measurement chose
     */
    public Request {
        goals = List.copyOf(goals);
        measured = List.copyOf(measured);
    }

    /**
     * A request with nothing measured.
     *
     * @param goals    goals as the user named them (ids or aliases), with weights
     * @param profile  the profile to write; empty to let the goals choose it
     * @param inherits the parent of a custom profile
     * @param project  the project the plan is for; empty for a generic plan
     * @param inferGoals whether goals the project implies are added
     * @param targetCpu the CPU to compile for, empty to choose none
     * @param host     the machine that builds, empty for the one the knowledge assumes
     */
    public Request(List<GoalWeight> goals, Optional<String> profile, Optional<String> inherits, Optional<PlanProject> project,
                   boolean inferGoals, Optional<String> targetCpu, Optional<Host> host) {
        this(goals, profile, inherits, project, inferGoals, targetCpu, host, List.of());
    }

    /**
     * @param choices values a measurement on the project chose ({@code recommend --measured})
     * @return a copy in which they win over the knowledge's scores
     */
    public Request measured(List<MeasuredChoice> choices) {
        return new Request(goals, profile, inherits, project, inferGoals, targetCpu, host, choices);
    }

    /**
     * A request without a CPU choice, for the host the knowledge assumes.
     *
     * @param goals    goals as the user named them (ids or aliases), with weights
     * @param profile  the profile to write; empty to let the goals choose it
     * @param inherits the parent of a custom profile; empty for built-in and well-known profiles
     * @param project  the project the plan is for; empty for a generic plan
     * @param inferGoals whether goals the project implies are added
     */
    public Request(List<GoalWeight> goals, Optional<String> profile, Optional<String> inherits, Optional<PlanProject> project,
                   boolean inferGoals) {
        this(goals, profile, inherits, project, inferGoals, Optional.empty(), Optional.empty());
    }

    /**
     * A request without a project, which implies no goals.
     *
     * @param goals    goals as the user named them (ids or aliases), with weights
     * @param profile  the profile to write; empty to let the goals choose it
     * @param inherits the parent of a custom profile; empty for built-in and well-known profiles
     */
    public Request(List<GoalWeight> goals, Optional<String> profile, Optional<String> inherits) {
        this(goals, profile, inherits, Optional.empty(), true);
    }

    /**
     * @param goals goal arguments as a user types them: {@code "small-binary"}, {@code "fast-runtime=2"}
     * @return a request for those goals
     * @throws dev.profileadvisor.AdvisorException when a weight is malformed
     */
    public static Request goals(String... goals) {
        return new Request(Arrays.stream(goals).map(GoalWeight::parse).toList(), Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    /**
     * @param name the profile to write ({@code dev}, {@code release}, {@code profiling}, or a custom name with {@link #inherits(String)})
     * @return a copy targeting that profile
     */
    public Request profile(String name) {
        return new Request(goals, Optional.of(name), inherits, project, inferGoals, targetCpu, host, measured);
    }

    /**
     * @param parent the profile a custom profile inherits from
     * @return a copy with that parent
     */
    public Request inherits(String parent) {
        return new Request(goals, profile, Optional.of(parent), project, inferGoals, targetCpu, host, measured);
    }

    /**
     * @param project the project the plan is for
     * @return a copy computed against that project
     */
    public Request project(PlanProject project) {
        return new Request(goals, profile, inherits, Optional.of(project), inferGoals, targetCpu, host, measured);
    }

    /**
     * @param infer whether goals the project implies are added
     * @return a copy with that choice
     */
    public Request inferGoals(boolean infer) {
        return new Request(goals, profile, inherits, project, infer, targetCpu, host, measured);
    }

    /**
     * @param cpu the CPU to compile for ({@code x86-64-v3}, {@code native}, a CPU name)
     * @return a copy with that choice
     */
    public Request targetCpu(String cpu) {
        return new Request(goals, profile, inherits, project, inferGoals, Optional.of(cpu), host, measured);
    }

    /**
     * @param host the machine that builds
     * @return a copy computed for it
     */
    public Request host(Host host) {
        return new Request(goals, profile, inherits, project, inferGoals, targetCpu, Optional.of(host), measured);
    }
}
