package dev.profileadvisor.engine;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which rule's consequence is running on a thread, readable from another thread: {@code rules test} runs each case on
 * a worker and, when the case does not finish in time, names the rule that is stuck. Only runs that count firings
 * ({@link RuleBase#run(java.util.Collection)}: traces, audits, rule cases) report to a watch; a thread without one
 * pays a single null check per run.
 */
public final class RunWatch {
    private static final ThreadLocal<RunWatch> ON_THIS_THREAD = new ThreadLocal<>();

    private volatile String firing = "";

    /**
     * Runs {@code body} on the current thread with this watch following its rules.
     *
     * @param body what to run
     * @param <T>  what it returns
     * @return what it returned
     */
    public <T> T around(Supplier<T> body) {
        RunWatch outer = ON_THIS_THREAD.get();
        ON_THIS_THREAD.set(this);
        try {
            return body.get();
        } finally {
            firing = "";
            if (outer == null) ON_THIS_THREAD.remove();
            else ON_THIS_THREAD.set(outer);
        }
    }

    /** @return the rule whose consequence is running now, or empty between firings and outside a run */
    public Optional<String> firing() {
        String f = firing;
        return f.isEmpty() ? Optional.empty() : Optional.of(f);
    }

    /** @return the watch of the current thread, or null */
    static RunWatch current() {
        return ON_THIS_THREAD.get();
    }

    void entered(String rule) {
        firing = rule;
    }

    void left() {
        firing = "";
    }
}
