package dev.profileadvisor.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test for the HTTP API: a fixed number of clients, each sending its next request as soon as the
 * previous answer arrives, for a fixed time. The mix is what a tool would send: mostly recommendations (every
 * goal alone, pairs, weights, a custom profile), some catalogue and explain lookups, and health checks. An error
 * is any status other than 200, a body without {@code "schemaVersion"}, or an I/O failure.
 *
 * <p>Only uses the JDK, so {@code bench/load.sh} runs it from {@code target/test-classes} alone:
 * {@code java -cp target/test-classes dev.profileadvisor.server.LoadGenerator URL [CLIENTS] [SECONDS] [WARMUP_SECONDS]}.
 */
public final class LoadGenerator {
    private static final List<String> BODIES = List.of(
            "{\"goals\": [\"small-binary\"]}",
            "{\"goals\": [\"fast-runtime\"]}",
            "{\"goals\": [\"fast-compile\"]}",
            "{\"goals\": [\"debuggable\"]}",
            "{\"goals\": [\"profilable\"]}",
            "{\"goals\": [\"small-binary\", \"catch-panics\"]}",
            "{\"goals\": [\"small-binary\", \"debuggable\"]}",
            "{\"goals\": [{\"id\": \"fast-runtime\", \"weight\": 2}, \"fast-compile\"]}",
            "{\"goals\": [\"fast-runtime\", \"low-build-memory\"], \"profile\": \"release\"}",
            "{\"goals\": [\"fast-runtime\"], \"profile\": \"ci\", \"inherits\": \"release\"}");
    private static final List<String> GETS = List.of("/v1/goals", "/v1/explain/lto", "/v1/explain/small-binary",
            "/v1/explain/catch-panics-forbids-abort", "/v1/rules", "/health");

    /**
     * What a run measured.
     *
     * @param clients      concurrent clients
     * @param seconds      measured time
     * @param requests     answers received in that time
     * @param errors       failed requests
     * @param p50Millis    median latency
     * @param p99Millis    99th percentile latency
     * @param maxMillis    slowest request
     * @param errorSamples the first few errors
     */
    public record Result(int clients, double seconds, long requests, long errors, double p50Millis, double p99Millis,
                         double maxMillis, List<String> errorSamples) {
        /** @return answers per second */
        public double requestsPerSecond() {
            return requests / seconds;
        }

        @Override
        public String toString() {
            return String.format("clients %d, %.1f s: %d requests, %.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%s",
                    clients, seconds, requests, requestsPerSecond(), p50Millis, p99Millis, maxMillis, errors,
                    errorSamples.isEmpty() ? "" : " (first: " + String.join("; ", errorSamples) + ")");
        }
    }

    private LoadGenerator() {
    }

    /**
     * Runs the load.
     *
     * @param base     the server's base URI, e.g. {@code http://127.0.0.1:8080/}
     * @param clients  concurrent clients
     * @param duration how long to measure
     * @return what was measured
     * @throws InterruptedException if interrupted while waiting for the clients
     */
    public static Result run(URI base, int clients, Duration duration) throws InterruptedException {
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("expected a URL such as http://127.0.0.1:8080/, got `" + base + "`");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong errors = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try {
                    for (int i = client; System.nanoTime() < end && !Thread.currentThread().isInterrupted(); i++) {
                        long t0 = System.nanoTime();
                        String failure;
                        String path = "?";
                        try {
                            HttpRequest request = request(base, i);
                            path = request.uri().getPath();
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            failure = r.statusCode() != 200 ? "HTTP " + r.statusCode() + " for " + path + ": " + r.body()
                                    : r.body().contains("\"schemaVersion\"") ? null : "no schemaVersion in " + path;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            failure = "interrupted";
                        } catch (Exception e) {
                            failure = e.getClass().getSimpleName() + " for " + path + ": " + e.getMessage();
                        }
                        long t = System.nanoTime() - t0;
                        if (n == mine.length) mine = Arrays.copyOf(mine, n * 2);
                        mine[n++] = t;
                        if (failure != null) {
                            errors.incrementAndGet();
                            if (samples.size() < 3) samples.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
                        }
                    }
                } finally {
                    latencies[client] = mine;
                    counts[client] = n;
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(clients, seconds, total, errors.get(), percentile(all, 0.50), percentile(all, 0.99),
                total == 0 ? 0 : all[total - 1] / 1e6, List.copyOf(samples));
    }

    private static HttpRequest request(URI base, int i) {
        int kind = i % 10;
        Duration timeout = Duration.ofSeconds(30);
        if (kind < 7) {
            return HttpRequest.newBuilder(base.resolve("/v1/recommend")).timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(BODIES.get((i / 10 + kind) % BODIES.size()))).build();
        }
        return HttpRequest.newBuilder(base.resolve(GETS.get((i / 10 + kind) % GETS.size()))).timeout(timeout).GET().build();
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * {@code LoadGenerator URL [CLIENTS=50] [SECONDS=20] [WARMUP_SECONDS=5]}: warms the server up (not measured),
     * then measures and prints one line; exits 1 when any request failed.
     *
     * @param args the base URL, then optional client count, measured seconds and warm-up seconds
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: LoadGenerator URL [CLIENTS] [SECONDS] [WARMUP_SECONDS]");
            System.exit(2);
        }
        URI base = URI.create(args[0]);
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (warmup > 0) {
            Result w = run(base, clients, Duration.ofSeconds(warmup));
            System.out.println("warm-up  " + w);
        }
        Result r = run(base, clients, Duration.ofSeconds(seconds));
        System.out.println(Instant.now() + "  " + r);
        System.exit(r.errors() == 0 ? 0 : 1);
    }
}
