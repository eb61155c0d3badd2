package dev.profileadvisor.facts;

/**
 * A value an override table may write: only values with effects in that scope are candidates (knowledge/effects.toml
 * rows with {@code scope}, or knowledge/crates.toml for a named package); the others could only tie with what the
 * table's units inherit, and that wins ties.
 *
 * @param scope    {@code dependencies} or {@code package.NAME}
 * @param key      setting key
 * @param value    the candidate value id
 * @param order    the value's position in knowledge, which breaks ties
 * @param fallback the scope its units fall back to when the table does not set the key
 */
public record OverrideScope(String scope, String key, String value, int order, String fallback) {
}
