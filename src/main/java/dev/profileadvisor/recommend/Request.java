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
 */
public record Request(List<GoalWeight> goals, Optional<String> profile, Optional<String> inherits) {
    /**
     * Copies the goals.
     *
     * @param goals    goals as the user named them (ids or aliases), with weights
     * @param profile  the profile to write; empty to let the goals choose it
     * @param inherits the parent of a custom profile; empty for built-in and well-known profiles
     */
    public Request {
        goals = List.copyOf(goals);
    }

    /**
     * @param goals goal arguments as a user types them: {@code "small-binary"}, {@code "fast-runtime=2"}
     * @return a request for those goals
     * @throws dev.profileadvisor.AdvisorException when a weight is malformed
     */
    public static Request goals(String... goals) {
        return new Request(Arrays.stream(goals).map(GoalWeight::parse).toList(), Optional.empty(), Optional.empty());
    }

    /**
     * @param name the profile to write ({@code dev}, {@code release}, {@code profiling}, or a custom name with {@link #inherits(String)})
     * @return a copy targeting that profile
     */
    public Request profile(String name) {
        return new Request(goals, Optional.of(name), inherits);
    }

    /**
     * @param parent the profile a custom profile inherits from
     * @return a copy with that parent
     */
    public Request inherits(String parent) {
        return new Request(goals, profile, Optional.of(parent));
    }
}
