package dev.profileadvisor.facts;

/**
 * The chosen value of a setting in one scope (derived, logically maintained).
 *
 * @param scope   {@code profile}, {@code dependencies} or {@code package.NAME}
 * @param key     setting key
 * @param value   value id
 */
public record Decision(String scope, String key, String value) {
}
