package dev.profileadvisor.facts;

/**
 * The summed score of one admissible value (derived, logically maintained). The decision order is in
 * {@code rules/recommend/30-decide.drl}: higher score, then cargo's default, then the value listed first.
 *
 * @param key       setting key
 * @param value     value id
 * @param score     sum of all preference scores for it
 * @param cargoDefault whether it is the profile's default
 * @param order     knowledge order
 */
public record Tally(String key, String value, int score, boolean cargoDefault, int order) {
}
