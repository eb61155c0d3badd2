package dev.profileadvisor.facts;

import java.util.List;

/**
 * One score of one value on one criterion (knowledge fact).
 *
 * @param key       setting key
 * @param value     value id
 * @param criterion criterion
 * @param score     −3 … +3
 * @param sources   source keys
 */
public record EffectFact(String key, String value, String criterion, int score, List<String> sources) {
    /**
     * Copies the sources.
     *
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
