package dev.profileadvisor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.profileadvisor.cli.CliRun;
import dev.profileadvisor.json.Schemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Allowing a finding the way clippy allows a lint: {@code --allow}/{@code --deny} on the command line, {@code allow}
 * lists in {@code [workspace.metadata.profile-advisor]} and {@code [package.metadata.profile-advisor]}; allowed
 * findings counted, not shown, never failing a check, and marked in JSON and SARIF.
 */
class AllowFindingsTest {
    @TempDir
    Path dir;

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    /** Line 7: a note (restates-default); line 9: a warning (strip-discards-debuginfo). */
    static final String PROFILES = "\n[profile.release]\nopt-level = 3\ndebug = true\nstrip = true\n";

    Path write(String file, String text) throws Exception {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        if (p.getFileName().toString().equals("Cargo.toml") && text.contains("[package]")) {
            Files.createDirectories(p.resolveSibling("src"));
            Files.writeString(p.resolveSibling("src/main.rs"), "fn main() {}\n");
        }
        return p;
    }

    static List<String> findingLines(String out) {
        List<String> lines = new ArrayList<>();
        for (String l : out.split("\n")) if (l.matches("\\S+:\\d+:\\d+: \\w+.*\\[[a-z-]+]")) lines.add(l);
        return lines;
    }

