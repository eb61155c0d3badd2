package dev.profileadvisor.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest an audit case is run with. */
class RuleCaseTest {
    private static RuleCase audit(String manifest) {
        return new RuleCase("r", "n", "r.toml", 1, List.of(), "", "", RuleCase.Expect.FIRES, Map.of(), manifest, "",
                Map.of(), Map.of(), 0, 0, "", "");
    }

    @Test
    void aManifestWithoutAPackageGetsTheDefaultOneAfterItsOwnLines() {
        assertThat(audit("[profile.release]\nlto = true\n").writtenManifest()).isEqualTo("""
                [profile.release]
                lto = true

                [package]
                name = "x"
                version = "0.1.0"
                edition = "2021"
                """);
    }

    @Test
    void aManifestWithAPackageOrAWorkspaceIsWrittenAsItIs() {
        String pkg = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\nrust-version = \"1.70\"\n";
        assertThat(audit(pkg).writtenManifest()).isEqualTo(pkg);
        String ws = "[workspace]\nmembers = [\"a\"]\n";
        assertThat(audit(ws).writtenManifest()).isEqualTo(ws);
        String dotted = "package.name = \"app\"\npackage.version = \"0.1.0\"\n";
        assertThat(audit(dotted).writtenManifest()).isEqualTo(dotted);
    }

    @Test
    void aManifestThatIsNotTomlIsLeftForTheAuditToReport() {
        assertThat(audit("[profile.release\n").writtenManifest()).isEqualTo("[profile.release\n");
    }
}
