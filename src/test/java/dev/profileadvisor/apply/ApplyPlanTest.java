package dev.profileadvisor.apply;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.audit.ProfileReport;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.SettingAdvice;
import dev.profileadvisor.audit.SettingReport;
import dev.profileadvisor.edit.EditResult;
import dev.profileadvisor.edit.SafeWrite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ProfileAdvisor#plan(ApplyRequest)}: what apply would write, checked against the audit and against git. */
class ApplyPlanTest {
    static ProfileAdvisor advisor;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    Path crate(String manifest) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        return Files.writeString(dir.resolve("Cargo.toml"), manifest);
    }

    ApplyPlan plan(Request request, Map<String, String> env) {
        return advisor.plan(new ApplyRequest(Path.of("."), request, env, dir));
    }

    @Test
    void theWrittenValuesAreWhatTheAuditSeesInForceWithTheirLinesInTheFile() throws Exception {
        Path m = crate(PKG + "\n[profile.release]\nlto = \"thin\"\n");
        ApplyPlan plan = plan(Request.goals("small-binary"), Map.of());
        SafeWrite.replace(plan.file(), plan.text());
        AuditReport audit = advisor.audit(new AuditRequest(List.of(m), List.of(), Map.of(), dir));
        ProfileReport release = audit.workspaces().get(0).profiles().stream().filter(p -> p.name().equals("release")).findFirst().orElseThrow();
        for (SettingAdvice s : plan.recommendation().settings()) {
            SettingReport r = release.settings().stream().filter(x -> x.key().equals(s.key())).findFirst().orElseThrow();
            int line = plan.changes().stream().filter(c -> c.key().equals(s.key())).findFirst().orElseThrow().line();
            assertThat(r.valueId()).as(s.key()).isEqualTo(s.value());
            assertThat(r.origin()).as(s.key()).isEqualTo("Cargo.toml:" + line + ":1");
        }
    }

    @Test
    void theDiffAppliedWithGitGivesTheSameFileAsApply() throws Exception {
        String before = (PKG + "# profiles\n[profile.release]\nlto = \"thin\" # fast\n\n[dependencies]\nserde = \"1\"").replace("\n", "\r\n");
        crate(before);
        ApplyPlan plan = plan(Request.goals("small-binary"), Map.of());
        Files.writeString(dir.resolve("change.patch"), plan.diff());
        Process git = new ProcessBuilder("git", "apply", "--unsafe-paths", "--whitespace=nowarn", "change.patch")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(git.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as(new String(git.getInputStream().readAllBytes())).isZero();
        assertThat(Files.readString(dir.resolve("Cargo.toml"))).isEqualTo(plan.text());
        assertThat(plan.diff()).startsWith("--- a/Cargo.toml\r\n".replace("\r", "") + "+++ b/Cargo.toml\n");
    }

    @Test
    void aFileChangedBetweenReadingAndWritingIsNotOverwritten() throws Exception {
        Path m = crate(PKG);
        ApplyPlan plan = plan(Request.goals("small-binary"), Map.of());
        Files.writeString(m, PKG + "description = \"edited meanwhile\"\n");
        assertThatThrownBy(() -> SafeWrite.replace(plan.file(), plan.text())).isInstanceOf(AdvisorException.class)
                .hasMessage("Cargo.toml: changed on disk since it was read; nothing was written: run the command again");
        assertThat(Files.readString(m)).isEqualTo(PKG + "description = \"edited meanwhile\"\n");
    }

    @Test
    void aDirectoryFindsTheNearestManifestAboveIt() throws Exception {
        crate(PKG);
        Files.createDirectories(dir.resolve("src/deep"));
        ApplyPlan plan = advisor.plan(new ApplyRequest(Path.of("src/deep"), Request.goals("fast-runtime"), Map.of(), dir));
        assertThat(plan.file().display()).isEqualTo("Cargo.toml");
        assertThat(plan.named()).isEqualTo("Cargo.toml");
        assertThat(plan.fromMember()).isFalse();
        assertThat(plan.layout()).isEqualTo(EditResult.Layout.NEW);
    }

    @Test
    void anEquivalentSpellingCountsAsAlreadyWritten() throws Exception {
        crate(PKG + "\n[profile.release]\nlto = true\nstrip = true\n");
        ApplyPlan plan = plan(Request.goals("small-binary"), Map.of());
        assertThat(plan.changes()).extracting(c -> c.key()).containsExactly("opt-level", "panic", "codegen-units");
        assertThat(plan.text()).contains("\nlto = true\nstrip = true\n");
    }

    @Test
    void aVariableOrConfigFileThatOverridesTheManifestIsNoted() throws Exception {
        crate(PKG);
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), "[profile.release]\ncodegen-units = 16\n");
        ApplyPlan plan = plan(Request.goals("fast-runtime"), Map.of("CARGO_PROFILE_RELEASE_LTO", "thin"));
        assertThat(plan.notes()).extracting(ApplyNote::toString).containsExactly(
                "note: `CARGO_PROFILE_RELEASE_LTO` overrides `lto` to `\"thin\"` for profile `release`, where the "
                        + "recommendation wants `lto = \"fat\"` (for fast-runtime)", // thin LTO measured no faster: no longer a value fast-runtime wants
                ".cargo/config.toml:2:1: note: `codegen-units = 16` in `[profile.release]` overrides the manifest for profile "
                        + "`release`, where the recommendation wants `codegen-units = 1` (for fast-runtime)");
    }

    @Test
    void aValueInheritedFromTheParentThatTheGoalsRuleOutIsOverriddenInTheProfile() throws Exception {
        crate(PKG + "\n[profile.release]\nstrip = true\n");
        ApplyPlan plan = plan(Request.goals("profilable"), Map.of());
        assertThat(plan.text()).endsWith("\n[profile.release]\nstrip = true\n\n[profile.profiling]\ninherits = \"release\"\n"
                + "debug = \"line-tables-only\"\nstrip = \"none\"\n");
        assertThat(plan.notes()).extracting(ApplyNote::toString).containsExactly("Cargo.toml:12:1: note: `strip = \"none\"` is "
                + "cargo's default, written out to replace `strip = true` inherited from `[profile.release]` (Cargo.toml:7:1): "
                + "profilable rules it out");
    }

    @Test
    void aValueTheProfileAlreadyInheritsFromItsParentsTableIsNotWrittenAgain() throws Exception {
        crate(PKG + "\n[profile.release]\ndebug = \"line-tables-only\"\n");
        ApplyPlan plan = plan(Request.goals("profilable"), Map.of());
        assertThat(plan.text()).endsWith("\n[profile.profiling]\ninherits = \"release\"\n");
    }

    @Test
    void oneCodegenUnitTheGoalsRuleOutBecomesTheNumberRustcUsesWhenTheKeyIsLeftOut() throws Exception {
        crate(PKG + "\n[profile.release]\ncodegen-units = 1\n");
        ApplyPlan plan = plan(Request.goals("low-build-memory"), Map.of());
        assertThat(plan.text()).endsWith("\n[profile.release]\ncodegen-units = 16\n");
        assertThat(plan.notes()).extracting(ApplyNote::toString).containsExactly("Cargo.toml:7:1: note: `codegen-units = 16` is "
                + "the number of units rustc uses when `codegen-units` is left out, written out to replace `codegen-units = 1`: "
                + "it scores \u22121 for low-build-memory, against 0");
    }

    @Test
    void aRecommendationThatChangesNothingLeavesTheFileAsItIs() throws Exception {
        crate(PKG);
        ApplyPlan plan = plan(Request.goals("low-build-memory"), Map.of());
        assertThat(plan.changesFile()).isFalse();
        assertThat(plan.diff()).isEmpty();
        assertThat(plan.text()).isEqualTo(PKG);
    }
}
