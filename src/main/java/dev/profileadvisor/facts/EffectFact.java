package dev.profileadvisor.facts;

import java.util.List;

/**
 * One score of one value on one criterion (knowledge fact).
 *
 * @param scope     {@code profile}, {@code dependencies} or {@code package.NAME}
 * @param key       setting key
 * @param value     value id
 * @param criterion criterion
 * @param score     −3 … +3
 * @param sources   source keys
 */
public record EffectFact(String scope, String key, String value, String criterion, int score, List<String> sources) {
    /**
     * Copies the sources.
     *
     * @param scope     where the value is set
     * @param key       setting key
     * @param value     value id
     * @param criterion criterion
     * @param score     −3 … +3
     * @param sources   source keys
     */
    public EffectFact {
        sources = List.copyOf(sources);
    }
}
