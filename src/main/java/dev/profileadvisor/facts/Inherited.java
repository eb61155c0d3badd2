package dev.profileadvisor.facts;

/**
 * What an override table's units get for a key when the plan writes nothing there (derived from the decision of the
 * scope it falls back to: {@code package."*"} falls back to the profile, {@code package.NAME} to {@code "*"}).
 *
 * @param scope {@code dependencies} or {@code package.NAME}
 * @param key   setting key
 * @param value value id
 */
public record Inherited(String scope, String key, String value) {
}
