package dev.profileadvisor.server;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the server does at its limits: a request past its time limit, more requests than it will queue, a bug in
 * the advisor, and a graceful stop. The recommend step is replaced by a slow or broken one where needed.
 */
class ServerLimitsTest {
    static ProfileAdvisor advisor;
    static final String BODY = "{\"goals\": [\"small-binary\"]}";

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    static Function<Request, Recommendation> slow(Duration delay, CountDownLatch started) {
        return request -> {
            started.countDown();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            return advisor.recommend(request);
        };
    }

    static AdvisorServer start(ServerOptions options, Function<Request, Recommendation> recommend, List<String> log) throws IOException {
        return AdvisorServer.start(advisor, options.withPort(0), recommend, log::add);
    }

    @Test
    void aRequestPastItsTimeLimitIs503TimeoutAndTheServerGoesOn() throws IOException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AdvisorServer server = start(ServerOptions.defaults().withRequestTimeout(Duration.ofMillis(300)),
                slow(Duration.ofSeconds(5), new CountDownLatch(1)), log)) {
            Api api = new Api(server.uri());
            long start = System.nanoTime();
            Api.Answer a = api.post("/v1/recommend", BODY, null);
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.code()).isEqualTo("timeout");
            assertThat(a.message()).isEqualTo("the request took longer than its time limit of 300 ms and was stopped");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(api.get("/health", "health").status()).isEqualTo(200);
            assertThat(log).isEmpty();
        }
    }

    @Test
    void moreRequestsThanItQueuesAre503Overloaded() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (AdvisorServer server = start(ServerOptions.defaults().withThreads(1).withQueueLimit(0),
                slow(Duration.ofMillis(1500), started), new ArrayList<>())) {
            Api api = new Api(server.uri());
            CompletableFuture<Api.Answer> first = CompletableFuture.supplyAsync(() -> api.post("/v1/recommend", BODY, "recommend"));
            started.await();
            Api.Answer second = api.post("/v1/recommend", BODY, null);
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.code()).isEqualTo("overloaded");
            assertThat(first.get().status()).isEqualTo(200);
        }
    }

    @Test
    void aBugIs500WithTheExceptionNamedButNoStackTrace() throws IOException {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        try (AdvisorServer server = start(ServerOptions.defaults(), r -> {
            throw new IllegalStateException("boom");
        }, log)) {
            Api.Answer a = new Api(server.uri()).post("/v1/recommend", BODY, null);
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.code()).isEqualTo("internal-error");
            assertThat(a.message()).isEqualTo("internal error: java.lang.IllegalStateException: boom");
            assertThat(log).containsExactly("error: internal error on POST /v1/recommend: java.lang.IllegalStateException: boom");
        }
    }

    @Test
    void stoppingFinishesRequestsInProgressRefusesNewOnesThenClosesThePort() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AdvisorServer server = start(ServerOptions.defaults(), slow(Duration.ofMillis(1500), started), new ArrayList<>());
        Api api = new Api(server.uri());
        CompletableFuture<Api.Answer> inProgress = CompletableFuture.supplyAsync(() -> api.post("/v1/recommend", BODY, "recommend"));
        started.await();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
        Thread.sleep(200);
        Api.Answer refused = api.get("/health", null);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("shutting-down");
        assertThat(inProgress.get().status()).isEqualTo(200);
        stopping.get();
        server.awaitStop();
        HttpClient fresh = HttpClient.newHttpClient();
        assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(server.uri().resolve("/health")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void optionsOutsideTheirRangesAreRefused() {
        assertThatThrownBy(() -> ServerOptions.defaults().withPort(70_000)).hasMessage("invalid port `70000`: expected 0 to 65535");
        assertThatThrownBy(() -> ServerOptions.defaults().withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerOptions.defaults().withRequestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerOptions.defaults().withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerOptions.defaults().withMaxConnections(0)).hasMessage("invalid connection limit `0`: expected at least 1");
        assertThatThrownBy(() -> ServerOptions.defaults().withIdleTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A computation that ignores interrupts, as a parse does: it burns CPU for {@code duration} whatever happens. */
    static Function<Request, Recommendation> deaf(Duration duration, AtomicInteger running) {
        return request -> {
            running.incrementAndGet();
            try {
                long end = System.nanoTime() + duration.toNanos();
                long x = 0;
                while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + 1);
                if (x == 42) throw new IllegalStateException("unreachable");
                return advisor.recommend(request);
            } finally {
                running.decrementAndGet();
            }
        };
    }

    @Test
    @Timeout(60)
    void twoTimedOutComputationsThatRunOnLeaveTheServerItsCapacity() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean slowOnes = new AtomicBoolean(true);
        advisor.recommend(RecommendBody.parse(BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8))); // the recommend rules compiled first
        Function<Request, Recommendation> deaf = deaf(Duration.ofSeconds(5), running);
        Function<Request, Recommendation> recommend = r -> slowOnes.get() ? deaf.apply(r) : advisor.recommend(r);
        try (AdvisorServer server = start(ServerOptions.defaults().withThreads(2).withRequestTimeout(Duration.ofSeconds(1)),
                recommend, new ArrayList<>())) {
            Api api = new Api(server.uri());
            CompletableFuture<Api.Answer> one = CompletableFuture.supplyAsync(() -> api.post("/v1/recommend", BODY, null));
            CompletableFuture<Api.Answer> two = CompletableFuture.supplyAsync(() -> api.post("/v1/recommend", BODY, null));
            assertThat(one.get().code()).isEqualTo("timeout");
            assertThat(two.get().code()).isEqualTo("timeout");
            slowOnes.set(false);
            assertThat(running.get()).as("both still burn CPU").isEqualTo(2);
            assertThat(server.abandonedComputations()).isEqualTo(2);

            long t0 = System.nanoTime();
            assertThat(api.get("/health", "health").status()).isEqualTo(200);
            assertThat(api.post("/v1/recommend", BODY, "recommend").status()).isEqualTo(200);
            assertThat(api.get("/v1/explain/lto", "explain").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("health, recommend and explain beside two runaways")
                    .isLessThan(Duration.ofSeconds(3));

            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((running.get() > 0 || server.abandonedComputations() > 0) && System.nanoTime() < until) Thread.sleep(50);
            assertThat(server.abandonedComputations()).as("replacement threads are given back").isZero();
        }
    }

    @Test
    @Timeout(60)
    void aTimedOutComputationThatChecksForInterruptsStopsAndFreesItsThread() throws Exception {
        AtomicLong stoppedAt = new AtomicLong();
        Function<Request, Recommendation> untilInterrupted = request -> {
            long x = 0;
            while (!Thread.currentThread().isInterrupted()) x += Long.numberOfTrailingZeros(x + 1);
            stoppedAt.set(System.nanoTime());
            throw new IllegalStateException("interrupted after " + x);
        };
        try (AdvisorServer server = start(ServerOptions.defaults().withThreads(1).withQueueLimit(0)
                .withRequestTimeout(Duration.ofMillis(300)), untilInterrupted, new ArrayList<>())) {
            Api api = new Api(server.uri());
            Api.Answer a = api.post("/v1/recommend", BODY, null);
            long answeredAt = System.nanoTime();
            assertThat(a.code()).isEqualTo("timeout");
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (stoppedAt.get() == 0 && System.nanoTime() < until) Thread.sleep(10);
            assertThat(stoppedAt.get()).as("the computation saw the interrupt").isNotZero();
            assertThat(Duration.ofNanos(stoppedAt.get() - answeredAt)).isLessThan(Duration.ofMillis(500));
            assertThat(server.abandonedComputations()).isZero();
            // the one computing thread is free again: an explanation (no queue) is computed at once
            assertThat(api.get("/v1/explain/lto", "explain").status()).isEqualTo(200);
        }
    }

    @Test
    @Timeout(60)
    void anAuditBodyOfNewlinesCannotTakeTheServerDown() throws Exception {
        // 500 newlines: a second or more of CPU in tomlj's error recovery while parsing is not linear, milliseconds once it is
        advisor.auditText("[package]\nname = \"x\"\n", java.util.Optional.empty(), Map.of(), List.of()); // the audit rules compiled first
        String body = "{\"manifest\": \"" + "\\n".repeat(500) + "[package]\\nname = \\\"x\\\"\"}";
        try (AdvisorServer server = AdvisorServer.start(advisor, ServerOptions.defaults().withPort(0).withThreads(2)
                .withRequestTimeout(Duration.ofSeconds(1)))) {
            Api api = new Api(server.uri());
            CompletableFuture<Api.Answer> one = CompletableFuture.supplyAsync(() -> api.post("/v1/audit", body, null));
            CompletableFuture<Api.Answer> two = CompletableFuture.supplyAsync(() -> api.post("/v1/audit", body, null));
            assertThat(one.get().status()).isIn(200, 503);
            assertThat(two.get().status()).isIn(200, 503);
            long t0 = System.nanoTime();
            assertThat(api.get("/health", "health").status()).isEqualTo(200);
            assertThat(api.post("/v1/audit", "{\"manifest\": \"[package]\\nname = \\\"x\\\"\"}", "audit").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    @Timeout(60)
    void twoThousandConcurrentRequestsAllGetAJsonAnswerNoneAReset() throws Exception {
        int clients = 2_000;
        try (AdvisorServer server = AdvisorServer.start(advisor, ServerOptions.defaults().withPort(0))) {
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String request = i % 2 == 0
                        ? "POST /v1/recommend HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: " + BODY.length() + "\r\n\r\n" + BODY
                        : "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
                Thread t = new Thread(null, () -> {
                    try {
                        go.await();
                        Raw.Answer a = Raw.exchange(server.uri(), request, 30_000);
                        if (a.status() != 200) {
                            a.isJsonError(503);
                            assertThat(a.code()).isIn("overloaded", "timeout"); // turned away, or queued past 10 s
                        }
                        statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e.toString());
                    }
                }, "client-" + i, 256 * 1024);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            go.countDown();
            for (Thread t : threads) t.join(45_000);
            assertThat(failures).as("connection errors and non-JSON answers").isEmpty();
            assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(clients);
            assertThat(new Api(server.uri()).get("/health", "health").status()).isEqualTo(200);
            System.out.println("2000 concurrent: " + statuses);
        }
    }
}
