package dev.profileadvisor.bench;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time of one thread per recommendation of a request the advisor has not seen ({@link RecommendBenchmark.Unseen}),
 * for comparing two builds on a shared machine, where wall-clock figures swing with the other tenants: after
 * {@code warm-up} requests it times {@code rounds} rounds of {@code per-round} requests with
 * {@link ThreadMXBean#getCurrentThreadCpuTime()} and prints the best round. Run two builds' jars alternately.
 * Usage: {@code UnseenCpu [WARM-UP] [PER-ROUND] [ROUNDS]} (default 40000 1000 60).
 */
public final class UnseenCpu {
    private UnseenCpu() {
    }

    /**
     * @param args warm-up requests, requests per round, rounds
     */
    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        List<Request> requests = RecommendBenchmark.Unseen.REQUESTS;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int next = 0;
        Recommendation last = null;
        for (int i = 0; i < warm; i++) last = advisor.recommend(requests.get(next++ % requests.size()));
        long best = Long.MAX_VALUE;
        for (int r = 0; r < rounds; r++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) last = advisor.recommend(requests.get(next++ % requests.size()));
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("unseen recommend: %.1f µs CPU per request (best of %d rounds of %d, after %d)%n",
                best / 1000.0 / perRound, rounds, perRound, warm);
        if (last == null) throw new IllegalStateException("no recommendation");
    }
}
