package dev.profileadvisor.knowledge;

import java.util.Locale;
import java.util.Map;

/**
 * What {@code measure} found a value does to one criterion on the programs of bench/programs
 * (knowledge/measurements.toml), and the score the knowledge derives from it in place of a hand-set one.
 *
 * @param criterion {@code size}, {@code runtime}, {@code build-time} or {@code build-memory}
 * @param deltas    program → change in percent against cargo's default release (lower is better for every criterion)
 */
public record MeasuredEffect(String criterion, Map<String, Double> deltas) {
    /** Changes smaller than this (percent) are noise for the criterion: build times jitter far more than sizes. */
    static final Map<String, Double> NOISE = Map.of("size", 1.0, "runtime", 1.0, "build-time", 10.0, "build-memory", 5.0);

    /**
     * Copies the deltas.
     *
     * @param criterion the criterion
     * @param deltas    program → change in percent
     */
    public MeasuredEffect {
        if (deltas.isEmpty()) throw new IllegalArgumentException("a measurement needs at least one program");
        deltas = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(deltas));
    }

    /** @return the median change over the programs, in percent */
    public double median() {
        double[] d = deltas.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    }

    /**
     * The score on the −3 … +3 scale that the median change earns: 0 within the criterion's noise, then ±1 up to 5 %,
     * ±2 up to 15 %, ±3 beyond; a reduction is a benefit (positive score).
     *
     * @return the derived score
     */
    public int score() {
        double benefit = -median();
        double a = Math.abs(benefit);
        int magnitude = a < NOISE.getOrDefault(criterion, 1.0) ? 0 : a < 5 ? 1 : a < 15 ? 2 : 3;
        return benefit < 0 ? -magnitude : magnitude;
    }

    /** @return e.g. {@code −46.2 % size on 4 programs, range −49.0 … −44.1 %} */
    public String text() {
        double min = deltas.values().stream().mapToDouble(Double::doubleValue).min().getAsDouble();
        double max = deltas.values().stream().mapToDouble(Double::doubleValue).max().getAsDouble();
        String what = switch (criterion) {
            case "runtime" -> "instructions";
            case "build-time" -> "rebuild time";
            case "build-memory" -> "peak build RSS";
            default -> criterion;
        };
        return signed(median()) + " " + what + " on " + deltas.size() + (deltas.size() == 1 ? " program" : " programs")
                + (deltas.size() == 1 ? "" : ", range " + signed(min) + " \u2026 " + signed(max)) + " (measured)";
    }

    private static String signed(double p) {
        String s = String.format(Locale.ROOT, "%.1f %%", Math.abs(p));
        return Math.abs(p) < 0.05 ? "\u00b10 %" : (p < 0 ? "\u2212" : "+") + s;
    }
}
