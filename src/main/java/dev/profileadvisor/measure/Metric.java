package dev.profileadvisor.measure;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A figure {@code measure} ranks candidates by (lower is better), and the goal criterion it stands for.
 */
enum Metric {
    /** Total artifact size: {@code size}. */
    BYTES("bytes", "size", "B"),
    /** Instructions of one run of the user's command: {@code runtime}, where a counter was available. */
    INSTRUCTIONS("instructions", "runtime", "instructions"),
    /** Median wall time of the user's command: {@code runtime}, where no counter was available. */
    MEDIAN_SECONDS("medianSeconds", "runtime", "s"),
    /** Rebuild after touching the main source: {@code build-time} (the edit-compile-run loop). */
    REBUILD_SECONDS("rebuildSeconds", "build-time", "s"),
    /** Clean build wall time: on the Pareto front only; no goal weighs it alone. */
    BUILD_SECONDS("wallSeconds", "", "s"),
    /** Peak RSS of the largest build process: {@code build-memory}. */
    PEAK_RSS("peakRssBytes", "build-memory", "B");

    final String json;
    final String criterion;
    final String unit;

    Metric(String json, String criterion, String unit) {
        this.json = json;
        this.criterion = criterion;
        this.unit = unit;
    }

    OptionalDouble of(Figures.Measurement m) {
        if (!m.ok()) return OptionalDouble.empty();
        return switch (this) {
            case BYTES -> m.artifacts().isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(m.bytes());
            case INSTRUCTIONS -> m.run().filter(r -> r.instructions().isPresent()).map(r -> OptionalDouble.of(r.instructions().getAsLong()))
                    .orElse(OptionalDouble.empty());
            case MEDIAN_SECONDS -> m.run().map(r -> OptionalDouble.of(r.medianSeconds())).orElse(OptionalDouble.empty());
            case REBUILD_SECONDS -> m.rebuildSeconds();
            case BUILD_SECONDS -> OptionalDouble.of(m.build().get().wallSeconds());
            case PEAK_RSS -> m.build().get().peakRssBytes().isPresent() ? OptionalDouble.of(m.build().get().peakRssBytes().getAsLong())
                    : OptionalDouble.empty();
        };
    }

    /** @return whether every candidate that built has this figure */
    boolean measuredFor(List<Figures.Measurement> all) {
        boolean any = false;
        for (Figures.Measurement m : all) {
            if (!m.ok()) continue;
            if (of(m).isEmpty()) return false;
            any = true;
        }
        return any;
    }

    /**
     * @param criterion a goal criterion
     * @param all       the measurements
     * @return the figure that decides it here: instructions over wall time for runtime, where counted
     */
    static Optional<Metric> forCriterion(String criterion, List<Figures.Measurement> all) {
        for (Metric m : values()) if (m.criterion.equals(criterion) && m.measuredFor(all)) return Optional.of(m);
        return Optional.empty();
    }
}
