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
 * @param runnerUps      values of the profile's keys that lost narrowly (rules/recommend/60-alternatives.drl), closest first
 */
public record Trace(Recommendation recommendation, Map<String, Integer> firings, Map<String, String> decisions,
                    Map<String, Map<String, Integer>> scores, Set<Vetoed> vetoed, java.util.List<RunnerUp> runnerUps) {
    /**
     * Copies the set of vetoed values.
     *
     * @param recommendation the result
     * @param firings        rule id → times fired
     * @param decisions      setting → decided value id, for every setting
     * @param scores         setting → value id → summed weighted score
     * @param vetoed         every vetoed value of every setting
     * @param runnerUps      values that lost narrowly, closest first
     */
    public Trace {
        vetoed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(vetoed));
        runnerUps = java.util.List.copyOf(runnerUps);
    }

    /**
     * A value of a profile key that lost its decision narrowly, worth measuring beside the decided one.
     *
     * @param key    setting key
     * @param value  the runner-up value id
     * @param chosen the decided value id
     * @param gap    weighted points below the decided value
     */
    public record RunnerUp(String key, String value, String chosen, int gap) {
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

    /**
     * @param key setting key
     * @return whether the goals weigh or rule out some value of the key (then its decision is theirs, also when it is
     *         cargo's default)
     */
    public boolean argues(String key) {
        if (!scores.getOrDefault(key, Map.of()).isEmpty()) return true;
        for (Vetoed v : vetoed) if (v.key().equals(key)) return true;
        return false;
    }

    /**
     * Whether a value works against the goals: it is not the decided one, and the goals rule it out or it scores
     * worse than the decided one. This is what {@code audit --goal} reports ({@code conflicts-with-goal}) and what
     * {@code apply} changes; a different value that scores as well is neither.
     *
     * @param key     setting key
     * @param valueId the value in force
     * @return whether the goals' decision should replace it
     */
    public boolean worksAgainst(String key, String valueId) {
        String decided = decisions.get(key);
        if (decided == null || decided.equals(valueId)) return false;
        if (isVetoed(key, valueId)) return true;
        Map<String, Integer> s = scores.getOrDefault(key, Map.of());
        return s.getOrDefault(valueId, 0) < s.getOrDefault(decided, 0);
    }
}
