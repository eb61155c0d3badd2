package dev.profileadvisor.facts;

import java.util.Set;

/**
 * A candidate value of a setting, with its traits (knowledge fact).
 *
 * @param key       setting key
 * @param value     value id
 * @param traits    traits from knowledge
 * @param order     position in the setting's value list
 * @param cargoDefault whether it is the target profile's default
 */
public record ValueFact(String key, String value, Set<String> traits, int order, boolean cargoDefault) {
    /**
     * Copies the traits.
     *
     * @param key       setting key
     * @param value     value id
     * @param traits    traits from knowledge
     * @param order     position in the setting's value list
     * @param cargoDefault whether it is the target profile's default
     */
    public ValueFact {
        traits = Set.copyOf(traits);
    }
}
