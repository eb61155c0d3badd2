package dev.profileadvisor.audit;

/**
 * The effective value of one key of a profile.
 *
 * @param key      setting key
 * @param value    the value as written ({@code "thin"}, {@code 3}) or cargo's default, {@code unset (…)} when cargo passes nothing
 * @param valueId  the knowledge value id, empty when the value is invalid
 * @param origin   {@code file:line:col}, {@code env VAR} or {@code default}
 * @param setIn    the profile whose table set it (an ancestor for inherited values), empty for defaults
 */
public record SettingReport(String key, String value, String valueId, String origin, String setIn) {
}
