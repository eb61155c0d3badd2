package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.json.JsonDocuments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API as a client sees it: a real server on 127.0.0.1 (any free port), driven over loopback with the
 * JDK's HttpClient. Every answer is checked against its JSON Schema by {@link Api}.
 */
class HttpApiTest {
    static ProfileAdvisor advisor;
    static AdvisorServer server;
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        advisor = ProfileAdvisor.withDefaults();
        server = AdvisorServer.start(advisor, ServerOptions.defaults().withPort(0));
        api = new Api(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void itListensOnLoopbackByDefault() {
        assertThat(ServerOptions.defaults().bind()).isEqualTo("127.0.0.1");
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.address().getPort()).isPositive();
    }

    @Test
    void healthSaysOk() {
        Api.Answer a = api.get("/health", "health");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("status").asText()).isEqualTo("ok");
    }

    @Test
    void recommendAnswersTheSameDocumentAsTheLibraryAndTheCli() {
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [\"small-binary\", \"catch-panics\"], \"profile\": \"release\"}", "recommend");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode expected = JsonDocuments.recommendation(advisor.recommend(Request.goals("small-binary", "catch-panics").profile("release")));
        assertThat(a.json()).isEqualTo(Api.reparsed(expected));
        assertThat(a.json().get("toml").asText()).startsWith("[profile.release]\n").doesNotContain("panic");
    }

    @Test
    void goalsCanBeWeightedObjectsAndAliasesAndTheGoalsChooseTheProfile() {
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [{\"id\": \"fast-runtime\", \"weight\": 2}, {\"id\": \"fast compile\"}]}", "recommend");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("profile").asText()).isEqualTo("release");
        assertThat(a.json().get("goals").toString()).isEqualTo("[{\"id\":\"fast-runtime\",\"weight\":2},{\"id\":\"fast-compile\",\"weight\":1}]");
        assertThat(a.json().get("toml").asText()).contains("lto = \"fat\"");
    }

    @Test
    void aCustomProfileNeedsItsParentAndAPostedManifestAndLockShapeThePlan() {
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [\"fast-runtime\"], \"profile\": \"ci\", \"inherits\": \"release\","
                + " \"manifest\": \"[package]\\nname = \\\"x\\\"\\n\"}", "recommend");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("inherits").asText()).isEqualTo("release");
        assertThat(a.json().get("toml").asText()).startsWith("[profile.ci]\ninherits = \"release\"");
        String manifest = "[package]\\nname = \\\"x\\\"\\nversion = \\\"0.1.0\\\"\\n";
        String lock = "version = 4\\n\\n[[package]]\\nname = \\\"insta\\\"\\nversion = \\\"1.0.0\\\"\\n";
        Api.Answer scoped = api.post("/v1/recommend", "{\"goals\": [\"fast-compile\"], \"manifest\": \"" + manifest + "\", \"lock\": \"" + lock + "\"}", "recommend");
        assertThat(scoped.status()).isEqualTo(200);
        assertThat(scoped.json().get("toml").asText()).contains("[profile.dev.package.insta]\nopt-level = 3");
        assertThat(scoped.json().get("tables").get(0).get("scope").asText()).isEqualTo("profile");
        Api.Answer lockAlone = api.post("/v1/recommend", "{\"goals\": [\"fast-compile\"], \"lock\": \"" + lock + "\"}", "error");
        assertThat(lockAlone.status()).isEqualTo(400);
    }

    @Test
    void goalsAndRulesAnswerTheCatalogues() {
        Api.Answer goals = api.get("/v1/goals", "goals");
        assertThat(goals.status()).isEqualTo(200);
        assertThat(goals.json()).isEqualTo(Api.reparsed(JsonDocuments.goals(advisor.knowledge())));
        Api.Answer rules = api.get("/v1/rules", "rules");
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.json()).isEqualTo(Api.reparsed(JsonDocuments.rules(advisor)));
        assertThat(rules.json().get("rules").size()).isEqualTo(advisor.rules().size());
    }

    @TestFactory
    Stream<DynamicTest> explainAnswersEverySettingGoalRuleAndCorrection() {
        List<String> ids = dev.profileadvisor.ExplainableIds.of(advisor);
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Api.Answer a = api.get("/v1/explain/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"), "explain");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json()).isEqualTo(Api.reparsed(JsonDocuments.explanation(advisor.knowledge(), advisor.explain(id))));
        }));
    }

    @Test
    void explainOfAnUnknownIdIs404WithTheClosestNames() {
        Api.Answer a = api.get("/v1/explain/ltoo", null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("unknown-id");
        assertThat(a.message()).startsWith("nothing is called `ltoo`").contains("`lto`");
    }

    @Test
    void badJsonIs400NamingWhere() {
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [\"small-binary\"", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("bad-json");
        assertThat(a.message()).startsWith("the request body is not valid JSON at line 1, column ").doesNotContain("Source");
        assertThat(api.post("/v1/recommend", "{\"goals\": [\"small-binary\"]} trailing", null).code()).isEqualTo("bad-json");
        assertThat(api.post("/v1/recommend", "{\"goals\": [\"a\"], \"goals\": [\"b\"]}", null).message()).contains("goals");
    }

    @Test
    void anEmptyBodyIs400() {
        Api.Answer a = api.post("/v1/recommend", "", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("bad-json");
        assertThat(a.message()).startsWith("the request body is empty");
    }

    @Test
    void anUnknownGoalIs400WithTheAdvisorsMessage() {
        Api.Answer a = api.post("/v1/recommend", "{\"goals\": [\"smallest\"]}", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("unknown-goal");
        assertThat(a.message()).isEqualTo("unknown goal `smallest`; closest known: `small-binary`"
                + " (`cargo-profile-advisor goals` lists them with aliases)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"goals\": [{\"id\": \"small-binary\", \"weight\": 11}]}               | bad-goal    | invalid weight `11` for goal `small-binary`",
            "{\"goals\": [{\"id\": \"small-binary\", \"weight\": 0}, \"nope\"]}       | bad-goal    | invalid weight `0`",
            "{\"goals\": [\"small-binary\", \"smallest binary\"]}                    | bad-goal    | goal `small-binary` is given twice",
            "{\"goals\": []}                                                        | bad-goal    | no goal given",
            "{\"goals\": [\"small-binary\"], \"profile\": \"cargo-x\"}               | bad-profile | reserved",
            "{\"goals\": [\"small-binary\"], \"profile\": \"ci\"}                    | bad-profile | unknown profile `ci`",
            "{\"goals\": [\"small-binary\"], \"profile\": \"dev\", \"inherits\": \"release\"} | bad-profile | `--inherits` is for custom profiles",
            "{\"goals\": [\"small-binary\"], \"profile\": \"a b\"}                   | bad-profile | invalid profile name `a b`",
    })
    void theAdvisorsObjectionsAre400WithItsMessage(String body, String code, String message) {
        Api.Answer a = api.post("/v1/recommend", body, null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(code);
        assertThat(a.message()).contains(message);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"goals\": [\"small-binary\"], \"colour\": \"blue\"}         | unknown field `colour`; expected `goals`, `inherits`, `lock`, `manifest`, `profile`",
            "{\"goals\": [{\"id\": \"small-binary\", \"weigth\": 2}]}      | unknown field `goals[0].weigth`; expected `goals[0].id`, `goals[0].weight`",
            "{\"goal\": [\"small-binary\"]}                                | unknown field `goal`",
            "{\"profile\": \"release\"}                                    | missing field `goals`",
            "{\"goals\": \"small-binary\"}                                 | `goals` must be an array of goal ids or `{\"id\", \"weight\"}` objects, found a string `\"small-binary\"`",
            "{\"goals\": {\"id\": \"small-binary\"}}                       | `goals` must be an array of goal ids or `{\"id\", \"weight\"}` objects, found an object",
            "{\"goals\": 3}                                                | `goals` must be an array of goal ids or `{\"id\", \"weight\"}` objects, found a number `3`",
            "{\"goals\": [\"small-binary\", 7]}                            | `goals[1]` must be a goal id or an `{\"id\", \"weight\"}` object, found a number `7`",
            "{\"goals\": [{\"weight\": 2}]}                                | missing field `goals[0].id`",
            "{\"goals\": [{\"id\": 5}]}                                    | `goals[0].id` must be a string, found a number `5`",
            "{\"goals\": [\"small-binary\", {\"id\": \"fast-runtime\", \"weight\": \"2\"}]} | `goals[1].weight` must be a whole number from 1 to 10, found a string `\"2\"`",
            "{\"goals\": [{\"id\": \"fast-runtime\", \"weight\": 1.5}]}    | `goals[0].weight` must be a whole number from 1 to 10, found a number `1.5`",
            "{\"goals\": [\"small-binary\"], \"profile\": 1}               | `profile` must be a string, found a number `1`",
            "{\"goals\": [\"small-binary\"], \"inherits\": true}           | `inherits` must be a string, found a boolean `true`",
            "{\"goals\": [\"small-binary\"], \"manifest\": []}             | `manifest` must be a string, found an array",
            "[\"small-binary\"]                                            | the request body must be a JSON object",
    })
    void aBodyOfTheWrongShapeIs400NamingTheField(String body, String message) {
        Api.Answer a = api.post("/v1/recommend", body, null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("bad-request");
        assertThat(a.message()).startsWith(message);
        assertThat(dev.profileadvisor.json.Schemas.problems("recommend-request", body))
                .as("the request schema rejects it too").isNotEmpty();
    }

    @Test
    void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIs413() {
        String json = "{\"goals\": [\"small-binary\"]}";
        String atLimit = json + " ".repeat(ServerOptions.DEFAULT_MAX_BODY_BYTES - json.length());
        assertThat(api.post("/v1/recommend", atLimit, "recommend").status()).isEqualTo(200);
        Api.Answer a = api.post("/v1/recommend", atLimit + " ", null);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo("body-too-large");
        assertThat(a.message()).isEqualTo("the request body is larger than the limit of 1048576 bytes (`Content-Length: 1048577`)");
    }

    @Test
    void anOversizedChunkedBodyIs413Too() {
        byte[] big = new byte[3 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        HttpRequest.Builder r = HttpRequest.newBuilder(api.base.resolve("/v1/recommend"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        Api.Answer a = api.send(r, null);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo("body-too-large");
        assertThat(a.message()).isEqualTo("the request body is larger than the limit of 1048576 bytes");
    }

    @ParameterizedTest(name = "{0} {1} -> Allow: {2}")
    @CsvSource({"PUT, /v1/goals, GET", "GET, /v1/recommend, POST", "DELETE, /health, GET", "POST, /v1/explain/lto, GET",
            "PATCH, /openapi.json, GET", "HEAD, /v1/rules, GET"})
    void aWrongMethodIs405WithAnAllowHeader(String method, String path, String allow) {
        Api.Answer a = api.send(HttpRequest.newBuilder(api.base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()), null);
        assertThat(a.status()).isEqualTo(405);
        assertThat(a.headers().firstValue("Allow")).hasValue(allow);
        if (!method.equals("HEAD")) {
            assertThat(a.code()).isEqualTo("method-not-allowed");
            assertThat(a.message()).isEqualTo("method `" + method + "` is not allowed on `" + path + "`; use `" + allow + "`");
        }
    }

    @ParameterizedTest
    @CsvSource({"/", "/v1", "/v1/recommend/", "/v2/recommend", "/v1/explain/", "/schemas/nope.json"})
    void anUnknownPathIs404(String path) {
        Api.Answer a = api.get(path, null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("not-found");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndItsSchemasAreServed() throws IOException {
        Api.Answer doc = api.get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        JsonNode o = doc.json();
        assertThat(o.get("openapi").asText()).isEqualTo("3.1.0");
        Set<String> described = new HashSet<>();
        o.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase() + " " + p.getKey())));
        Set<String> served = new HashSet<>();
        for (Router.Route r : server.routes()) served.add(r.method() + " " + r.path());
        assertThat(described).isEqualTo(served);

        Set<String> refs = new HashSet<>();
        collectRefs(o, refs);
        assertThat(refs).contains("schemas/recommend.schema.json", "schemas/recommend-request.schema.json",
                "schemas/goals.schema.json", "schemas/rules.schema.json", "schemas/explain.schema.json",
                "schemas/error.schema.json", "schemas/health.schema.json");
        for (String ref : refs) {
            if (ref.startsWith("#/")) {
                assertThat(o.at(ref.substring(1)).isMissingNode()).as("%s resolves inside the document", ref).isFalse();
                continue;
            }
            Api.Answer schema = api.get(api.base.resolve("/openapi.json").resolve(ref).getPath(), null);
            assertThat(schema.status()).as(ref).isEqualTo(200);
            assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json");
            try (InputStream bundled = getClass().getClassLoader().getResourceAsStream(ref)) {
                assertThat(schema.body()).isEqualTo(new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = o.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().forEach(op -> assertThat(op.has("responses") && op.has("operationId") && op.has("summary"))
                    .as("%s is documented", p.getKey()).isTrue());
        }
    }

    private static void collectRefs(JsonNode n, Set<String> out) {
        if (n.isObject()) {
            n.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) out.add(e.getValue().asText());
                else collectRefs(e.getValue(), out);
            });
        } else if (n.isArray()) {
            n.forEach(x -> collectRefs(x, out));
        }
    }
}
