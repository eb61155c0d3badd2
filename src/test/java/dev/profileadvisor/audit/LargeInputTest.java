package dev.profileadvisor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs under the 4 MiB limit that are large or odd in shape: they are audited in bounded time and output, never
 * an internal error (issue 19, section 0, items 1, 3 and 7).
 */
class LargeInputTest {
    @TempDir
    Path dir;

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    Path crate(String manifest) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        return Files.writeString(dir.resolve("Cargo.toml"), manifest);
    }

    static String chain(int n) {
        StringBuilder s = new StringBuilder(PKG);
        for (int i = 0; i < n; i++) s.append("\n[profile.p").append(i).append("]\ninherits = \"").append(i + 1 < n ? "p" + (i + 1) : "release").append("\"\n");
        return s.toString();
    }

    @Test
    void fiveThousandCommentLinesBeforeThePackageAreAuditedWithTheirLineNumbers() throws Exception {
        Path m = crate("# a comment\n".repeat(5_000) + PKG + "\n[profile.release]\nlto = \"thin\"\ncodegen-unit = 1\n");
        CliRun r = CliRun.run("audit", m.toString()); // tomlj alone took minutes on this
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Cargo.toml:5008:1: warning: unknown key `codegen-unit`");
    }

    @Test
    void anInheritanceLoopOfTwoThousandProfilesNamesEachProfileOnceWithTheLoopAbbreviated() throws Exception {
        StringBuilder s = new StringBuilder(PKG);
        for (int i = 0; i < 2_000; i++) s.append("[profile.p").append(i).append("]\ninherits = \"p").append((i + 1) % 2_000).append("\"\n");
        CliRun r = CliRun.run("audit", crate(s.toString()).toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("profile `p0` inherits from itself through `p0 → p1 → p2 → p3 → p4 → … → p0 (2000 profiles)`")
                .contains("profile `p1999` inherits from itself through `p1999 → p0 → p1 → p2 → p3 → … → p1999 (2000 profiles)`")
                .endsWith("audit: 1 workspace, 2000 errors, 0 warnings, 0 notes\n");
        assertThat(r.out().length()).as("output, not 2,000 whole loops per profile").isLessThan(3_000_000);
    }

    @Test
    void aChainOfTenThousandProfilesAuditsInTextAndJsonWithoutWritingEveryChainOut() throws Exception {
        Path m = crate(chain(10_000));
        CliRun text = CliRun.run("audit", m.toString());
        assertThat(text.err()).isEmpty();
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("profile p0 (inherits p1 → p2 → p3 → p4 → p5 → … → release (10000 profiles))")
                .contains("profile p9998 (inherits p9999 → release)");
        CliRun json = CliRun.run("audit", m.toString(), "--format", "json");
        assertThat(json.code()).isZero();
        JsonNode profiles = new ObjectMapper().readTree(json.out()).at("/reports/0/profiles");
        JsonNode p0 = null, p9998 = null;
        for (JsonNode p : profiles) {
            if (p.get("name").asText().equals("p0")) p0 = p;
            if (p.get("name").asText().equals("p9998")) p9998 = p;
        }
        assertThat(p0.get("inherits")).hasSize(100);
        assertThat(p0.at("/inherits/0").asText()).isEqualTo("p1");
        assertThat(p0.get("inheritsCount").asInt()).isEqualTo(10_000);
        assertThat(p9998.get("inherits").toString()).isEqualTo("[\"p9999\",\"release\"]");
        assertThat(p9998.has("inheritsCount")).isFalse();
    }

    @Test
    void tenThousandAndOneUnknownKeysAreTenThousandAndOneWarningsNotALoopingRule() throws Exception {
        StringBuilder s = new StringBuilder(PKG).append("\n[profile.release]\n");
        for (int i = 0; i < 10_001; i++) s.append("k").append(i).append(" = 1\n");
        CliRun r = CliRun.run("audit", crate(s.toString()).toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("warning: unknown key `k10000` in profile `release`")
                .endsWith("audit: 1 workspace, 0 errors, 10001 warnings, 0 notes\n");
    }

    @Test
    void aThreeMegabyteValueIsShownShortenedWithItsLength() throws Exception {
        String lto = "x".repeat(3_000_000);
        CliRun r = CliRun.run("audit", crate(PKG + "\n[profile.release]\nlto = \"" + lto + "\"\n").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("… (3000002 characters)");
        assertThat(r.out().length()).as("the value is not written out once per line").isLessThan(50_000);
    }
}
