package dev.profileadvisor.facts;

/**
 * One profile key to decide (anchor fact).
 *
 * @param key          setting key
 * @param defaultValue the target profile's default value id
 */
public record SettingFact(String key, String defaultValue) {
}
