package dev.profileadvisor.cli;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.measure.Figures;
import dev.profileadvisor.measure.MeasureReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** {@code measure}'s text: a table of candidates with each figure and its change against {@code default}. */
final class MeasureText {
    private MeasureText() {
    }

    static String render(MeasureReport r) {
        StringBuilder out = new StringBuilder();
        out.append("measured ").append(r.project()).append(", profile `").append(r.profile()).append("`")
                .append(r.inherits().equals(r.profile()) ? "" : " (as `" + r.inherits() + "`)")
                .append(", for ").append(String.join(", ", r.goals().stream().map(MeasureText::goal).toList()))
                .append(r.interrupted() ? " — STOPPED before the end: only the finished candidates" : "").append('\n')
                .append("every candidate is a custom profile inheriting `").append(r.inherits()).append("`, built clean in its own target directory\n\n");
        Optional<Figures.Measurement> base = r.candidate("default");
        boolean run = r.candidates().stream().anyMatch(m -> m.run().isPresent());
        boolean instr = r.candidates().stream().anyMatch(m -> m.run().flatMap(x -> x.instructions().isPresent() ? Optional.of(1) : Optional.empty()).isPresent());
        boolean rss = r.candidates().stream().anyMatch(m -> m.build().map(b -> b.peakRssBytes().isPresent()).orElse(false));
        List<String> header = new ArrayList<>(List.of("", "candidate", "size", "Δ", "build", "Δ", "rebuild", "Δ"));
        if (rss) header.addAll(List.of("peak RSS", "Δ"));
        if (run) header.addAll(List.of("run (median)", "Δ"));
        if (instr) header.addAll(List.of("instructions", "Δ"));
        header.add("kept");
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Figures.Measurement m : r.candidates()) {
            List<String> row = new ArrayList<>();
            row.add(r.pareto().contains(m.candidate().id()) ? "*" : "");
            row.add(m.candidate().id());
            if (!m.ok()) {
                row.add("failed");
                rows.add(row);
                continue;
            }
            cell(row, m, base, x -> x.artifacts().isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(x.bytes()), v -> bytes(v.longValue()));
            cell(row, m, base, x -> x.build().map(b -> OptionalDouble.of(b.wallSeconds())).orElse(OptionalDouble.empty()), MeasureText::seconds);
            cell(row, m, base, Figures.Measurement::rebuildSeconds, MeasureText::seconds);
            if (rss) cell(row, m, base, x -> x.build().filter(b -> b.peakRssBytes().isPresent())
                    .map(b -> OptionalDouble.of(b.peakRssBytes().getAsLong())).orElse(OptionalDouble.empty()), v -> String.format(Locale.ROOT, "%.0f MB", v / 1e6));
            if (run) cell(row, m, base, x -> x.run().map(y -> OptionalDouble.of(y.medianSeconds())).orElse(OptionalDouble.empty()),
                    v -> String.format(Locale.ROOT, "%.3f s", v));
            if (instr) cell(row, m, base, x -> x.run().filter(y -> y.instructions().isPresent())
                    .map(y -> OptionalDouble.of(y.instructions().getAsLong())).orElse(OptionalDouble.empty()), v -> String.format(Locale.ROOT, "%.3f G", v / 1e9));
            row.add(kept(m));
            rows.add(row);
        }
        out.append(table(rows));
        out.append("\n* on the Pareto front: no other candidate is at least as good on every figure and better on one\n\n");
        out.append("settings (what sets each apart from cargo's defaults for `").append(r.inherits()).append("`):\n");
        for (Figures.Measurement m : r.candidates()) {
            out.append("  ").append(m.candidate().id());
            if (!m.candidate().aliases().isEmpty()) out.append(" (also ").append(String.join(", ", m.candidate().aliases())).append(")");
            out.append(": ").append(m.candidate().settings().isEmpty() ? "cargo's defaults" : settings(m.candidate().settings())).append('\n');
            out.append("      ").append(m.candidate().title()).append('\n');
            m.error().ifPresent(e -> out.append("      error: ").append(e.replace("\n", "\n        ")).append('\n'));
        }
        out.append('\n');
        for (MeasureReport.Verdict v : r.verdicts()) out.append(v.text()).append('\n');
        if (!r.notes().isEmpty()) {
            out.append('\n');
            for (String n : r.notes()) out.append("note: ").append(n).append('\n');
        }
        return out.toString();
    }

    private static String goal(GoalWeight g) {
        return g.weight() == 1 ? g.goal() : g.goal() + "=" + g.weight();
    }

    private static void cell(List<String> row, Figures.Measurement m, Optional<Figures.Measurement> base,
                             Function<Figures.Measurement, OptionalDouble> figure, Function<Double, String> shown) {
        OptionalDouble v = figure.apply(m);
        if (v.isEmpty()) {
            row.add("-");
            row.add("");
            return;
        }
        row.add(shown.apply(v.getAsDouble()));
        OptionalDouble b = base.filter(Figures.Measurement::ok).map(figure).orElse(OptionalDouble.empty());
        if (b.isEmpty() || base.get() == m || b.getAsDouble() == 0) {
            row.add("");
        } else {
            double p = (v.getAsDouble() - b.getAsDouble()) / b.getAsDouble() * 100;
            row.add(Math.abs(p) < 0.05 ? "±0%" : (p < 0 ? "\u2212" : "+") + String.format(Locale.ROOT, "%.1f%%", Math.abs(p)));
        }
    }

    private static String kept(Figures.Measurement m) {
        List<String> kept = new ArrayList<>();
        boolean known = false;
        for (Figures.Artifact a : m.artifacts()) {
            if (a.symbols().isEmpty()) continue;
            known = true;
            if (a.debugInfo().orElse(false)) kept.add("debuginfo");
            else if (a.lineTables().orElse(false)) kept.add("line tables");
            if (a.symbols().orElse(false)) kept.add("symbols");
        }
        if (!known) return "?";
        List<String> distinct = kept.stream().distinct().toList();
        return distinct.isEmpty() ? "stripped" : String.join("+", distinct);
    }

    private static String settings(Map<String, String> s) {
        List<String> parts = new ArrayList<>();
        s.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    private static String bytes(long b) {
        return String.format(Locale.ROOT, "%,d", b);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String table(List<List<String>> rows) {
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> row : rows) for (int i = 0; i < row.size(); i++) width[i] = Math.max(width[i], row.get(i).length());
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                boolean left = i <= 1 || i == cols - 1;
                String pad = " ".repeat(width[i] - c.length());
                line.append(i == 0 ? "" : i == 2 ? "  " : " ").append(left ? c + pad : pad + c);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
