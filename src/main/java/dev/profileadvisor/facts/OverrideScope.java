package dev.profileadvisor.facts;

/**
 * An override table a plan may write, and a key it may decide there: only keys with effects in that scope are
 * tallied (from knowledge/effects.toml rows with {@code scope}, or knowledge/crates.toml for a named package).
 *
 * @param scope    {@code dependencies} or {@code package.NAME}
 * @param key      setting key
 * @param fallback the scope its units fall back to when the table does not set the key
 */
public record OverrideScope(String scope, String key, String fallback) {
}
