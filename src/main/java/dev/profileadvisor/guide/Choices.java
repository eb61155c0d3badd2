package dev.profileadvisor.guide;

import dev.profileadvisor.GoalWeight;

import java.util.List;
import java.util.Optional;

/**
 * What the user has chosen so far: each maps to a flag of {@code apply}.
 *
 * @param profile  {@code --profile}; empty: chosen by the goals
 * @param inherits {@code --inherits}, for a custom profile the project does not have
 * @param goals    {@code --goal ID=WEIGHT}, goal ids in the order chosen
 */
public record Choices(Optional<String> profile, Optional<String> inherits, List<GoalWeight> goals) {
    /**
     * Copies the list.
     *
     * @param profile  {@code --profile}; empty: chosen by the goals
     * @param inherits {@code --inherits}, for a custom profile the project does not have
     * @param goals    {@code --goal ID=WEIGHT}, goal ids in the order chosen
     */
    public Choices {
        goals = List.copyOf(goals);
        if (profile.isEmpty() && inherits.isPresent()) throw new IllegalArgumentException("--inherits without --profile");
    }

    /** @return nothing chosen yet */
    public static Choices none() {
        return new Choices(Optional.empty(), Optional.empty(), List.of());
    }

    Choices withProfile(Optional<String> name) {
        return new Choices(name, Optional.empty(), goals);
    }

    Choices withInherits(String parent) {
        return new Choices(profile, Optional.of(parent), goals);
    }

    Choices withGoals(List<GoalWeight> chosen) {
        return new Choices(profile, inherits, chosen);
    }

    Choices withWeight(int index, int weight) {
        List<GoalWeight> changed = new java.util.ArrayList<>(goals);
        changed.set(index, new GoalWeight(goals.get(index).goal(), weight));
        return new Choices(profile, inherits, changed);
    }
}
