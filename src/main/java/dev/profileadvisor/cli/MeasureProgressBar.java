package dev.profileadvisor.cli;

import dev.profileadvisor.measure.MeasureProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * {@code measure}'s progress on stderr: a bar with the step under way (the candidate being built, the round being run)
 * and an estimate of the time left, drawn only when stderr is a terminal; on a pipe or in CI, one line per step.
 */
final class MeasureProgressBar implements MeasureProgress, AutoCloseable {
    private final boolean terminal;
    private ProgressBar bar;
    private boolean first = true;

    private MeasureProgressBar(boolean terminal) {
        this.terminal = terminal;
    }

    static MeasureProgressBar forStderr() {
        return new MeasureProgressBar(Boolean.getBoolean("cpa.stderr.terminal"));
    }

    @Override
    public synchronized void started(int steps) {
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("measure").setInitialMax(steps).showSpeed().setUnit(" steps", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    @Override
    public synchronized void step(String what) {
        if (bar != null) {
            if (!first) bar.step();
            first = false;
            bar.setExtraMessage(" " + what);
        } else {
            System.err.println("measure: " + what);
        }
    }

    @Override
    public synchronized void finished() {
        close();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.stepTo(bar.getMax());
            bar.close();
        }
        bar = null;
    }
}