    @Test
    void aWorkspaceAllowListHidesItsFindingsCountsThemAndLetsFailOnPass() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES + "\n[workspace.metadata.profile-advisor]\n"
                + "allow = [\"restates-default\", { id = \"strip-discards-debuginfo\", reason = \"symbols are uploaded first\" }]\n");

        CliRun r = CliRun.run("audit", m.toString(), "--findings-only", "--fail-on", "note");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(findingLines(r.out())).isEmpty();
        assertThat(r.out()).isEqualTo("audit: 1 workspace, 0 errors, 0 warnings, 0 notes, 2 allowed\n");
    }

    @Test
    void withoutTheAllowListTheSameManifestFailsOnWarning() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES);

        CliRun r = CliRun.run("audit", m.toString(), "--findings-only", "--fail-on", "warning");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).endsWith("audit: 1 workspace, 0 errors, 1 warning, 1 note\n");
    }

    @Test
    void showAllowedListsEachAllowedFindingWithWhatAllowsItAndWhy() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES + "\n[workspace.metadata.profile-advisor]\n"
                + "allow = [\"restates-default\", { id = \"strip-discards-debuginfo\", reason = \"symbols are uploaded first\" }]\n");

        CliRun r = CliRun.run("audit", m.toString(), "--findings-only", "--show-allowed");

        assertThat(r.out()).containsPattern("Cargo.toml:7:1: note \\(allowed\\): `opt-level = 3` in profile `release` restates "
                        + "cargo's default \\[restates-default]\n  = allowed: by the `allow` entry at \\S*Cargo.toml:12:10\n")
                .containsPattern("Cargo.toml:9:1: warning \\(allowed\\): .*\\[strip-discards-debuginfo]\n"
                        + "  = allowed: by the `allow` entry at \\S*Cargo.toml:12:30: symbols are uploaded first\n")
                .endsWith("audit: 1 workspace, 0 errors, 0 warnings, 0 notes, 2 allowed\n");
    }

    @Test
    void allowOnTheCommandLineHidesAFindingAndDenyRaisesOneToAnError() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES);

        CliRun r = CliRun.run("audit", m.toString(), "--findings-only", "--allow", "restates-default", "-D", "strip-discards-debuginfo");

        assertThat(r.code()).as("the denied finding is an error, and --fail-on is error").isEqualTo(1);
        assertThat(findingLines(r.out())).hasSize(1).first().asString()
                .endsWith("Cargo.toml:9:1: error: `strip = true` removes the debug info that `debug = true` asks for in profile `release` [strip-discards-debuginfo]");
        assertThat(r.out()).contains("  = note: requested on the command line with `--deny strip-discards-debuginfo`\n")
                .endsWith("audit: 1 workspace, 1 error, 0 warnings, 0 notes, 1 allowed\n");
    }

    @Test
    void ofAnAllowAndADenyForOneIdTheLastOnTheCommandLineCounts() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES);

        CliRun allowLast = CliRun.run("audit", m.toString(), "--findings-only", "-D", "strip-discards-debuginfo", "-A", "strip-discards-debuginfo");
        CliRun denyLast = CliRun.run("audit", m.toString(), "--findings-only", "--allow=strip-discards-debuginfo", "--deny=strip-discards-debuginfo");

        assertThat(allowLast.code()).isZero();
        assertThat(allowLast.out()).endsWith("0 errors, 0 warnings, 1 note, 1 allowed\n");
        assertThat(denyLast.code()).isEqualTo(1);
        assertThat(denyLast.out()).endsWith("1 error, 0 warnings, 1 note\n");
    }

    @Test
    void denyOnTheCommandLineBeatsTheManifestsAllow() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES + "\n[workspace.metadata.profile-advisor]\nallow = [\"strip-discards-debuginfo\"]\n");

        CliRun r = CliRun.run("audit", m.toString(), "--findings-only", "--deny", "strip-discards-debuginfo");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(": error: `strip = true`").endsWith("audit: 1 workspace, 1 error, 0 warnings, 1 note\n");
    }

    @Test
    void anUnknownIdOnTheCommandLineIsAUsageErrorNamingTheCloseIds() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES);

        CliRun typo = CliRun.run("audit", m.toString(), "--allow", "restate-default");
        CliRun recommendRule = CliRun.run("audit", m.toString(), "--deny", "goal-weighs-effects");

        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).startsWith("error: `--allow restate-default`: `restate-default` is not a finding id; "
                + "did you mean `restates-default`?\n  = help: run `cargo-profile-advisor audit --help` for usage\n");
        assertThat(recommendRule.code()).isEqualTo(2);
        assertThat(recommendRule.err()).contains("`goal-weighs-effects` is a preference rule of `recommend`, which reports no findings");
    }

    @Test
    void anUnknownIdInTheManifestIsItselfAFindingAtItsEntry() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES + "\n[workspace.metadata.profile-advisor]\nallow = [\"restates-default\", \"strip-discard-debuginfo\"]\n");

        CliRun r = CliRun.run("audit", m.toString(), "--findings-only", "--fail-on", "warning");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).containsPattern("Cargo.toml:12:30: warning: `strip-discard-debuginfo` in `\\[workspace.metadata.profile-advisor]` "
                + "allows nothing: it is not a finding id; did you mean `strip-discards-debuginfo`\\? \\[unknown-allowed-id]");
        assertThat(findingLines(r.out())).hasSize(2);
    }

    @Test
    void aPackageAllowListAppliesToThatPackagesFindingsOnly() throws Exception {
        Path root = write("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\nresolver = \"2\"\n\n[profile.release]\nopt-level = 3\n");
        write("a/Cargo.toml", PKG.replace("demo", "a") + "\n[package.metadata.profile-advisor]\n"
                + "allow = [\"profile-in-non-root-member\", \"restates-default\"]\n\n[profile.release]\nopt-level = \"z\"\n");
        write("b/Cargo.toml", PKG.replace("demo", "b") + "\n[profile.release]\nopt-level = \"z\"\n");

        CliRun r = CliRun.run("audit", root.toString(), "--findings-only", "--show-allowed");

        List<String> lines = findingLines(r.out());
        assertThat(lines).anyMatch(l -> l.matches("\\S*a/Cargo.toml:\\d+:\\d+: warning \\(allowed\\): .*\\[profile-in-non-root-member]"))
                .anyMatch(l -> l.matches("\\S*b/Cargo.toml:\\d+:\\d+: warning: .*\\[profile-in-non-root-member]"))
                .as("a's list does not reach the root manifest")
                .anyMatch(l -> l.matches("\\S*[^ab]/Cargo.toml:6:1: note: .*\\[restates-default]"));
        assertThat(r.out()).endsWith(", 1 allowed\n");
    }

    @Test
    void theWorkspaceAllowListReachesEveryMemberAndTheRootPackagesListTheConfigFiles() throws Exception {
        Path root = write("Cargo.toml", PKG + "\n[workspace]\nmembers = [\"a\"]\n\n[workspace.metadata.profile-advisor]\n"
                + "allow = [\"profile-in-non-root-member\"]\n\n[package.metadata.profile-advisor]\nallow = [\"unknown-profile-key\"]\n");
        write("a/Cargo.toml", PKG.replace("demo", "a") + "\n[profile.release]\ncodegen-unit = 1\n");
        write(".cargo/config.toml", "[profile.release]\ncodegen-unit = 1\n");

        CliRun r = CliRun.run("audit", root.toString(), "--findings-only", "--show-allowed");

        List<String> lines = findingLines(r.out());
        assertThat(lines).anyMatch(l -> l.matches("\\S*a/Cargo.toml:\\S+ warning \\(allowed\\): .*\\[profile-in-non-root-member]"))
                .anyMatch(l -> l.matches("\\S*\\.cargo/config.toml:2:1: warning \\(allowed\\): .*\\[unknown-profile-key]"))
                .noneMatch(l -> l.contains("warning: "));
    }

    @Test
    void anAllowListOfTheWrongShapeStopsThatWorkspaceWithItsLocationAndTheOthersAreStillAudited() throws Exception {
        Path bad = write("bad/Cargo.toml", PKG + "\n[workspace.metadata.profile-advisor]\nallow = [\"restates-default\", 3]\nalow = []\n");
        Path good = write("good/Cargo.toml", PKG + PROFILES);

        CliRun r = CliRun.run("audit", bad.toString(), good.toString(), "--findings-only");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("error: \\S*bad/Cargo.toml:7:30: `workspace.metadata.profile-advisor.allow` entry 2 must be "
                        + "a finding id or `\\{ id = \"…\", reason = \"…\" }`, found the integer `3`\n")
                .containsPattern("error: \\S*bad/Cargo.toml:8:1: unknown key `alow` in `\\[workspace.metadata.profile-advisor]`; did you mean `allow`\\?\n");
        assertThat(r.out()).contains("[strip-discards-debuginfo]").endsWith("audit: 1 workspace, 0 errors, 1 warning, 1 note, 1 input not audited\n"); // one manifest, however many problems it has
    }

    @Test
    void jsonCarriesAllowedFindingsWithTheirSuppressionAndIsValidAgainstTheSchema() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES + "\n[workspace.metadata.profile-advisor]\n"
                + "allow = [{ id = \"strip-discards-debuginfo\", reason = \"symbols are uploaded first\" }]\n");

        CliRun r = CliRun.run("audit", m.toString(), "--format", "json", "--deny", "restates-default");

        assertThat(Schemas.problems("audit", r.out())).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode findings = j.get("reports").get(0).get("findings");
        JsonNode restates = findings.get(0);
        JsonNode strip = findings.get(1);
        assertThat(restates.get("id").asText()).isEqualTo("restates-default");
        assertThat(restates.get("severity").asText()).isEqualTo("error");
        assertThat(restates.get("denied").asBoolean()).isTrue();
        assertThat(restates.get("allowed").asBoolean()).isFalse();
        assertThat(restates.get("suppression").isNull()).isTrue();
        assertThat(strip.get("allowed").asBoolean()).isTrue();
        assertThat(strip.get("suppression").get("kind").asText()).isEqualTo("inSource");
        assertThat(strip.get("suppression").get("location").asText()).endsWith("Cargo.toml:12:10");
        assertThat(strip.get("suppression").get("reason").asText()).isEqualTo("symbols are uploaded first");
        assertThat(j.get("summary").get("allowed").asInt()).isEqualTo(1);
        assertThat(j.get("summary").get("warnings").asInt()).isZero();
        assertThat(j.get("summary").get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void sarifMarksAllowedResultsAsSuppressedExternalOrInSourceAndValidatesAgainstTheSarif210Schema() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES + "\n[workspace.metadata.profile-advisor]\n"
                + "allow = [{ id = \"strip-discards-debuginfo\", reason = \"symbols are uploaded first\" }]\n");

        CliRun r = CliRun.run("audit", m.toString(), "--format", "sarif", "--allow", "restates-default");

        Schema sarif = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(getClass().getResourceAsStream("/schemas/sarif-2.1.0-rtm.5.json"));
        assertThat(sarif.validate(r.out(), InputFormat.JSON)).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results");
        assertThat(results).hasSize(2);
        JsonNode external = results.get(0).get("suppressions").get(0);
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("restates-default");
        assertThat(external.get("kind").asText()).isEqualTo("external");
        assertThat(external.has("justification")).isFalse();
        JsonNode inSource = results.get(1).get("suppressions").get(0);
        assertThat(inSource.get("kind").asText()).isEqualTo("inSource");
        assertThat(inSource.get("justification").asText()).isEqualTo("symbols are uploaded first");
        JsonNode region = inSource.get("location").get("physicalLocation").get("region");
        assertThat(region.get("startLine").asInt()).isEqualTo(12);
        assertThat(region.get("startColumn").asInt()).isEqualTo(10);
    }

    @Test
    void sarifOfADeniedFindingIsAnErrorResultWithNoSuppression() throws Exception {
        Path m = write("Cargo.toml", PKG + PROFILES);

        CliRun r = CliRun.run("audit", m.toString(), "--format", "sarif", "--deny", "restates-default", "--fail-on", "never");

        JsonNode results = new ObjectMapper().readTree(r.out()).get("runs").get(0).get("results");
        assertThat(results.get(0).get("ruleId").asText()).isEqualTo("restates-default");
        assertThat(results.get(0).get("level").asText()).isEqualTo("error");
        assertThat(results.get(0).has("suppressions")).isFalse();
    }
}
