package dev.profileadvisor.facts;

/**
 * What the recommender would choose for a key of a profile, given the user's goals, where the effective value
 * scores worse for those goals (audit input fact, only with {@code --goal}).
 *
 * @param profile profile name
 * @param key     setting key
 * @param valueId the recommended value id
 * @param toml    its TOML literal (empty: leave the key unset)
 * @param goals   the goals, comma-separated
 * @param reason  the recommender's reason
 */
public record Recommended(String profile, String key, String valueId, String toml, String goals, String reason) {
}
