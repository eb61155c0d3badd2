package dev.profileadvisor.measure;

import dev.profileadvisor.GoalWeight;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code measure} found: every candidate's figures, which are on the Pareto front, the best for each goal and
 * whether it is the plan.
 *
 * @param project     the workspace's root manifest
 * @param profile     the profile measured
 * @param inherits    the profile every candidate's custom profile inherits
 * @param goals       the goals, with weights (the implied ones included)
 * @param candidates  every candidate built, in build order
 * @param pareto      ids of the candidates no other beats on every figure measured
 * @param best        goal → id of the candidate measured best for it (only goals a figure decides)
 * @param verdicts    per goal: the figure that decides it, and whether the plan won or what the measurement overturned
 * @param notes       how figures were taken (GNU time, the instruction counter) and what was left out
 * @param interrupted whether the run was stopped before the end (then only finished candidates are here)
 */
public record MeasureReport(String project, String profile, String inherits, List<GoalWeight> goals, List<Figures.Measurement> candidates,
                            List<String> pareto, Map<String, String> best, List<Verdict> verdicts, List<String> notes, boolean interrupted) {
    /**
     * Copies the collections.
     *
     * @param project     the manifest
     * @param profile     the profile
     * @param inherits    the parent of the custom profiles
     * @param goals       the goals
     * @param candidates  the candidates
     * @param pareto      Pareto front
     * @param best        goal → best id
     * @param verdicts    per goal verdicts
     * @param notes       notes
     * @param interrupted stopped early
     */
    public MeasureReport {
        goals = List.copyOf(goals);
        candidates = List.copyOf(candidates);
        pareto = List.copyOf(pareto);
        best = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(best));
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    /**
     * One goal's outcome.
     *
     * @param goal        goal id
     * @param metric      the figure that decides it ({@code bytes}, {@code instructions}, {@code medianSeconds},
     *                    {@code rebuildSeconds}, {@code peakRssBytes}); empty when no figure does
     * @param best        the candidate measured best, empty when nothing decides
     * @param isPlan      whether that is the plan ({@code recommended})
     * @param overturned  where it is not: key → the plan's value and the measured winner's, as TOML literals
     *                    ({@code lto} → {@code "fat" → "thin"})
     * @param text        one sentence with the figures
     */
    public record Verdict(String goal, Optional<String> metric, Optional<String> best, boolean isPlan, Map<String, String> overturned,
                          String text) {
        /**
         * Copies the map.
         *
         * @param goal       goal id
         * @param metric     the deciding figure
         * @param best       the best candidate
         * @param isPlan     whether it is the plan
         * @param overturned key → plan's value → winner's
         * @param text       one sentence
         */
        public Verdict {
            overturned = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overturned));
        }
    }

    /**
     * @param id a candidate id or alias
     * @return its measurement
     */
    public Optional<Figures.Measurement> candidate(String id) {
        return candidates.stream().filter(m -> m.candidate().ids().contains(id)).findFirst();
    }
}
