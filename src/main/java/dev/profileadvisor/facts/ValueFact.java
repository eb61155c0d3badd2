package dev.profileadvisor.facts;

import java.util.Set;

/**
 * A candidate value of a setting, with its traits (knowledge fact).
 *
 * @param key        setting key
 * @param value      value id
 * @param traits     traits from knowledge
 * @param order      position in the setting's value list
 * @param inherited  whether the profile gets it anyway when the plan writes nothing: cargo's default, or what the
 *                   project's files already make of it
 * @param sinceMinor the minor Rust version that introduced the value (71 for 1.71), 0 when it was always there
 */
public record ValueFact(String key, String value, Set<String> traits, int order, boolean inherited, int sinceMinor) {
    /**
     * Copies the traits.
     *
     * @param key        setting key
     * @param value      value id
     * @param traits     traits from knowledge
     * @param order      position in the setting's value list
     * @param inherited  whether the profile gets it anyway when the plan writes nothing
     * @param sinceMinor the minor Rust version that introduced the value, 0 when it was always there
     */
    public ValueFact {
        traits = Set.copyOf(traits);
    }
}
