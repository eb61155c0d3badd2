package dev.profileadvisor.facts;

/**
 * A value a measurement on the user's crate found best for a goal ({@code --measured}).
 *
 * @param goal  goal id
 * @param key   profile key
 * @param value value id
 */
public record MeasuredValue(String goal, String key, String value) {
}
