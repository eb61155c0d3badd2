package dev.profileadvisor.apply;

import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.audit.ProfileReport;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.cargo.RealCargo;
import dev.profileadvisor.edit.SafeWrite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Manifests edited by apply, in each layout, built with the real {@code cargo build -v}: no warning, the flags the audit predicts. */
class ApplyCargoTest {
    static ProfileAdvisor advisor;
    static RealCargo cargo;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
        cargo = RealCargo.locate();
    }

    static final String PKG = "[package]\nname = \"probe\" # the crate\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    record Case(String name, String manifest, Request request, List<String> flags) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("a [profile.release] table with comments, CRLF, no final newline",
                        (PKG + "\n# size first\n[profile.release]\nlto = \"thin\" # fast\n\n[dependencies]").replace("\n", "\r\n"),
                        Request.goals("small-binary"), List.of("-C opt-level=z", "-C lto=fat", "-C panic=abort", "-C strip=symbols", "-C codegen-units=1")),
                new Case("top-level dotted keys", "profile.release.debug = 1\n" + PKG, Request.goals("fast-runtime"),
                        List.of("-C lto=fat", "-C codegen-units=1", "-C debuginfo=1")),
                new Case("a new profiling profile", PKG + "\n[profile.release]\nstrip = \"debuginfo\"\n", Request.goals("profilable"),
                        List.of("-C debuginfo=line-tables-only")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cargoBuildsTheEditedManifestWithoutAWarningAndWithTheFlagsTheAuditPredicts(Case c) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() { println!(\"hi\"); }\n");
        Files.writeString(dir.resolve("Cargo.toml"), c.manifest());
        ApplyPlan plan = advisor.plan(new ApplyRequest(Path.of("."), c.request(), Map.of(), dir));
        assertThat(plan.changesFile()).isTrue();
        SafeWrite.replace(plan.file(), plan.text());
        String profile = plan.recommendation().profile();
        ProfileReport predicted = advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")), List.of(), Map.of(), dir))
                .workspaces().get(0).profiles().stream().filter(p -> p.name().equals(profile)).findFirst().orElseThrow();

        RealCargo.BuildResult b = cargo.buildProject(Map.of("Cargo.toml", Files.readString(dir.resolve("Cargo.toml")),
                "src/main.rs", "fn main() { println!(\"hi\"); }\n"), profile, Map.of());
        assertThat(b.succeeded()).as(b.output()).isTrue();
        assertThat(b.warnings()).as(b.output()).isEmpty();
        assertThat(b.binFlags()).containsAll(c.flags());
        assertThat(b.binFlags()).containsExactlyInAnyOrderElementsOf(predicted.rustcFlags().orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void afterSmallBinaryAddingDebuggableGivesAReleaseBinaryWhosePanicBacktraceNamesTheSourceLines() throws Exception {
        String main = "fn inner(v: &[u32]) -> u32 { v[7] }\n"
                + "fn main() { println!(\"{}\", inner(&std::env::args().map(|a| a.len() as u32).collect::<Vec<_>>())); }\n";
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), main);
        Files.writeString(dir.resolve("Cargo.toml"), PKG);
        for (Request goals : List.of(Request.goals("small-binary"), Request.goals("debuggable", "small-binary"))) {
            ApplyPlan plan = advisor.plan(new ApplyRequest(Path.of("."), goals, Map.of(), dir));
            SafeWrite.replace(plan.file(), plan.text());
        }
        String manifest = Files.readString(dir.resolve("Cargo.toml"));
        assertThat(manifest).contains("\nstrip = \"none\"\n").contains("\ndebug = \"line-tables-only\"\n");

        String run = cargo.buildAndRun(Map.of("Cargo.toml", manifest, "src/main.rs", main), "release", Map.of("RUST_BACKTRACE", "1"));
        assertThat(run).contains("panicked at src/main.rs:1:").contains("stack backtrace:")
                .as("the frames name the source lines").contains("at ./src/main.rs:1:").contains("at ./src/main.rs:2:");
    }
}
