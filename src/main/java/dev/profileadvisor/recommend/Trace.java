package dev.profileadvisor.recommend;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A recommendation with the rules that fired for it.
 *
 * @param recommendation the result
 * @param firings        rule id → times fired
 * @param decisions      setting → decided value id, for every setting
 * @param scores         setting → value id → summed weighted score
 * @param vetoed         every vetoed value of every setting
 */
public record Trace(Recommendation recommendation, Map<String, Integer> firings, Map<String, String> decisions,
                    Map<String, Map<String, Integer>> scores, Set<Vetoed> vetoed) {
    /**
     * Copies the set of vetoed values.
     *
     * @param recommendation the result
     * @param firings        rule id → times fired
     * @param decisions      setting → decided value id, for every setting
     * @param scores         setting → value id → summed weighted score
     * @param vetoed         every vetoed value of every setting
     */
    public Trace {
        vetoed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(vetoed));
    }

    /**
     * A value some constraint forbids.
     *
     * @param key   setting key
     * @param value value id
     */
    public record Vetoed(String key, String value) {
        /**
         * Checks that both are given.
         *
         * @param key   setting key
         * @param value value id
         */
        public Vetoed {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param key   setting key
     * @param value value id
     * @return whether a constraint forbids that value of that setting
     */
    public boolean isVetoed(String key, String value) {
        return vetoed.contains(new Vetoed(key, value));
    }
}
