package dev.profileadvisor.facts;

/**
 * The chosen value of a setting (derived, logically maintained).
 *
 * @param key     setting key
 * @param value   value id
 */
public record Decision(String key, String value) {
}
