package dev.profileadvisor.facts;

/**
 * The summed score of one admissible value in one scope (derived, logically maintained). The decision order is in
 * {@code rules/recommend/30-decide.drl}: higher score, then the value the table inherits, then the value listed first.
 *
 * @param scope     {@code profile}, {@code dependencies} or {@code package.NAME}
 * @param key       setting key
 * @param value     value id
 * @param score     sum of all preference scores for it in that scope
 * @param inherited whether the table gets it anyway when the plan writes nothing
 * @param order     knowledge order
 */
public record Tally(String scope, String key, String value, int score, boolean inherited, int order) {
}
