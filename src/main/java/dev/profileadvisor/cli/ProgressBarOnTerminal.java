package dev.profileadvisor.cli;

import dev.profileadvisor.audit.AuditProgress;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr for audits of many workspaces, drawn only when stderr is a terminal (the launcher
 * passes {@code -Dcpa.stderr.terminal=true}) and the work is long; silent otherwise, so pipes and CI logs stay clean.
 */
final class ProgressBarOnTerminal implements AuditProgress, AutoCloseable {
    /** Fewer workspaces than this finish too fast for a bar to help. */
    static final int LONG = 200;

    private final boolean terminal;
    private ProgressBar bar;

    private ProgressBarOnTerminal(boolean terminal) {
        this.terminal = terminal;
    }

    static ProgressBarOnTerminal forStderr() {
        return new ProgressBarOnTerminal(Boolean.getBoolean("cpa.stderr.terminal"));
    }

    @Override
    public synchronized void started(int workspaces) {
        if (terminal && workspaces >= LONG) {
            bar = new ProgressBarBuilder().setTaskName("audit").setInitialMax(workspaces).setUnit(" workspaces", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        }
    }

    @Override
    public void audited() {
        ProgressBar b = bar;
        if (b != null) b.step();
    }

    @Override
    public synchronized void close() {
        if (bar != null) bar.close();
        bar = null;
    }
}
