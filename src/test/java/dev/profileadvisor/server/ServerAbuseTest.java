package dev.profileadvisor.server;

import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server under abuse, on loopback, one shared server with short timeouts (1 s idle, 2 s per request): requests
 * that are not valid HTTP, heads and bodies sent slowly or never, idle connections, oversized ids and values,
 * malformed JSON. Every answer is a JSON error; the server goes on answering {@code /health} promptly.
 */
@Timeout(60)
class ServerAbuseTest {
    static AdvisorServer server;
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        server = AdvisorServer.start(ProfileAdvisor.withDefaults(), ServerOptions.defaults().withPort(0)
                .withIdleTimeout(Duration.ofSeconds(1)).withRequestTimeout(Duration.ofSeconds(2)));
        api = new Api(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Raw.Answer raw(String request) {
        return Raw.exchange(server.uri(), request, 10_000);
    }

    static void healthAnswersWithin(Duration limit) {
        long t0 = System.nanoTime();
        Api.Answer health = api.get("/health", "health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("time to answer /health").isLessThan(limit);
    }

    @Test
    void aBadPercentEscapeIsAJson400() {
        Raw.Answer a = raw("GET /v1/explain/%zz HTTP/1.1\r\nHost: x\r\n\r\n").isJsonError(400);
        assertThat(a.code()).isEqualTo("bad-request");
        assertThat(a.message()).isEqualTo("the request is not valid HTTP (a malformed request line, path or header)");
    }

    @Test
    void aContentLengthThatIsNoNumberIsAJson400() {
        Raw.Answer a = raw("POST /v1/audit HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").isJsonError(400);
        assertThat(a.code()).isEqualTo("bad-request");
        assertThat(a.message()).isEqualTo("the request is not valid HTTP: invalid Content-Length Value");
    }

    @Test
    void aDoubleSlashPathIsAJsonAnswerNotHtml() {
        Raw.Answer a = raw("GET //health HTTP/1.1\r\nHost: x\r\n\r\n").isJsonError(400);
        assertThat(a.message()).isEqualTo("the request is not valid HTTP: ambiguous URI empty segment");
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsAJson501() {
        Raw.Answer a = raw("POST /v1/audit HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n").isJsonError(501);
        assertThat(a.code()).isEqualTo("not-implemented");
        assertThat(a.message()).isEqualTo("`Transfer-Encoding: gzip, chunked` is not supported: send the body as it is (with `Content-Length`) or `chunked`");
    }

    @Test
    void anUnknownHttpVersionAndGarbageAreJsonErrors() {
        assertThat(raw("GET /health HTTP/9.9\r\nHost: x\r\n\r\n").isJsonError(505).message()).isEqualTo("only HTTP/1.0 and HTTP/1.1 are served");
        Raw.Answer garbage = raw("\u0001\u0002 nonsense\r\n\r\n");
        garbage.isJsonError(garbage.status());
        assertThat(garbage.status()).isBetween(400, 505);
    }

    @Test
    void aUrlOverTheHeadLimitIsAJson414AndTheServerGoesOn() {
        Raw.Answer a = raw("GET /v1/explain/" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(a.status()).isIn(414, 431);
        a.isJsonError(a.status());
        assertThat(a.body().length()).isLessThan(1_000);
        healthAnswersWithin(Duration.ofSeconds(1));
    }

    @Test
    void aHeaderFloodIsAJson431() {
        StringBuilder r = new StringBuilder("GET /health HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 2_000; i++) r.append("X-Flood-").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        Raw.Answer a = raw(r.append("\r\n").toString()).isJsonError(431);
        assertThat(a.code()).isEqualTo("headers-too-large");
        assertThat(a.message()).isEqualTo("the request headers are larger than the limit of 8192 bytes");
    }

    @Test
    void aLongExplainIdIsRefusedBeforeAnySearchAndNotEchoedWhole() {
        long t0 = System.nanoTime();
        Api.Answer a = api.get("/v1/explain/" + "x".repeat(5_000), null);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("unknown-id");
        assertThat(a.message()).startsWith("no setting, goal, rule or correction is named `" + "x".repeat(200) + "…` (5000 characters)")
                .endsWith("ids are at most 200 characters (`GET /v1/rules` and `GET /v1/goals` list them)");
    }

    @Test
    void aOneMegabyteGoalIdIsRefusedWithAShortMessage() {
        String id = "g".repeat(1_000_000);
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [\"" + id + "\"]}", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("unknown-goal");
        assertThat(a.body().length()).isLessThan(1_000);
        assertThat(a.message()).contains("(1000000 characters)");
    }

    @Test
    void aOneMegabyteFieldNameOrEnvKeyIsNotEchoedWhole() {
        String name = "f".repeat(900_000);
        Api.Answer field = api.post("/v1/audit", "{\"manifest\": \"[package]\", \"" + name + "\": 1}", null);
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.body().length()).isLessThan(1_000);
        Api.Answer env = api.post("/v1/audit", "{\"manifest\": \"[package]\", \"env\": {\"" + name + "\": 1}}", null);
        assertThat(env.status()).isEqualTo(400);
        assertThat(env.body().length()).isLessThan(1_000);
        Api.Answer profile = api.post("/v1/recommend", "{\"goals\": [\"small-binary\"], \"profile\": \"" + name + "\"}", null);
        assertThat(profile.code()).isEqualTo("bad-profile");
        assertThat(profile.body().length()).isLessThan(1_000);
    }

    @Test
    void malformedJsonOfEveryKindIsBadJsonInOurWordsNotJacksons() {
        List<String> bodies = List.of("{", "}", "{\"goals\": [\"small-binary\"]} {}", "{\"goals\": [\"a\"]}]", "[1, 2",
                "{\"goals\": [\"a\",]}", "{goals: 1}", "{'goals': 1}", "nul", "tru", "\"unterminated", "{\"a\": 01}",
                "{\"a\": NaN}", "{\"a\": 1e999999999}", "{\"a\": \"\u0001\"}", "{\"a\": 1, \"a\": 2}", "[".repeat(5_000),
                "{\"a\": " + "9".repeat(5_000) + "}", "{\"a\": \"\\x\"}", "{\"a\" 1}", "{/* c */}", "\u00ef\u00bb\u00bf{}");
        for (String body : bodies) {
            Api.Answer a = api.post("/v1/recommend", body, null);
            assertThat(a.status()).as("status for %s", abbreviated(body)).isEqualTo(400);
            assertThat(a.code()).as("code for %s", abbreviated(body)).isIn("bad-json", "bad-request");
            assertThat(a.message()).as("message for %s", abbreviated(body))
                    .doesNotContain("com.fasterxml").doesNotContain("Feature").doesNotContain("Constraints")
                    .doesNotContain("JsonNode").doesNotContain("START_").doesNotContain("Jackson").doesNotContain("Source:");
            assertThat(a.body().length()).isLessThan(2_000);
        }
        byte[] invalidUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
        Api.Answer a = api.send(java.net.http.HttpRequest.newBuilder(api.base.resolve("/v1/recommend"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)), null);
        assertThat(a.code()).isEqualTo("bad-json");
        assertThat(a.message()).contains("UTF-8");
    }

    @Test
    void trailingValuesAreNamedPlainly() {
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [\"small-binary\"]} {}", null);
        assertThat(a.message()).isEqualTo("the request body is not valid JSON at line 1, column 29: more than one JSON value; the body must be a single JSON object");
        Api.Answer deep = api.post("/v1/recommend", "[".repeat(5_000), null);
        assertThat(deep.message()).endsWith("the JSON is nested too deeply (1000 levels at most)");
    }

    @Test
    void aClientSendingItsHeadAByteAtATimeIsClosedAndDoesNotHoldUpOthers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) slow.add(Raw.connect(server.uri(), 5_000));
            long t0 = System.nanoTime();
            String head = "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "s".repeat(100);
            boolean allClosed = false;
            for (int i = 0; i < head.length() && !allClosed; i++) {
                allClosed = true;
                for (Socket s : slow) {
                    try {
                        OutputStream out = s.getOutputStream();
                        out.write(head.charAt(i));
                        out.flush();
                        allClosed = false;
                    } catch (IOException closed) {
                        // the server closed it: what we want
                    }
                }
                if (i % 5 == 0) healthAnswersWithin(Duration.ofSeconds(1));
                Thread.sleep(100);
            }
            // the idle timeout is 1 s: each slow head is cut after it, checked every 250 ms
            for (Socket s : slow) {
                s.setSoTimeout(3_000);
                assertThat(Raw.closedByServer(s)).as("a slow connection is closed").isTrue();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
        } finally {
            for (Socket s : slow) s.close();
        }
        healthAnswersWithin(Duration.ofSeconds(1));
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = Raw.connect(server.uri(), 5_000)) {
            s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(Raw.read(s.getInputStream()).status()).isEqualTo(200);
            long t0 = System.nanoTime();
            assertThat(Raw.closedByServer(s)).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(3));
        }
    }

    @Test
    void aBodyThatStopsArrivingIsAJson408AndTheConnectionCloses() throws Exception {
        try (Socket s = Raw.connect(server.uri(), 10_000)) {
            s.getOutputStream().write(("POST /v1/audit HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"manifest\":")
                    .getBytes(StandardCharsets.ISO_8859_1));
            long t0 = System.nanoTime();
            Raw.Answer a = Raw.read(s.getInputStream()).isJsonError(408);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(1_500), Duration.ofSeconds(4));
            assertThat(a.code()).isEqualTo("request-timeout");
            assertThat(a.message()).isEqualTo("the request body did not arrive within 2 s");
            assertThat(Raw.closedByServer(s)).isTrue();
        }
        healthAnswersWithin(Duration.ofSeconds(1));
    }

    @Test
    void aChunkedBodyPastTheLimitIs413WithoutReadingItAll() {
        StringBuilder r = new StringBuilder("POST /v1/recommend HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = " ".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) r.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        Raw.Answer a = raw(r.append("0\r\n\r\n").toString()).isJsonError(413);
        assertThat(a.code()).isEqualTo("body-too-large");
    }

    private static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
