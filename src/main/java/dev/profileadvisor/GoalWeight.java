package dev.profileadvisor;

/**
 * A goal and how much it matters.
 *
 * @param goal   goal id (or, in a {@link dev.profileadvisor.recommend.Request}, any alias the user typed)
 * @param weight a whole number from 1 to {@value #MAX_WEIGHT}
 */
public record GoalWeight(String goal, int weight) {
    /** The largest weight a goal can have. */
    public static final int MAX_WEIGHT = 10;

    /**
     * Parses what a user types: {@code small-binary}, {@code fast-runtime=2}, {@code "smallest binary"}.
     *
     * @param text the argument
     * @return the goal and weight (1 when none is given)
     * @throws AdvisorException when the weight is not a whole number from 1 to {@value #MAX_WEIGHT}
     */
    public static GoalWeight parse(String text) {
        int eq = text.lastIndexOf('=');
        if (eq < 0) return new GoalWeight(text.trim(), 1);
        String name = text.substring(0, eq).trim();
        String w = text.substring(eq + 1).trim();
        int weight;
        try {
            weight = Integer.parseInt(w);
        } catch (NumberFormatException e) {
            weight = -1;
        }
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new AdvisorException(Problem.of("--goal", "invalid weight `" + w + "` for goal `" + name
                    + "`: expected a whole number from 1 to " + MAX_WEIGHT + " (e.g. `" + name + "=2`)"));
        }
        return new GoalWeight(name, weight);
    }

    @Override
    public String toString() {
        return weight == 1 ? goal : goal + "=" + weight;
    }
}
