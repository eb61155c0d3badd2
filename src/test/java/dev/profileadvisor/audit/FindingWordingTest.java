package dev.profileadvisor.audit;

import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings whose wording has an optional part read as a sentence with and without it. */
class FindingWordingTest {
    static ProfileAdvisor advisor;

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    private static AuditFinding only(String rule, String manifest) {
        AuditReport report = advisor.auditText(manifest, Optional.empty(), Map.of(), List.of());
        List<AuditFinding> mine = report.findings().stream().filter(f -> f.id().equals(rule)).toList();
        assertThat(mine).as(report.findings().toString()).hasSize(1);
        return mine.get(0);
    }

    @Test
    void anUnknownKeyLikeNoKnownOneEndsTheSentenceWithoutADanglingSemicolon() {
        AuditFinding f = only("unknown-profile-key", PKG + "\n[profile.release]\nfrobnicate = 1\n");
        assertThat(f.message()).isEqualTo("unknown key `frobnicate` in profile `release` is ignored by cargo");
        assertThat(f.message()).doesNotEndWith(";").doesNotEndWith("; ").doesNotContain(";  ");
    }

    @Test
    void anUnknownKeyCloseToAKnownOneSuggestsIt() {
        AuditFinding f = only("unknown-profile-key", PKG + "\n[profile.release]\ncodegen-unit = 1\n");
        assertThat(f.message()).isEqualTo("unknown key `codegen-unit` in profile `release` is ignored by cargo; did you mean `codegen-units`?");
    }

    @Test
    void aPackageSpecLikeNoPackageSaysOnlyThatItMatchesNothing() {
        AuditFinding f = only("override-spec-matches-nothing", PKG + "\n[profile.release.package.zzzzzzzz]\nopt-level = 1\n");
        assertThat(f.message()).isEqualTo("package spec `zzzzzzzz` in profile `release` matches no package, so its settings are ignored");
    }

    @Test
    void aPackageSpecCloseToAPackageSuggestsIt() {
        AuditFinding f = only("override-spec-matches-nothing", PKG + "\n[profile.release.package.dmeo]\nopt-level = 1\n");
        assertThat(f.message()).isEqualTo("package spec `dmeo` in profile `release` matches no package, so its settings are ignored; did you mean `demo`?");
    }
}
