package dev.profileadvisor.measure;

import dev.profileadvisor.GoalWeight;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What to measure ({@code measure}): which candidates to build for which goals on which project, and how to run it.
 *
 * @param manifest       the project's {@code Cargo.toml} or its directory
 * @param goals          the goals, with weights
 * @param profile        the profile to measure; empty: the goals' profile, as {@code recommend} chooses it
 * @param candidates     which candidates: {@code default}, {@code current}, {@code recommended}, {@code alternatives},
 *                       {@code cargo-wizard}
 * @param tries          extra candidates, each {@code key=literal,…} over the current profile ({@code --try})
 * @param run            the command to time, {@code {bin}} standing for the binary; empty: nothing is run
 * @param runs           rounds of {@code run} (after one warm-up round)
 * @param runTimeoutSeconds one run is stopped after this long
 * @param counter        how to count instructions of {@code run}: {@code auto}, {@code perf}, {@code valgrind}, {@code none}
 * @param bin            the binary to build and run, when the workspace has several
 * @param jobs           cargo's {@code -j}
 * @param out            where to keep the raw JSON, the chart and (with {@code keepTarget}) the builds; empty: under
 *                       the project's target directory, removed afterwards
 * @param keepTarget     keep every candidate's target directory
 * @param inferGoals     add the goals the project implies, as {@code recommend} does
 * @param env            the environment cargo and the command run in
 */
public record MeasureRequest(Path manifest, List<GoalWeight> goals, Optional<String> profile, Set<String> candidates, List<String> tries,
                             Optional<String> run, int runs, long runTimeoutSeconds, String counter, Optional<String> bin,
                             OptionalInt jobs, Optional<Path> out, boolean keepTarget, boolean inferGoals, Map<String, String> env) {
    /** Every kind of candidate {@code --candidates} accepts, in the order they are built. */
    public static final List<String> KINDS = List.of("default", "current", "recommended", "alternatives", "cargo-wizard");

    /**
     * Copies the collections.
     *
     * @param manifest          the project
     * @param goals             the goals
     * @param profile           the profile
     * @param candidates        which candidates
     * @param tries             extra candidates
     * @param run               the command to time
     * @param runs              rounds
     * @param runTimeoutSeconds timeout of one run
     * @param counter           instruction counter
     * @param bin               the binary
     * @param jobs              cargo's {@code -j}
     * @param out               output directory
     * @param keepTarget        keep the builds
     * @param inferGoals        add implied goals
     * @param env               the environment
     */
    public MeasureRequest {
        goals = List.copyOf(goals);
        candidates = Set.copyOf(candidates);
        tries = List.copyOf(tries);
        env = Map.copyOf(env);
    }
}
