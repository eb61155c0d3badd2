package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/audit} with {@code allow} and {@code deny}, and the manifest's own allow list, over loopback. */
class AuditAllowEndpointTest {
    static AdvisorServer server;
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        server = AdvisorServer.start(ProfileAdvisor.withDefaults(), ServerOptions.defaults().withPort(0));
        api = new Api(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Line 7: restates-default (a note); line 9: strip-discards-debuginfo (a warning). */
    static final String MANIFEST = "[package]\\nname = \\\"demo\\\"\\nversion = \\\"0.1.0\\\"\\nedition = \\\"2021\\\"\\n\\n"
            + "[profile.release]\\nopt-level = 3\\ndebug = true\\nstrip = true\\n";

    static JsonNode finding(JsonNode answer, String id) {
        for (JsonNode f : answer.get("reports").get(0).get("findings")) if (f.get("id").asText().equals(id)) return f;
        throw new AssertionError("no finding " + id + " in " + answer);
    }

    @Test
    void allowInTheRequestMarksTheFindingAllowedAndDenyRaisesOneToAnError() {
        Api.Answer a = api.post("/v1/audit", "{\"manifest\": \"" + MANIFEST + "\", \"allow\": [\"restates-default\"],"
                + " \"deny\": [\"strip-discards-debuginfo\"]}", "audit");

        assertThat(a.status()).isEqualTo(200);
        JsonNode restates = finding(a.json(), "restates-default");
        assertThat(restates.get("allowed").asBoolean()).isTrue();
        assertThat(restates.get("suppression").get("kind").asText()).isEqualTo("external");
        JsonNode strip = finding(a.json(), "strip-discards-debuginfo");
        assertThat(strip.get("severity").asText()).isEqualTo("error");
        assertThat(strip.get("denied").asBoolean()).isTrue();
        assertThat(a.json().get("summary").get("allowed").asInt()).isEqualTo(1);
        assertThat(a.json().get("summary").get("errors").asInt()).isEqualTo(1);
        assertThat(a.json().get("summary").get("notes").asInt()).isZero();
    }

    @Test
    void theManifestsAllowListWorksInTheRequestTextAndDenyBeatsIt() {
        String manifest = MANIFEST + "\\n[workspace.metadata.profile-advisor]\\nallow = [{ id = \\\"strip-discards-debuginfo\\\", reason = \\\"uploaded\\\" }]\\n";

        Api.Answer allowed = api.post("/v1/audit", "{\"manifest\": \"" + manifest + "\"}", "audit");
        Api.Answer denied = api.post("/v1/audit", "{\"manifest\": \"" + manifest + "\", \"deny\": [\"strip-discards-debuginfo\"]}", "audit");

        JsonNode strip = finding(allowed.json(), "strip-discards-debuginfo");
        assertThat(strip.get("allowed").asBoolean()).isTrue();
        assertThat(strip.get("suppression").get("kind").asText()).isEqualTo("inSource");
        assertThat(strip.get("suppression").get("location").asText()).isEqualTo("Cargo.toml:12:10");
        assertThat(strip.get("suppression").get("reason").asText()).isEqualTo("uploaded");
        assertThat(finding(denied.json(), "strip-discards-debuginfo").get("allowed").asBoolean()).isFalse();
        assertThat(finding(denied.json(), "strip-discards-debuginfo").get("severity").asText()).isEqualTo("error");
    }

    @Test
    void anUnknownIdIs400NamingTheCloseOne() {
        Api.Answer a = api.post("/v1/audit", "{\"manifest\": \"" + MANIFEST + "\", \"allow\": [\"restate-default\"]}", null);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("unknown-id");
        assertThat(a.message()).isEqualTo("`allow`: `restate-default` is not a finding id; did you mean `restates-default`?");
    }

    @Test
    void anIdInBothListsAndAListOfTheWrongShapeAre400() {
        Api.Answer both = api.post("/v1/audit", "{\"manifest\": \"" + MANIFEST + "\", \"allow\": [\"restates-default\"],"
                + " \"deny\": [\"restates-default\"]}", null);
        Api.Answer notAList = api.post("/v1/audit", "{\"manifest\": \"" + MANIFEST + "\", \"deny\": \"restates-default\"}", null);
        Api.Answer notAString = api.post("/v1/audit", "{\"manifest\": \"" + MANIFEST + "\", \"allow\": [3]}", null);

        assertThat(both.status()).isEqualTo(400);
        assertThat(both.message()).isEqualTo("`restates-default` is in both `allow` and `deny`: name it in one of them");
        assertThat(notAList.code()).isEqualTo("bad-request");
        assertThat(notAList.message()).startsWith("`deny` must be an array of finding ids");
        assertThat(notAString.message()).startsWith("`allow[0]` must be a finding id (a string)");
    }

    @Test
    void aManifestAllowListOfTheWrongShapeIsABadManifestWithItsLocation() {
        String manifest = MANIFEST + "\\n[package.metadata.profile-advisor]\\nallow = \\\"restates-default\\\"\\n";

        Api.Answer a = api.post("/v1/audit", "{\"manifest\": \"" + manifest + "\"}", null);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("bad-manifest");
        assertThat(a.message()).startsWith("Cargo.toml:12:1: `package.metadata.profile-advisor.allow` must be an array of finding ids");
    }
}
