package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/audit} over loopback: text in, the same JSON as {@code audit --format json} out. */
class AuditEndpointTest {
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

    static final String MANIFEST = "[package]\\nname = \\\"demo\\\"\\nversion = \\\"0.1.0\\\"\\nedition = \\\"2021\\\"\\n\\n[profile.release]\\nlto = \\\"fatt\\\"\\ncodegen-unit = 1\\n";

    @Test
    void anAuditReportsFindingsAtTheirLinesWithEffectiveProfiles() {
        Api.Answer a = api.post("/v1/audit", "{\"manifest\": \"" + MANIFEST + "\"}", "audit");
        assertThat(a.status()).isEqualTo(200);
        JsonNode report = a.json().get("reports").get(0);
        assertThat(report.get("findings").toString()).contains("\"id\":\"invalid-lto\"", "\"line\":7", "\"id\":\"unknown-profile-key\"");
        assertThat(report.get("profiles").get(1).get("name").asText()).isEqualTo("release");
        assertThat(report.get("profiles").get(1).get("rustcFlags").isNull()).isTrue();
    }

    @Test
    void configAndEnvAreMergedAboveTheManifestAsCargoDoes() {
        String body = "{\"manifest\": \"[package]\\nname = \\\"demo\\\"\\nversion = \\\"0.1.0\\\"\\n\\n[profile.release]\\nlto = true\\n\","
                + " \"config\": \"[profile.release]\\nlto = \\\"thin\\\"\\n\", \"env\": {\"CARGO_PROFILE_RELEASE_OPT_LEVEL\": \"s\"}}";
        Api.Answer a = api.post("/v1/audit", body, "audit");
        JsonNode release = a.json().get("reports").get(0).get("profiles").get(1);
        assertThat(release.get("rustcFlags").toString()).isEqualTo("[\"-C opt-level=s\",\"-C lto=thin\",\"-C strip=debuginfo\"]");
        assertThat(release.get("settings").toString()).contains("\"origin\":\"env CARGO_PROFILE_RELEASE_OPT_LEVEL\"", "\"origin\":\".cargo/config.toml:2:1\"");
    }

    @Test
    void withGoalsItReportsConflicts() {
        String body = "{\"manifest\": \"[package]\\nname = \\\"demo\\\"\\nversion = \\\"0.1.0\\\"\\n\\n[profile.release]\\npanic = \\\"unwind\\\"\\n\","
                + " \"goals\": [\"small-binary\"]}";
        assertThat(api.post("/v1/audit", body, "audit").json().toString()).contains("conflicts-with-goal");
    }

    @Test
    void invalidTomlIs400WithLineAndColumn() {
        Api.Answer a = api.post("/v1/audit", "{\"manifest\": \"[package\\nname = 1\\n\"}", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("bad-manifest");
        assertThat(a.message()).startsWith("Cargo.toml:1:").contains("invalid TOML");
    }

    @Test
    void anEmptyManifestIs400AsCargoRefusesIt() {
        Api.Answer a = api.post("/v1/audit", "{\"manifest\": \"\"}", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("bad-manifest");
        assertThat(a.message()).isEqualTo("Cargo.toml:1:1: manifest is missing either a `[package]` or a `[workspace]`");
    }

    @Test
    void aMissingManifestAnUnknownFieldAndAnUnknownGoalAre400() {
        assertThat(api.post("/v1/audit", "{}", null).message()).contains("missing field `manifest`");
        assertThat(api.post("/v1/audit", "{\"manifest\": \"\", \"path\": \"/etc\"}", null).message()).contains("unknown field `path`");
        Api.Answer g = api.post("/v1/audit", "{\"manifest\": \"\", \"goals\": [\"tiny\"]}", null);
        assertThat(g.code()).isEqualTo("unknown-goal");
        assertThat(api.post("/v1/audit", "{\"manifest\": \"\", \"env\": {\"X\": 1}}", null).message()).contains("`env.X` must be a string");
    }
}
