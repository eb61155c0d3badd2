package dev.profileadvisor.facts;

/**
 * A value that must not be chosen (derived fact).
 *
 * @param key     setting key
 * @param value   value id
 * @param by      the goal (or {@code profile NAME}) that forbids it
 * @param rule    the rule that derived it
 */
public record Veto(String key, String value, String by, String rule) {
}
