package dev.profileadvisor.measure;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The Pareto front, the best candidate per goal, and what the measurement says of the plan. */
final class Analysis {
    private Analysis() {
    }

    /** The figures the front is drawn over: those every built candidate has. */
    static List<Metric> frontMetrics(List<Figures.Measurement> all) {
        List<Metric> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            if (m == Metric.MEDIAN_SECONDS && Metric.INSTRUCTIONS.measuredFor(all)) continue;
            if (m == Metric.PEAK_RSS) continue; // a build-cost figure beside the build time; not a separate axis
            if (m.measuredFor(all)) out.add(m);
        }
        return out;
    }

    /** @return ids of the candidates no other is at least as good as on every figure and better on one */
    static List<String> pareto(List<Figures.Measurement> all) {
        List<Metric> metrics = frontMetrics(all);
        List<String> out = new ArrayList<>();
        for (Figures.Measurement a : all) {
            if (!a.ok() || metrics.isEmpty()) continue;
            boolean dominated = false;
            for (Figures.Measurement b : all) {
                if (b == a || !b.ok()) continue;
                boolean noWorse = true;
                boolean better = false;
                for (Metric m : metrics) {
                    double x = m.of(a).getAsDouble();
                    double y = m.of(b).getAsDouble();
                    if (y > x) noWorse = false;
                    if (y < x) better = true;
                }
                if (noWorse && better) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) out.add(a.candidate().id());
        }
        return out;
    }

    /** The goal's heaviest criterion that a figure measured here decides. */
    static Optional<Metric> metricFor(Goal goal, List<Figures.Measurement> all) {
        return goal.criteria().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(e -> Metric.forCriterion(e.getKey(), all)).flatMap(Optional::stream).findFirst();
    }

    static List<MeasureReport.Verdict> verdicts(Knowledge knowledge, List<GoalWeight> goals, List<Figures.Measurement> all,
                                                CandidatePlanner planner) {
        List<MeasureReport.Verdict> out = new ArrayList<>();
        Optional<Figures.Measurement> plan = all.stream().filter(m -> m.candidate().ids().contains("recommended") && m.ok()).findFirst();
        for (GoalWeight gw : goals) {
            Goal goal = knowledge.goals().get(gw.goal());
            Optional<Metric> metric = metricFor(goal, all);
            if (metric.isEmpty()) {
                String why = goal.criteria().isEmpty() ? "it constrains values rather than weighing a figure"
                        : goal.criteria().containsKey("runtime") ? "give --run with a command that exercises the binary"
                        : "no figure measure takes stands for " + String.join(", ", goal.criteria().keySet());
                out.add(new MeasureReport.Verdict(goal.id(), Optional.empty(), Optional.empty(), false, Map.of(),
                        "`" + goal.id() + "`: not decided by a measurement (" + why + ")"));
                continue;
            }
            Metric m = metric.get();
            Figures.Measurement best = null;
            for (Figures.Measurement c : all) {
                OptionalDouble v = m.of(c);
                if (v.isEmpty()) continue;
                double bv = best == null ? Double.MAX_VALUE : m.of(best).getAsDouble();
                boolean tiePrefersPlan = v.getAsDouble() == bv && c.candidate().ids().contains("recommended");
                if (v.getAsDouble() < bv || tiePrefersPlan) best = c;
            }
            if (best == null) continue;
            boolean isPlan = best.candidate().ids().contains("recommended");
            String figure = format(m, m.of(best).getAsDouble());
            if (isPlan || plan.isEmpty()) {
                out.add(new MeasureReport.Verdict(goal.id(), Optional.of(m.json), Optional.of(best.candidate().id()), isPlan, Map.of(),
                        "`" + goal.id() + "`: " + (isPlan ? "the plan (`recommended`) is the best measured, " : "`" + best.candidate().id() + "` is the best measured, ")
                                + figure + (plan.isEmpty() && !isPlan ? " (the plan was not measured)" : "")));
                continue;
            }
            Map<String, String> overturned = new LinkedHashMap<>();
            Candidate p = plan.get().candidate();
            Candidate w = best.candidate();
            w.values().forEach((k, v) -> {
                String pv = p.values().get(k);
                if (pv != null && !pv.equals(v)) overturned.put(k, planner.literal(k, pv, p.values()) + " \u2192 " + planner.literal(k, v, w.values()));
            });
            double pv = m.of(plan.get()).getAsDouble();
            double bv = m.of(best).getAsDouble();
            List<String> changes = new ArrayList<>();
            overturned.forEach((k, v) -> changes.add("`" + k + "` " + v));
            out.add(new MeasureReport.Verdict(goal.id(), Optional.of(m.json), Optional.of(w.id()), false, overturned,
                    "`" + goal.id() + "`: `" + w.id() + "` beats the plan, " + figure + " against " + format(m, pv) + " (" + percent(bv, pv) + ")"
                            + (changes.isEmpty() ? " with the same profile values (its override tables differ)" : "; the measurement overturns "
                            + String.join(", ", changes))));
        }
        return out;
    }

    /** {@code 612,344 B}, {@code 1.84 G instructions}, {@code 2.31 s}. */
    static String format(Metric m, double v) {
        return switch (m) {
            case BYTES, PEAK_RSS -> String.format(java.util.Locale.ROOT, "%,d B", (long) v);
            case INSTRUCTIONS -> String.format(java.util.Locale.ROOT, "%.3f G instructions", v / 1e9);
            default -> String.format(java.util.Locale.ROOT, "%.2f s", v);
        };
    }

    /** {@code −4.3 %} of {@code v} against {@code base}. */
    static String percent(double v, double base) {
        if (base == 0) return "n/a";
        double p = (v - base) / base * 100;
        String s = String.format(java.util.Locale.ROOT, "%.1f %%", Math.abs(p));
        return p < 0 ? "\u2212" + s : p > 0 ? "+" + s : "\u00b10 %";
    }
}
