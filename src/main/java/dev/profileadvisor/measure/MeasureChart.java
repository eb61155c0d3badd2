package dev.profileadvisor.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The chart {@code measure --out DIR} writes (DIR/measure.svg): binary size against clean build time and, when a
 * command was run, runtime against build time; each candidate a labelled point, the Pareto front of the two figures a
 * line. Plain SVG 1.1, no script, no external reference.
 */
public final class MeasureChart {
    private static final int W = 560;
    private static final int H = 380;
    private static final int PAD = 64;

    private MeasureChart() {
    }

    /**
     * @param r a measurement
     * @return the SVG document
     */
    public static String svg(MeasureReport r) {
        List<Figures.Measurement> ok = r.candidates().stream().filter(m -> m.ok() && !m.artifacts().isEmpty()).toList();
        boolean run = !ok.isEmpty() && ok.stream().allMatch(m -> m.run().isPresent());
        boolean instr = run && ok.stream().allMatch(m -> m.run().get().instructions().isPresent());
        int panels = run ? 2 : 1;
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(W * panels).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W * panels).append(' ').append(H).append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        s.append("<title>").append(esc("measure: " + r.project() + ", profile " + r.profile())).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        panel(s, 0, ok, "clean build (s)", m -> m.build().get().wallSeconds(), "size (bytes)", m -> m.bytes(), r);
        if (run) {
            panel(s, W, ok, "clean build (s)", m -> m.build().get().wallSeconds(), instr ? "instructions per run" : "run, median (s)",
                    m -> instr ? m.run().get().instructions().getAsLong() : m.run().get().medianSeconds(), r);
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void panel(StringBuilder s, int x0, List<Figures.Measurement> ok, String xLabel, ToDoubleFunction<Figures.Measurement> x,
                              String yLabel, ToDoubleFunction<Figures.Measurement> y, MeasureReport r) {
        s.append("<g transform=\"translate(").append(x0).append(",0)\">\n");
        int left = PAD;
        int right = W - 24;
        int top = 28;
        int bottom = H - PAD + 10;
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(right).append("\" y2=\"").append(bottom)
                .append("\" stroke=\"black\"/>\n");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left).append("\" y2=\"").append(bottom)
                .append("\" stroke=\"black\"/>\n");
        s.append(text(left + (right - left) / 2, H - 18, "middle", xLabel));
        s.append("<text x=\"14\" y=\"").append(top + (bottom - top) / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(top + (bottom - top) / 2).append(")\">").append(esc(yLabel)).append("</text>\n");
        if (ok.isEmpty()) {
            s.append(text(left + 20, top + 20, "start", "no candidate built"));
            s.append("</g>\n");
            return;
        }
        double minX = ok.stream().mapToDouble(x).min().getAsDouble();
        double maxX = ok.stream().mapToDouble(x).max().getAsDouble();
        double minY = ok.stream().mapToDouble(y).min().getAsDouble();
        double maxY = ok.stream().mapToDouble(y).max().getAsDouble();
        double spanX = maxX > minX ? maxX - minX : Math.max(1e-9, maxX * 0.1 + 1e-9);
        double spanY = maxY > minY ? maxY - minY : Math.max(1e-9, maxY * 0.1 + 1e-9);
        minX -= spanX * 0.08;
        maxX += spanX * 0.08;
        minY -= spanY * 0.08;
        maxY += spanY * 0.08;
        final double fMinX = minX, fMaxX = maxX, fMinY = minY, fMaxY = maxY;
        ToDoubleFunction<Double> px = v -> left + (v - fMinX) / (fMaxX - fMinX) * (right - left);
        ToDoubleFunction<Double> py = v -> bottom - (v - fMinY) / (fMaxY - fMinY) * (bottom - top);
        for (int i = 0; i <= 4; i++) {
            double vx = minX + (maxX - minX) * i / 4;
            double vy = minY + (maxY - minY) * i / 4;
            s.append(text(px.applyAsDouble(vx), bottom + 14, "middle", tick(vx)));
            s.append(text(left - 4, py.applyAsDouble(vy) + 4, "end", tick(vy)));
        }
        // the front of these two figures: sorted by x, each point lower than every point before it
        List<Figures.Measurement> byX = new ArrayList<>(ok);
        byX.sort(Comparator.comparingDouble(x).thenComparingDouble(y));
        List<Figures.Measurement> front = new ArrayList<>();
        double bestY = Double.MAX_VALUE;
        for (Figures.Measurement m : byX) {
            if (y.applyAsDouble(m) < bestY) {
                front.add(m);
                bestY = y.applyAsDouble(m);
            }
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < front.size(); i++) {
            double fx = px.applyAsDouble(x.applyAsDouble(front.get(i)));
            double fy = py.applyAsDouble(y.applyAsDouble(front.get(i)));
            if (i > 0) path.append(" H").append(fmt(fx)).append(" V").append(fmt(fy));
            else path.append("M").append(fmt(fx)).append(' ').append(fmt(fy));
        }
        s.append("<path class=\"front\" d=\"").append(path).append("\" fill=\"none\" stroke=\"#d04a02\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n");
        for (Figures.Measurement m : ok) {
            double cx = px.applyAsDouble(x.applyAsDouble(m));
            double cy = py.applyAsDouble(y.applyAsDouble(m));
            boolean plan = m.candidate().ids().contains("recommended");
            boolean onFront = r.pareto().contains(m.candidate().id());
            s.append("<circle class=\"candidate\" cx=\"").append(fmt(cx)).append("\" cy=\"").append(fmt(cy)).append("\" r=\"").append(plan ? 6 : 4)
                    .append("\" fill=\"").append(plan ? "#1f6feb" : onFront ? "#d04a02" : "#888888").append("\"><title>")
                    .append(esc(m.candidate().id() + ": " + m.candidate().title())).append("</title></circle>\n");
            s.append(text(cx + 7, cy - 5, "start", m.candidate().id()));
        }
        s.append("</g>\n");
    }

    private static String text(double x, double y, String anchor, String t) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + esc(t) + "</text>\n";
    }

    private static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.2fG", v / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        if (a >= 1e3) return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') out.append(' ');
                    else out.append(c);
                }
            }
        }
        return out.toString();
    }
}
