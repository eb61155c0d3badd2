package dev.profileadvisor.bench;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Warm throughput of recommendations through the public API on one shared advisor (run with {@code -t 2}: both
 * cores call the same advisor). Requests cycle through a dozen realistic goal combinations per thread, so
 * {@code recommend} is mostly answered by the advisor's cache; {@code recommendUnseen} asks what the cache cannot
 * answer, so it measures the rules.
 */
@Fork(jvmArgsAppend = "-XX:+UseParallelGC") // the throughput collector: faster than G1 on two cores (docs/architecture.md)
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

    /** Each thread's position in a cycle of requests too long for the advisor's cache to answer any of them. */
    @State(Scope.Thread)
    public static class Unseen {
        /**
         * Every set of one to three goals, each at weight 1, 2 or 3, for four targets (4,620 requests), in a fixed
         * random order. A request comes round again only after thousands of others, long after the advisor's
         * cache (1,024 entries, emptied when full) has dropped it, so every call runs the rules.
         */
        public static final List<Request> REQUESTS = unseen();
        int next;

        /** Starts each thread at a different place in the cycle. */
        @Setup
        public void start() {
            next = (int) (Thread.currentThread().getId() * 2_311 % REQUESTS.size());
        }

        Request take() {
            Request r = REQUESTS.get(next);
            next = (next + 1) % REQUESTS.size();
            return r;
        }

        private static List<Request> unseen() {
            List<String> goals = List.of("small-binary", "fast-runtime", "debuggable", "profilable", "low-build-memory",
                    "catch-panics", "fast-compile");
            List<List<String>> sets = new ArrayList<>();
            for (int set = 1; set < 1 << goals.size(); set++) {
                if (Integer.bitCount(set) > 3) continue;
                List<List<String>> weighted = List.of(List.of());
                for (int g = 0; g < goals.size(); g++) {
                    if ((set & 1 << g) == 0) continue;
                    List<List<String>> more = new ArrayList<>();
                    for (List<String> w : weighted) {
                        for (int weight = 1; weight <= 3; weight++) {
                            List<String> x = new ArrayList<>(w);
                            x.add(goals.get(g) + "=" + weight);
                            more.add(x);
                        }
                    }
                    weighted = more;
                }
                sets.addAll(weighted);
            }
            List<Request> out = new ArrayList<>();
            for (List<String> s : sets) {
                Request r = Request.goals(s.toArray(String[]::new));
                out.addAll(List.of(r, r.profile("dev"), r.profile("release"), r.profile("dist").inherits("release")));
            }
            Collections.shuffle(out, new Random(1));
            return List.copyOf(out);
        }
    }

    /**
     * Repeated requests: a dozen realistic goal combinations per thread, mostly answered by the advisor's cache.
     *
     * @param shared the advisor
     * @param cursor this thread's request cycle
     * @return the recommendation (consumed by JMH)
     */
    @Benchmark
    public Recommendation recommend(Shared shared, Cursor cursor) {
        return shared.advisor.recommend(cursor.take());
    }

    /**
     * Requests the advisor has not seen (or has forgotten): every call runs the rules, through the same public
     * method.
     *
     * @param shared the advisor
     * @param unseen this thread's request cycle
     * @return the recommendation (consumed by JMH)
     */
    @Benchmark
    public Recommendation recommendUnseen(Shared shared, Unseen unseen) {
        return shared.advisor.recommend(unseen.take());
    }
}
