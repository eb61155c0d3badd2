package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Map;

/**
 * What one value does to each criterion, on a −3 … +3 scale.
 *
 * @param scope    where the value is set: {@code profile} or {@code dependencies}
 * @param setting  setting key
 * @param value    value id
 * @param scores   criterion → score
 * @param evidence the measurements or claims behind the scores
 * @param sources  source keys
 */
public record Effect(String scope, String setting, String value, Map<String, Integer> scores, String evidence,
                     List<String> sources) {
    /** The criteria a goal can weigh. */
    public static final List<String> CRITERIA =
            List.of("size", "runtime", "build-time", "build-memory", "backtraces", "profiling", "checks");

    /**
     * Copies the collections.
     *
     * @param scope    where the value is set: {@code profile} (the whole profile) or {@code dependencies} (only
     *                 {@code package."*"}), see knowledge/scopes.toml
     * @param setting  setting key
     * @param value    value id
     * @param scores   criterion → score
     * @param evidence the measurements or claims behind the scores
     * @param sources  source keys
     */
    public Effect {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        sources = List.copyOf(sources);
    }
}
