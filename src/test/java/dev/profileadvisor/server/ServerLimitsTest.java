package dev.profileadvisor.server;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    }
}
