package dev.profileadvisor.facts;

import java.util.List;

/**
 * What the recommender would choose for a key of a profile, given the user's goals, where the effective value
 * scores worse for those goals (audit input fact, only with {@code --goal}).
 *
 * @param profile profile name
 * @param key     setting key
 * @param valueId the recommended value id
 * @param toml    its TOML literal (empty: leave the key unset)
 * @param goals   the goals, as given
 * @param reason  the recommender's reason
 */
public record Recommended(String profile, String key, String valueId, String toml, List<String> goals, String reason) {
    /**
     * Copies the goals.
     *
     * @param profile profile name
     * @param key     setting key
     * @param valueId the recommended value id
     * @param toml    its TOML literal (empty: leave the key unset)
     * @param goals   the goals, as given
     * @param reason  the recommender's reason
     */
    public Recommended {
        goals = List.copyOf(goals);
    }

    /** @return {@code key = value} to write, or empty when the recommendation is to leave the key unset */
    public String assignment() {
        return toml.isEmpty() ? "" : key + " = " + toml;
    }
}
