package dev.profileadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user drives it: output, stderr messages, exit codes. */
class CliTest {
    @Test
    void recommendPrintsTheBlockThenTheJustification() {
        CliRun r = CliRun.run("recommend", "--goal", "small-binary");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("# goals: small-binary\n[profile.release]\n").contains("\nWhy each line\n")
                .contains("rules:     goal-weighs-effects, decide-best-value").contains("= see: https://");
    }

    @Test
    void tomlFormatPrintsOnlyTheBlock() {
        CliRun r = CliRun.run("recommend", "--goal", "small-binary", "--goal", "catch-panics", "--format", "toml");
        assertThat(r.out()).isEqualTo(ProfileAdvisor.withDefaults().recommend(Request.goals("small-binary", "catch-panics")).toml());
        assertThat(r.out()).doesNotContain("panic");
    }

    @Test
    void jsonFormatFollowsTheContract() throws Exception {
        CliRun r = CliRun.run("recommend", "--goal", "fast-runtime=2", "--goal", "fast-compile=1", "--profile", "release", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(j.get("profile").asText()).isEqualTo("release");
        assertThat(j.get("goals").get(0).get("id").asText()).isEqualTo("fast-runtime");
        assertThat(j.get("goals").get(0).get("weight").asInt()).isEqualTo(2);
        JsonNode lto = j.get("settings").get(0).get("key").asText().equals("lto") ? j.get("settings").get(0) : null;
        for (JsonNode s : j.get("settings")) if (s.get("key").asText().equals("lto")) lto = s;
        assertThat(lto).isNotNull();
        assertThat(lto.get("value").asText()).isEqualTo("thin");
        assertThat(lto.get("reason").asText()).contains("tied with `lto = \"fat\"`");
        assertThat(lto.get("default").isBoolean()).isTrue();
        assertThat(lto.get("goals").get(0).asText()).isEqualTo("fast-runtime");
        assertThat(lto.get("overruled").toString()).contains("\"valueId\":\"fat\"");
        assertThat(lto.get("rules").toString()).contains("decide-best-value");
        assertThat(lto.get("sources").get(0).asText()).startsWith("http");
        assertThat(lto.get("overruled").get(0).has("by")).isTrue();
        assertThat(lto.get("reason").asText()).isNotBlank();
        assertThat(j.get("toml").asText()).startsWith("[profile.release]\n").contains("lto = \"thin\"");
    }

    @Test
    void anUnknownGoalIsExitCodeTwoWithTheMessageOnStderr() {
        CliRun r = CliRun.run("recommend", "--goal", "smallest");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: --goal: unknown goal `smallest`; closest known: `small-binary`"
                + " (`cargo-profile-advisor goals` lists them with aliases)\n");
    }

    @Test
    void aMissingGoalOptionIsAUsageErrorWithoutAStackTrace() {
        CliRun r = CliRun.run("recommend");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: missing required option: '--goal=GOAL[=WEIGHT]'")
                .contains("run `cargo-profile-advisor recommend --help`").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBadWeightIsExitCodeTwo() {
        CliRun r = CliRun.run("recommend", "--goal", "fast-runtime=high");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("invalid weight `high` for goal `fast-runtime`");
    }

    @Test
    void cargoPassesTheSubcommandNameFirstAndItIsDropped() {
        CliRun r = CliRun.run("profile-advisor", "recommend", "--goal", "debuggable", "--format", "toml");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("debug = \"line-tables-only\"");
    }

    @Test
    void goalsListsEveryGoalWithAliases() {
        CliRun r = CliRun.run("goals");
        assertThat(r.out()).contains("small-binary", "fast-runtime", "fast-compile", "debuggable", "profilable",
                "low-build-memory", "catch-panics", "aliases: smallest binary");
    }

    @Test
    void explainASettingShowsValuesFlagsEffectsAndTheCorrectionsOfTheSeed() {
        CliRun r = CliRun.run("explain", "lto");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lto = false", "-C embed-bitcode=no", "lto = \"fat\"", "-C lto=fat", "effects",
                "corrections of published claims", "thin-local");
    }

    @Test
    void explainAGoalARuleAndACorrection() {
        assertThat(CliRun.run("explain", "smallest binary").out()).startsWith("small-binary: smallest binary");
        assertThat(CliRun.run("explain", "catch-panics-forbids-abort").out()).contains("(constraint)", "defined at rules/recommend/20-constraints.drl:");
        String someCorrection = ProfileAdvisor.withDefaults().knowledge().corrections().keySet().iterator().next();
        assertThat(CliRun.run("explain", someCorrection).out()).contains("claim:", "correct:");
    }

    @Test
    void explainSomethingUnknownSuggestsNames() {
        CliRun r = CliRun.run("explain", "ltoo");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: explain: nothing is called `ltoo`").contains("`lto`");
    }

    @Test
    void rulesListTestAndLintPassOnTheRepository() {
        assertThat(CliRun.run("rules", "list").out()).contains("catch-panics-forbids-abort", "constraint");
        CliRun test = CliRun.run("rules", "test");
        assertThat(test.code()).isZero();
        assertThat(test.out()).containsPattern("rules test: \\d+ passed, 0 failed");
        CliRun lint = CliRun.run("rules", "lint");
        assertThat(lint.code()).isZero();
        assertThat(lint.out()).containsPattern("rules lint: \\d+ rules, 0 problems");
    }
}
