package dev.profileadvisor.facts;

import java.util.List;

/**
 * A weighted argument for (positive score) or against (negative) a value (derived fact).
 *
 * @param scope     {@code profile}, {@code dependencies} or {@code package.NAME}
 * @param key       setting key
 * @param value     value id
 * @param goal      the goal that asked
 * @param rule      the rule that derived it
 * @param score     effect × criterion multiplier × goal weight
 * @param criterion the criterion behind it
 * @param sources   source keys of the evidence
 */
public record Preference(String scope, String key, String value, String goal, String rule, int score, String criterion,
                         List<String> sources) {
    /**
     * Copies the sources.
     *
     * @param scope     where the value is set
     * @param key       setting key
     * @param value     value id
     * @param goal      the goal that asked
     * @param rule      the rule that derived it
     * @param score     effect × criterion multiplier × goal weight
     * @param criterion the criterion behind it
     * @param sources   source keys of the evidence
     */
    public Preference {
        sources = List.copyOf(sources);
    }
}
