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
        assertThat(r.out()).startsWith("# goals: small-binary\n# generic: no project given").contains("\n[profile.release]\n").contains("\nWhy each line\n")
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
        assertThat(lto.get("value").asText()).isEqualTo("fat"); // thin LTO costs the loop as much as fat (lab: rebuilds 11–14 s against 2–4 s)
        assertThat(lto.get("reason").asText()).doesNotContain("tied with");
        assertThat(lto.get("default").isBoolean()).isTrue();
        assertThat(lto.get("goals").get(0).asText()).isEqualTo("fast-runtime");
        assertThat(lto.get("overruled").toString()).contains("\"valueId\":\"thin-local\""); // cargo's default; thin LTO no longer a candidate (measured no faster)
        assertThat(lto.get("rules").toString()).contains("decide-best-value");
        assertThat(lto.get("sources").get(0).asText()).startsWith("http");
        assertThat(lto.get("overruled").get(0).has("by")).isTrue();
        assertThat(lto.get("reason").asText()).isNotBlank();
        assertThat(j.get("toml").asText()).startsWith("[profile.release]\n").contains("lto = \"fat\"");
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
    void aFarFetchedGoalGetsNoSuggestionButTheKnownGoals() {
        CliRun r = CliRun.run("recommend", "--goal", "zzqqxxyy");
        assertThat(r.err()).startsWith("error: --goal: unknown goal `zzqqxxyy`; known goals: `small-binary`, `fast-runtime`")
                .doesNotContain("closest");
    }

    @Test
    void aMisspelledProfileIsCorrectedAndAFarFetchedOneGetsTheKnownProfiles() {
        assertThat(CliRun.run("recommend", "--goal", "small-binary", "--profile", "relase").err())
                .startsWith("error: --profile: unknown profile `relase`; did you mean `release`? A custom profile needs a parent");
        CliRun far = CliRun.run("recommend", "--goal", "small-binary", "--profile", "zzqqxxyy");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).isEqualTo("error: --profile: unknown profile `zzqqxxyy`; known profiles: `dev`, `release`, `test`, "
                + "`bench`, `profiling`. A custom profile needs a parent: add `--inherits release` (or `dev`)\n");
    }

    @Test
    void aMisspelledParentProfileIsCorrected() {
        assertThat(CliRun.run("recommend", "--goal", "small-binary", "--profile", "ci", "--inherits", "relase").err())
                .isEqualTo("error: --inherits: unknown parent profile `relase`; did you mean `release`?\n");
        assertThat(CliRun.run("recommend", "--goal", "small-binary", "--profile", "ci", "--inherits", "zzqqxxyy").err())
                .isEqualTo("error: --inherits: unknown parent profile `zzqqxxyy`; known profiles: `dev`, `release`, `test`, "
                        + "`bench`, `profiling`\n");
    }

    @Test
    void aMisspelledOptionSuggestsTheOptionItResembles() {
        CliRun r = CliRun.run("recommend", "--goal", "small-binary", "--frmat", "json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown option `--frmat`; did you mean `--format`?\n"
                + "  = help: run `cargo-profile-advisor recommend --help` for usage\n");
        assertThat(CliRun.run("audit", "--fail-onn=warning").err()).startsWith("error: unknown option `--fail-onn`; did you mean `--fail-on`?");
        assertThat(CliRun.run("recommend", "--goal", "small-binary", "--zzqqxxyy").err())
                .isEqualTo("error: unknown option `--zzqqxxyy`\n  = help: run `cargo-profile-advisor recommend --help` for usage\n");
    }

    @Test
    void aMisspelledCommandSuggestsTheCommandAndAFarFetchedOneListsThem() {
        assertThat(CliRun.run("recomend", "--goal", "small-binary").err())
                .isEqualTo("error: unknown command `recomend`; did you mean `recommend`?\n"
                        + "  = help: run `cargo-profile-advisor --help` for usage\n");
        assertThat(CliRun.run("rules", "lnt").err()).startsWith("error: unknown command `lnt`; did you mean `lint`?");
        assertThat(CliRun.run("zzqqxxyy").err()).startsWith("error: unknown command `zzqqxxyy`; known commands: `recommend`, `audit`, "
                + "`apply`, `measure`, `goals`, `explain`, `rules`, `docs`, `serve`, `guide`, `help`\n").doesNotContain("warm-up");
    }

    @Test
    void aMisspelledOptionValueSuggestsTheValueAndAFarFetchedOneListsThem() {
        assertThat(CliRun.run("recommend", "--goal", "small-binary", "--format", "jsn").err())
                .isEqualTo("error: invalid value `jsn` for `--format`; did you mean `json`?\n"
                        + "  = help: run `cargo-profile-advisor recommend --help` for usage\n");
        assertThat(CliRun.run("audit", "--fail-on", "warn").err()).startsWith("error: invalid value `warn` for `--fail-on`; did you mean `warning`?");
        assertThat(CliRun.run("audit", "--format=yaml").err())
                .startsWith("error: invalid value `yaml` for `--format`: expected one of `text`, `json`, `sarif`\n");
    }

    @Test
    void aMissingCommandPointsAtTheHelpWithoutADoubleSpace() {
        assertThat(CliRun.run().err()).isEqualTo("error: missing required subcommand\n"
                + "  = help: run `cargo-profile-advisor --help` for usage\n");
        assertThat(CliRun.run("rules").err()).endsWith("  = help: run `cargo-profile-advisor rules --help` for usage\n");
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
    void explainAnAuditRuleShowsAnExampleManifestAndWhatToUseInsteadLikeClippy() {
        CliRun r = CliRun.run("explain", "restates-default");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\nexample: opt-level 3 in release\n  [profile.release]\n  opt-level = 3\n  debug = 0\n\n"
                        + "use instead: a value other than the default\n  [profile.release]\n  opt-level = 2\n\ncases:\n")
                .contains("\n  fires  opt-level 3 in release\n", "\n  silent a value other than the default\n")
                .as("no dangling `--goal` and no [package] boilerplate").doesNotContainPattern("--goal *\n").doesNotContain("[package]");
    }

    @Test
    void anAuditExampleShowsItsOtherFilesTheConfigAndTheGoalsItIsAuditedWith() {
        assertThat(CliRun.run("explain", "panic-abort-with-catch-unwind").out()).contains("example: abort in release with catch_unwind in main\n"
                + "  Cargo.toml:\n    [profile.release]\n    panic = \"abort\"\n  src/main.rs:\n    fn main() {");
        assertThat(CliRun.run("explain", "unknown-inherits").out()).contains("use instead: a parent defined in a config file counts\n"
                + "  Cargo.toml:\n    [profile.dist]\n    inherits = \"ci\"\n  .cargo/config.toml:\n    [profile.ci]\n");
        assertThat(CliRun.run("explain", "conflicts-with-goal").out())
                .contains("example: unwinding written out in a release profile meant to be small (audited with `--goal small-binary`)\n");
    }

    @Test
    void aRecommendRuleKeepsShowingTheGoalsOfItsCases() {
        String out = CliRun.run("explain", "catch-panics-forbids-abort").out();
        assertThat(out).contains("\ncases:\n  fires  small-binary with catch-panics keeps unwinding: --goal small-binary --goal catch-panics\n")
                .doesNotContain("example:", "use instead:");
    }

    @Test
    void onlyAPackageTableOfNameVersionAndEditionIsLeftOutOfAnExample() {
        String pkg = "[package]\nname = \"x\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
        assertThat(ExplainCommand.withoutPackageBoilerplate(pkg + "\n[profile.dev]\ndebug = 0\n")).isEqualTo("[profile.dev]\ndebug = 0\n");
        assertThat(ExplainCommand.withoutPackageBoilerplate(pkg + "rust-version = \"1.70\"\n\n[profile.dev]\ndebug = 0\n"))
                .as("rust-version matters").startsWith("[package]");
        assertThat(ExplainCommand.withoutPackageBoilerplate(pkg)).as("nothing else to show").isEqualTo(pkg);
    }

    @Test
    void explainSuggestsOnlyCloseNamesAndOtherwiseSaysWhereTheNamesAre() {
        assertThat(CliRun.run("explain", "lot").err()).isEqualTo("error: explain: nothing is called `lot`: not a setting, goal, "
                + "rule, correction or `scopes`; closest: `lto`\n");
        assertThat(CliRun.run("explain", "restates-defualt").err()).endsWith("; closest: `restates-default`\n");
        CliRun far = CliRun.run("explain", "zzqqxxyy");
        assertThat(far.code()).isEqualTo(2);
        assertThat(far.err()).startsWith("error: explain: nothing is called `zzqqxxyy`: not a setting, goal, rule, correction or `scopes`; "
                + "settings: `opt-level`").contains("`lto`", "`cargo-profile-advisor goals` lists the goals",
                "`cargo-profile-advisor rules list` the rules").doesNotContain("closest");
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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "goals --format toml              | `text`, `json`",
            "explain lto --format toml        | `text`, `json`",
            "rules list --format sarif        | `text`, `json`",
            "recommend --goal small-binary --format sarif | `text`, `toml`, `json`",
            "audit --format toml              | `text`, `json`, `sarif`"})
    void eachCommandAcceptsExactlyItsFormats(String command, String formats) {
        CliRun r = CliRun.run(command.trim().split(" +"));
        assertThat(r.code()).as(command).isEqualTo(2);
        assertThat(r.err()).as(command).contains("expected one of " + formats.trim() + "\n");
        assertThat(r.out()).as(command).isEmpty();
    }

    @Test
    void aRulesFolderGivenAsKnowledgeIsNamedWithWhatAKnowledgeFolderHolds() {
        CliRun r = CliRun.run("rules", "lint", "--knowledge", "rules/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: --knowledge rules: not a knowledge folder: sources.toml, settings.toml, profiles.toml,"
                + " goals.toml, scopes.toml, effects.toml, corrections.toml, unstable.toml, crates.toml, targets.toml, peers.toml, measurements.toml are missing (the bundled one is knowledge/ in the repository)\n");
    }

    @Test
    void aKnowledgeFolderMissingOneFileNamesItWithoutAJavaException(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        dev.profileadvisor.WorkingCopy wc = new dev.profileadvisor.WorkingCopy(tmp);
        wc.knowledge.resolve("unstable.toml").toFile().delete();
        CliRun r = CliRun.run("rules", "test", "--knowledge", wc.knowledge.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --knowledge " + wc.knowledge + ": unstable.toml is missing (the bundled knowledge/ in the"
                + " repository has sources.toml, settings.toml, profiles.toml, goals.toml, scopes.toml, effects.toml, corrections.toml, unstable.toml, crates.toml, targets.toml, peers.toml, measurements.toml)\n");
    }

    @Test
    void aKnowledgeFolderGivenAsRulesIsNamedWithWhatARulesFolderHolds() {
        CliRun r = CliRun.run("rules", "list", "--rules", "knowledge/");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: --rules knowledge: not a rules folder: it has no `.drl` files"
                + " (the bundled one is rules/ in the repository)\n");
    }

    @Test
    void aFolderThatIsNotThereIsNamedWithTheOption() {
        CliRun r = CliRun.run("rules", "lint", "--rules", "rulez", "--knowledge", "knowledge");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: --rules rulez: no such folder (the bundled one is rules/ in the repository)\n");
    }

    @Test
    void rulesListFactsShowsEachFactRecordWithItsFieldsTypesAndDescriptions() {
        CliRun r = CliRun.run("rules", "list", "--facts");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("EffectiveFact: The value a key ends up with in a profile (audit input fact)\n")
                .containsPattern("\n  traits +Set<String> +the value's traits\n")
                .containsPattern("\n  writtenIn +String +the profile whose table sets it \\(named so, not `setIn`: Drools reads `set…` as a setter\\)\n");
    }

    @Test
    void rulesListFactsAsJsonGivesEachFieldItsTypeAndDescription() throws Exception {
        CliRun r = CliRun.run("rules", "list", "--facts", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode facts = new ObjectMapper().readTree(r.out()).get("facts");
        JsonNode effective = null;
        for (JsonNode f : facts) if (f.get("name").asText().equals("EffectiveFact")) effective = f;
        assertThat(effective).isNotNull();
        assertThat(effective.get("fields").get(6).toString())
                .isEqualTo("{\"name\":\"traits\",\"type\":\"Set<String>\",\"description\":\"the value's traits\"}");
    }

    @Test
    void rulesTestWithIdsRunsOnlyThoseRulesCases() {
        CliRun r = CliRun.run("rules", "test", "strip-discards-debuginfo", "decide-best-value");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("^rules test: \\d+ passed, 0 failed \\(2 rules, \\d+ ms\\)\n$");
    }

    @Test
    void rulesTestWithAnUnknownIdSuggestsTheRuleItResembles() {
        CliRun r = CliRun.run("rules", "test", "strip-discards-debuginf");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: unknown rule `strip-discards-debuginf`; did you mean `strip-discards-debuginfo`?\n");
    }

    @Test
    void rulesTestWithAFarFetchedIdSaysWhereTheIdsAreListed() {
        CliRun r = CliRun.run("rules", "test", "zzz");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: unknown rule `zzz` (`cargo-profile-advisor rules list` lists them)\n");
    }

    @Test
    void rulesTestOfOneRuleCountsOneRule() {
        CliRun r = CliRun.run("rules", "test", "strip-discards-debuginfo");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("^rules test: \\d+ passed, 0 failed \\(1 rule, \\d+ ms\\)\n$");
    }
}
