package dev.profileadvisor.recommend;

/**
 * A value that was considered for a setting and lost.
 *
 * @param value  value id
 * @param toml   its TOML literal (empty for "not written")
 * @param by     the goal or rule that overruled it
 * @param reason one sentence
 */
public record Overruled(String value, String toml, String by, String reason) {
}
