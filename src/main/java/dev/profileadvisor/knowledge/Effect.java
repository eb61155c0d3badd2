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
 * @param measured criterion → what measure found on the programs of bench/programs (knowledge/measurements.toml); the
 *                 score of such a criterion is derived from it, not hand-set
 */
public record Effect(String scope, String setting, String value, Map<String, Integer> scores, String evidence,
                     List<String> sources, Map<String, MeasuredEffect> measured) {
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
     * @param measured criterion → measurement
     */
    public Effect {
        scores = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scores));
        sources = List.copyOf(sources);
        measured = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measured));
    }

    /**
     * An effect known from the literature and hand-set scores only.
     *
     * @param scope    {@code profile} or {@code dependencies}
     * @param setting  setting key
     * @param value    value id
     * @param scores   criterion → score
     * @param evidence one sentence
     * @param sources  source keys
     */
    public Effect(String scope, String setting, String value, Map<String, Integer> scores, String evidence, List<String> sources) {
        this(scope, setting, value, scores, evidence, sources, Map.of());
    }

    /**
     * @param criterion a criterion
     * @return whether its score is derived from a measurement (else hand-set from the literature and the lab)
     */
    public boolean isMeasured(String criterion) {
        return measured.containsKey(criterion);
    }
}
