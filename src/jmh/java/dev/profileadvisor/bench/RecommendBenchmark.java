package dev.profileadvisor.bench;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.Recommendation;
import dev.profileadvisor.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm throughput of recommendations through the public API on one shared advisor (run with {@code -t 2}: both
 * cores call the same advisor). Requests cycle through a dozen realistic goal combinations per thread, so
 * {@code recommend} is mostly answered by the advisor's cache; {@code recommendUncached} measures the rules.
 */
public class RecommendBenchmark {
    /** The advisor every thread shares. */
    @State(Scope.Benchmark)
    public static class Shared {
        ProfileAdvisor advisor;

        /** Loads the bundled knowledge and rules. */
        @Setup
        public void load() {
            advisor = ProfileAdvisor.withDefaults();
        }
    }

    /** Each thread's position in the request cycle. */
    @State(Scope.Thread)
    public static class Cursor {
        static final Request[] REQUESTS = {
                Request.goals("small-binary"), Request.goals("fast-runtime"), Request.goals("fast-compile"),
                Request.goals("debuggable"), Request.goals("profilable"), Request.goals("small-binary", "catch-panics"),
                Request.goals("small-binary", "debuggable"), Request.goals("fast-runtime", "fast-compile"),
                Request.goals("fast-runtime=3", "fast-compile"), Request.goals("fast-runtime", "low-build-memory"),
                Request.goals("small-binary", "fast-runtime").profile("dist").inherits("release"),
                Request.goals("fast-compile", "debuggable").profile("dev")};
        int next;

        Request take() {
            Request r = REQUESTS[next];
            next = (next + 1) % REQUESTS.length;
            return r;
        }
    }

    /**
     * @param shared the advisor
     * @param cursor this thread's request cycle
     * @return the recommendation (consumed by JMH)
     */
    @Benchmark
    public Recommendation recommend(Shared shared, Cursor cursor) {
        return shared.advisor.recommend(cursor.take());
    }

    /**
     * The rule engine's own throughput: {@code trace} runs the rules every time (no cache).
     *
     * @param shared the advisor
     * @param cursor this thread's request cycle
     * @return the recommendation (consumed by JMH)
     */
    @Benchmark
    public Recommendation recommendUncached(Shared shared, Cursor cursor) {
        return shared.advisor.trace(cursor.take()).recommendation();
    }
}
