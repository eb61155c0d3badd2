package dev.profileadvisor.recommend;

/**
 * A value a measurement on the user's crate chose for a goal ({@code recommend --measured}): it wins over the
 * knowledge's scores unless a constraint forbids it.
 *
 * @param goal     goal id
 * @param key      profile key
 * @param value    the value id the measured winner has
 * @param evidence one sentence with the figures ({@code `small-binary`: `alt-opt-level-s` beats the plan, …})
 */
public record MeasuredChoice(String goal, String key, String value, String evidence) {
}
