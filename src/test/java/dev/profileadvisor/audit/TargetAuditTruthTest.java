package dev.profileadvisor.audit;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.Severity;
import dev.profileadvisor.cargo.RealCargo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target findings against the real cargo 1.95: each one's firing case is confirmed by what cargo or rustc does
 * with the same files and environment: an error, the warning cargo prints, or the arguments it passes.
 */
class TargetAuditTruthTest {
    static ProfileAdvisor advisor;
    static RealCargo cargo;

    @BeforeAll
    static void setUp() {
        advisor = ProfileAdvisor.withDefaults();
        cargo = RealCargo.locate();
    }

    static final String PKG = "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    /**
     * @param confirms what cargo's build must show for the finding to be true
     * @param shows    that, in words, for the failure message
     */
    record Case(String name, String rule, Map<String, String> files, Map<String, String> env, String profile,
                Predicate<RealCargo.BuildResult> confirms, String shows) {
    }

    static Map<String, String> files(String manifestExtra, String config) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Cargo.toml", PKG + manifestExtra);
        f.put("src/main.rs", "fn main() { println!(\"{}\", cfg!(debug_assertions)); }\n");
        if (!config.isEmpty()) f.put(".cargo/config.toml", config);
        return f;
    }

    static List<String> bin(RealCargo.BuildResult b) {
        return RealCargo.unitLine(b.output(), "probe", "bin");
    }

    static List<Case> cases() {
        return List.of(
                new Case("build.rustflags displaced by RUSTFLAGS", "rustflags-displaced",
                        files("", "[build]\nrustflags = [\"--cfg\", \"displaced_marker\"]\n"), Map.of("RUSTFLAGS", "--cfg from_env"), "release",
                        b -> b.succeeded() && !bin(b).contains("displaced_marker") && bin(b).contains("from_env"),
                        "the bin's line has RUSTFLAGS' flag and not build.rustflags'"),
                new Case("build.rustflags displaced by a target table", "rustflags-displaced",
                        files("", "[build]\nrustflags = [\"--cfg\", \"displaced_marker\"]\n\n[target.'cfg(unix)']\nrustflags = [\"--cfg\", \"from_unix\"]\n"),
                        Map.of(), "release",
                        b -> b.succeeded() && !bin(b).contains("displaced_marker") && bin(b).contains("from_unix"),
                        "the bin's line has the cfg table's flag and not build.rustflags'"),
                new Case("an element with a space", "rustflags-element-with-space",
                        files("", "[build]\nrustflags = [\"-C target-cpu=native\"]\n"), Map.of(), "release",
                        b -> !b.succeeded() && b.output().contains("unknown codegen option: ` target-cpu`"), "rustc rejects the argument"),
                new Case("opt-level in build.rustflags", "rustflags-override-profile",
                        files("", "[build]\nrustflags = [\"-C\", \"opt-level=0\"]\n"), Map.of(), "release",
                        b -> b.succeeded() && bin(b).indexOf("opt-level=3") >= 0 && bin(b).lastIndexOf("opt-level=0") > bin(b).indexOf("opt-level=3"),
                        "the rustflag comes after the profile's -C opt-level=3"),
                new Case("a [build] table in Cargo.toml", "config-table-in-manifest",
                        files("\n[build]\nrustflags = [\"--cfg\", \"x\"]\n", ""), Map.of(), "release",
                        b -> b.warnings().stream().anyMatch(w -> w.contains("unused manifest key: build")) && !bin(b).contains("x"),
                        "cargo warns `unused manifest key: build` and passes no flag"),
                new Case("a target linker in Cargo.toml", "config-table-in-manifest",
                        files("\n[target.x86_64-unknown-linux-gnu]\nlinker = \"no-such-cc\"\n", ""), Map.of(), "release",
                        b -> b.succeeded() && b.warnings().stream().anyMatch(w -> w.contains("unused manifest key: target.x86_64-unknown-linux-gnu.linker")),
                        "cargo warns and links with the default"),
                new Case("a typo in [build]", "unused-config-key",
                        files("", "[build]\nrustflag = [\"--cfg\", \"x\"]\n"), Map.of(), "release",
                        b -> b.warnings().stream().anyMatch(w -> w.contains("unused config key `build.rustflag`")), "cargo warns `unused config key`"),
                new Case("a typo in a cfg table", "unused-config-key",
                        files("", "[target.'cfg(unix)']\nlinkr = \"cc\"\n"), Map.of(), "release",
                        b -> b.warnings().stream().anyMatch(w -> w.contains("unused key `linkr` in [target] config table `cfg(unix)`")),
                        "cargo warns `unused key … in [target] config table`"),
                new Case("a typo in a triple table", "target-key-not-a-table",
                        files("", "[target.x86_64-unknown-linux-gnu]\nrustflag = [\"--cfg\", \"x\"]\n"), Map.of(), "release",
                        b -> !b.succeeded() && b.output().contains("expected a table, but found a array for `target.x86_64-unknown-linux-gnu.rustflag`"),
                        "cargo stops: expected a table"),
                new Case("-fuse-ld=lld on x86_64 Linux", "redundant-linker",
                        files("", "[build]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=lld\"]\n"), Map.of(), "release",
                        b -> b.succeeded() && bin(b).contains("link-arg=-fuse-ld=lld") && defaultLinkUsesLld(),
                        "the build links, and rustc's default link line already has -fuse-ld=lld"),
                new Case("a linker that is not installed", "linker-not-installed",
                        files("", "[target.'cfg(unix)']\nlinker = \"no-such-cc\"\n"), Map.of(), "release",
                        b -> !b.succeeded() && b.output().contains("linker `no-such-cc` not found"), "rustc: linker not found"),
                new Case("mold without mold", "linker-not-installed",
                        files("", "[build]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=mold\"]\n"), Map.of("PATH", "/nonexistent"), "release",
                        b -> moldInstalled() || !b.succeeded() && b.output().contains("linking with `cc` failed"), "the link fails"),
                new Case("native with a dist profile", "native-cpu-in-distributed-binary",
                        files("\n[profile.dist]\ninherits = \"release\"\n", "[build]\nrustflags = [\"-C\", \"target-cpu=native\"]\n"), Map.of(), "dist",
                        b -> b.succeeded() && bin(b).contains("target-cpu=native"), "the dist profile's binary gets -C target-cpu=native"));
    }

    @TestFactory
    Stream<DynamicTest> eachTargetFindingIsConfirmedByCargo() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule() + ": " + c.name(), () -> {
            AuditReport report = audit(c.files(), c.env());
            assertThat(report.errors()).isEmpty();
            assertThat(report.findings()).extracting(AuditFinding::id).as("the audit reports it").contains(c.rule());
            Map<String, String> env = new LinkedHashMap<>(c.env());
            env.remove("PATH"); // the audit's PATH hides the program; cargo runs with the real one (mold is not installed here)
            RealCargo.BuildResult b = cargo.buildProject(c.files(), c.profile(), env);
            assertThat(c.confirms().test(b)).as("cargo confirms `%s`: %s\n%s", c.rule(), c.shows(), b.output()).isTrue();
        }));
    }

    @Test
    void aCleanConfigHasNoCargoWarningAndNoTargetWarning() throws Exception {
        Map<String, String> f = files("\n[profile.release]\nlto = \"thin\"\n",
                "[build]\nrustflags = [\"-C\", \"target-cpu=x86-64-v2\"]\nincremental = false\n\n[target.'cfg(unix)']\nlinker = \"cc\"\n");
        AuditReport report = audit(f, Map.of());
        assertThat(report.findings()).filteredOn(x -> x.severity() != Severity.NOTE).isEmpty();
        RealCargo.BuildResult b = cargo.buildProject(f, "release", Map.of());
        assertThat(b.warnings()).as(b.output()).isEmpty();
        assertThat(bin(b)).containsSubsequence("-C", "linker=cc", "-C", "strip=debuginfo", "-C", "target-cpu=x86-64-v2");
        assertThat(report.workspaces().get(0).profiles()).filteredOn(p -> p.name().equals("release")).singleElement()
                .satisfies(p -> assertThat(p.rustcLine()).contains(bin(b)));
    }

    static AuditReport audit(Map<String, String> files, Map<String, String> env) throws Exception {
        Path dir = Files.createTempDirectory("target-audit-");
        try {
            for (var e : files.entrySet()) {
                Files.createDirectories(dir.resolve(e.getKey()).getParent());
                Files.writeString(dir.resolve(e.getKey()), e.getValue());
            }
            return advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")), List.of(), env, dir));
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** rustc 1.95 on x86_64 Linux: the link line of a plain {@code rustc} build already selects LLD. */
    static boolean defaultLinkUsesLld() {
        try {
            Path d = Files.createTempDirectory("link-args-");
            Files.writeString(d.resolve("m.rs"), "fn main() {}\n");
            String rustc = Path.of(System.getProperty("user.home"), ".cargo", "bin", "rustc").toString();
            Process p = new ProcessBuilder(rustc, "m.rs", "-o", "m", "--print", "link-args").directory(d.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            try (var walk = Files.walk(d)) {
                for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
            }
            return out.contains("\"-fuse-ld=lld\"");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean moldInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/mold")) || Files.isExecutable(Path.of("/bin/mold"));
    }
}
