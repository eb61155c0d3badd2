package dev.profileadvisor.audit;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.Severity;
import dev.profileadvisor.cargo.RealCargo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The audit's verdicts against the real cargo 1.95: a value it reports as an error makes cargo or rustc fail,
 * a value it accepts builds, and the warnings cargo itself prints are findings too.
 */
class AuditTruthTest {
    static ProfileAdvisor advisor;
    static RealCargo cargo;

    @BeforeAll
    static void setUp() {
        advisor = ProfileAdvisor.withDefaults();
        cargo = RealCargo.locate();
    }

    /** Values cargo users write, right and wrong, across every key and failure class. */
    static final List<String> VALUES = List.of(
            "opt-level = 4", "opt-level = \"3\"", "opt-level = 3.0", "opt-level = \"x\"", "opt-level = \"s\"", "opt-level = 1",
            "lto = \"fatt\"", "lto = \"true\"", "lto = 1", "lto = \"\"", "lto = \"yes\"", "lto = \"no\"", "lto = \"thin\"", "lto = false",
            "codegen-units = 0", "codegen-units = -1", "codegen-units = \"1\"", "codegen-units = 100000", "codegen-units = 1",
            "strip = \"all\"", "strip = \"off\"", "strip = \"true\"", "strip = \"\"", "strip = true", "strip = \"debuginfo\"",
            "debug = 3", "debug = \"foo\"", "debug = \"true\"", "debug = 2", "debug = \"limited\"", "debug = \"line-directives-only\"",
            "panic = \"crash\"", "panic = \"Abort\"", "panic = \"immediate-abort\"", "panic = \"abort\"",
            "incremental = \"yes\"", "overflow-checks = 1", "rpath = \"true\"", "debug-assertions = true",
            "split-debuginfo = \"bogus\"", "split-debuginfo = true", "split-debuginfo = \"packed\"");

    @TestFactory
    Stream<DynamicTest> aValueTheAuditCallsAnErrorFailsTheBuildAndAnAcceptedOneBuilds() {
        return VALUES.stream().map(v -> DynamicTest.dynamicTest(v, () -> {
            String manifest = "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[profile.release]\n" + v + "\n";
            AuditReport report = auditText(manifest);
            boolean auditSaysFails = report.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
            RealCargo.BuildResult b = cargo.buildProject(Map.of("Cargo.toml", manifest, "src/main.rs", "fn main() {}\n"), "release", Map.of());
            assertThat(!b.succeeded()).as("cargo fails for `%s`? audit findings: %s\ncargo output:\n%s", v,
                    report.findings().stream().map(f -> f.id() + ": " + f.message()).toList(), b.output()).isEqualTo(auditSaysFails);
        }));
    }

    record WarningCase(String name, Map<String, String> files, String profile, String rule, String cargoWarning) {
    }

    static final String PKG = "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    static List<WarningCase> warningCases() {
        return List.of(
                new WarningCase("a typo key", Map.of("Cargo.toml", PKG + "\n[profile.release]\ncodegen-unit = 1\n", "src/main.rs", "fn main() {}\n"),
                        "release", "unknown-profile-key", "unused manifest key: profile.release.codegen-unit"),
                new WarningCase("a typo key in a custom profile", Map.of("Cargo.toml", PKG + "\n[profile.dist]\ninherits = \"release\"\nopt_level = 1\n", "src/main.rs", "fn main() {}\n"),
                        "dist", "unknown-profile-key", "unused manifest key: profile.dist.opt_level"),
                new WarningCase("panic in the test profile", Map.of("Cargo.toml", PKG + "\n[profile.test]\npanic = \"abort\"\n", "src/main.rs", "fn main() {}\n"),
                        "test", "panic-ignored-in-test-profile", "`panic` setting is ignored for `test` profile"),
                new WarningCase("panic in the bench profile", Map.of("Cargo.toml", PKG + "\n[profile.bench]\npanic = \"abort\"\n", "src/main.rs", "fn main() {}\n"),
                        "bench", "panic-ignored-in-test-profile", "`panic` setting is ignored for `bench` profile"),
                new WarningCase("profiles in a non-root member", Map.of(
                        "Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n",
                        "app/Cargo.toml", PKG + "\n[profile.release]\nlto = true\n", "app/src/main.rs", "fn main() {}\n"),
                        "release", "profile-in-non-root-member", "profiles for the non root package will be ignored"));
    }

    @TestFactory
    Stream<DynamicTest> cargosOwnWarningsAreFindingsToo() {
        return warningCases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = Files.createTempDirectory("audit-truth-");
            try {
                for (var f : c.files().entrySet()) {
                    Files.createDirectories(dir.resolve(f.getKey()).getParent());
                    Files.writeString(dir.resolve(f.getKey()), f.getValue());
                }
                AuditReport report = advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")), List.of(), Map.of(), dir));
                RealCargo.BuildResult b = cargo.buildProject(c.files(), c.profile(), Map.of());
                assertThat(b.warnings()).as(b.output()).anySatisfy(w -> assertThat(w).contains(c.cargoWarning()));
                assertThat(report.findings()).extracting(AuditFinding::id).contains(c.rule());
            } finally {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> aCleanManifestHasNoCargoWarningAndNoWarningFinding() {
        return Stream.of(PKG + "\n[profile.release]\nlto = \"thin\"\ncodegen-units = 4\n",
                PKG + "\n[profile.dist]\ninherits = \"release\"\nstrip = true\n").map(m -> DynamicTest.dynamicTest(m.lines().skip(5).findFirst().orElse(m), () -> {
            AuditReport report = auditText(m);
            assertThat(report.findings()).filteredOn(f -> f.severity() != Severity.NOTE).isEmpty();
            RealCargo.BuildResult b = cargo.buildProject(Map.of("Cargo.toml", m, "src/main.rs", "fn main() {}\n"), "release", Map.of());
            assertThat(b.warnings()).isEmpty();
        }));
    }

    @org.junit.jupiter.api.Test
    void cargoRefusesAWorkspaceWhoseMembersAreMissingWhileTheAuditStillReadsItsProfilesAndSaysWhatIsMissing() throws Exception {
        String manifest = "[workspace]\nmembers = [\"crates/*\"]\nresolver = \"2\"\n\n[workspace.dependencies]\nserde = \"1\"\n\n"
                + "[profile.release]\nlto = \"fatt\"\n\n[profile.release.package.serde]\nopt-level = 3\n";
        RealCargo.BuildResult b = cargo.buildProject(Map.of("Cargo.toml", manifest), "release", Map.of());
        assertThat(b.succeeded()).isFalse();
        assertThat(b.output()).contains("failed to load manifest for workspace member").contains("crates/*/Cargo.toml");
        AuditReport report = auditText(manifest);
        assertThat(report.findings()).extracting(AuditFinding::id).contains("workspace-members-missing", "invalid-lto")
                .doesNotContain("override-spec-matches-nothing");
    }

    /** Each key of knowledge/unstable.toml, as a user writes it, with what stable cargo 1.95 prints. */
    static final Map<String, String> UNSTABLE = Map.of(
            "trim-paths = true", "feature `trim-paths` is required",
            "codegen-backend = \"cranelift\"", "feature `codegen-backend` is required",
            "rustflags = [\"-C\", \"target-cpu=native\"]", "feature `profile-rustflags` is required",
            "hint-mostly-unused = true", "ignoring 'hint-mostly-unused' profile option, pass `-Zprofile-hint-mostly-unused` to enable it");

    @TestFactory
    Stream<DynamicTest> anUnstableKeyIsAnErrorExactlyWhenStableCargoRefusesItAndNeverAnUnknownKey() {
        return UNSTABLE.entrySet().stream().map(u -> DynamicTest.dynamicTest(u.getKey(), () -> {
            String manifest = PKG + "\n[profile.release]\n" + u.getKey() + "\n";
            AuditReport report = auditText(manifest);
            RealCargo.BuildResult b = cargo.buildProject(Map.of("Cargo.toml", manifest, "src/main.rs", "fn main() {}\n"), "release", Map.of());
            assertThat(b.output()).contains(u.getValue());
            String expected = b.succeeded() ? "unstable-profile-key-ignored" : "unstable-profile-key";
            assertThat(report.findings()).extracting(AuditFinding::id).as(b.output()).containsExactly(expected);
            assertThat(report.findings().get(0).severity()).isEqualTo(b.succeeded() ? Severity.WARNING : Severity.ERROR);
        }));
    }

    /** A profile with a line a finding may advise removing, the same profile without it, and the profile built. */
    record Removal(String name, String rule, String with, String line, String profile) {
    }

    static List<Removal> removals() {
        return List.of(
                new Removal("bench restating the implicit strip", "strip-debuginfo-is-default",
                        "\n[profile.bench]\nstrip = \"debuginfo\"\n", "strip = \"debuginfo\"\n", "bench"),
                new Removal("bench over a release with `strip = \"none\"`", "strip-debuginfo-is-default",
                        "\n[profile.release]\nstrip = \"none\"\n\n[profile.bench]\nstrip = \"debuginfo\"\n", "strip = \"debuginfo\"\n", "bench"),
                new Removal("`lto = false` over the default thin-local LTO", "lto-false-with-one-codegen-unit",
                        "\n[profile.dist]\ninherits = \"release\"\nlto = false\ncodegen-units = 1\n", "lto = false\n", "dist"),
                new Removal("`lto = false` over an inherited fat LTO", "lto-false-with-one-codegen-unit",
                        "\n[profile.release]\nlto = \"fat\"\n\n[profile.dist]\ninherits = \"release\"\nlto = false\ncodegen-units = 1\n",
                        "lto = false\n", "dist"));
    }

    @TestFactory
    Stream<DynamicTest> aFindingAdvisesRemovingALineOnlyWhenCargoPassesTheSameFlagsWithoutIt() {
        return removals().stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
            String with = PKG + r.with();
            String without = with.replace(r.line(), "");
            assertThat(without).isNotEqualTo(with);
            Set<String> flagsWith = cargo.buildProject(Map.of("Cargo.toml", with, "src/main.rs", "fn main() {}\n"), r.profile(), Map.of()).binFlags();
            Set<String> flagsWithout = cargo.buildProject(Map.of("Cargo.toml", without, "src/main.rs", "fn main() {}\n"), r.profile(), Map.of()).binFlags();
            assertThat(flagsWith).isNotEmpty();
            boolean advised = auditText(with).findings().stream().anyMatch(f -> f.id().equals(r.rule()));
            assertThat(advised).as("`%s` advises removing `%s`; cargo's flags with it %s, without it %s", r.rule(), r.line().strip(),
                    flagsWith, flagsWithout).isEqualTo(flagsWith.equals(flagsWithout));
        }));
    }

    /** A workspace whose root and member each have a config file setting a different number of codegen units. */
    static final Map<String, String> TWO_CONFIGS = Map.of(
            "Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n",
            ".cargo/config.toml", "[profile.release]\ncodegen-units = 4\n",
            "app/Cargo.toml", PKG, "app/src/main.rs", "fn main() {}\n",
            "app/.cargo/config.toml", "[profile.release]\ncodegen-units = 8\n");

    record RunCase(String name, String in, List<String> cargoArgs, List<Path> auditPaths, String codegenUnits, String cargoDir) {
    }

    @TestFactory
    Stream<DynamicTest> configFilesAreReadFromWhereCargoRunsLikeCargoDoes() {
        return Stream.of(
                new RunCase("cargo run in the member reads the member's config file", "app", List.of(), List.of(), "8", "."),
                new RunCase("cargo run in the root reads the root's", "", List.of(), List.of(), "4", "."),
                new RunCase("--manifest-path from the root reads the root's, not the member's", "",
                        List.of("--manifest-path", "app/Cargo.toml"), List.of(Path.of("app/Cargo.toml")), "4", "."),
                new RunCase("--manifest-path from the member's src reads the member's", "app/src",
                        List.of("--manifest-path", "../../Cargo.toml"), List.of(Path.of("../../Cargo.toml")), "8", ".")
        ).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = Files.createTempDirectory("audit-cwd-");
            try {
                for (var f : TWO_CONFIGS.entrySet()) {
                    Files.createDirectories(dir.resolve(f.getKey()).getParent());
                    Files.writeString(dir.resolve(f.getKey()), f.getValue());
                }
                Path here = dir.resolve(c.in());
                // what the CLI asks for: cargo taken to run in the current directory, with or without --manifest-path
                AuditReport report = advisor.audit(new AuditRequest(c.auditPaths(), List.of(), Map.of(), here, Optional.of(Path.of(""))));
                assertThat(report.errors()).isEmpty();
                WorkspaceAudit w = report.workspaces().get(0);
                assertThat(w.cargoDir()).isEqualTo(c.cargoDir());
                ProfileReport release = w.profiles().stream().filter(p -> p.name().equals("release")).findFirst().orElseThrow();
                RealCargo.BuildResult b = cargo.buildProject(TWO_CONFIGS, "release", Map.of(), c.in(), c.cargoArgs());
                assertThat(b.succeeded()).as(b.output()).isTrue();
                assertThat(b.binFlags()).as("cargo's flags").contains("-C codegen-units=" + c.codegenUnits());
                assertThat(b.binFlags()).as("cargo's flags vs the audit's\n%s", b.output())
                        .containsExactlyInAnyOrderElementsOf(release.rustcFlags().orElseThrow());
            } finally {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                }
            }
        }));
    }

    // ---- override tables, with a registry crate: Debian's crate sources (.ci/crate-corpus) as a directory source

    static final Path CORPUS = Path.of(System.getenv().getOrDefault("CPA_CRATE_CORPUS", "/usr/share/cargo/registry"));

    /** The files, with a config that takes crates.io crates from {@link #CORPUS}; skips the test without itoa 1 there. */
    static Map<String, String> withRegistry(Map<String, String> files) throws Exception {
        boolean itoa;
        try (var list = Files.list(CORPUS)) {
            itoa = list.anyMatch(d -> d.getFileName().toString().startsWith("itoa-1.") && Files.isRegularFile(d.resolve(".cargo-checksum.json")));
        } catch (java.io.IOException e) {
            itoa = false;
        }
        assumeTrue(itoa, "itoa 1.x under " + CORPUS + ": run .ci/crate-corpus to install Debian's crate sources");
        Map<String, String> out = new java.util.LinkedHashMap<>(files);
        out.put(".cargo/config.toml", "[source.crates-io]\nreplace-with = \"corpus\"\n\n[source.corpus]\ndirectory = \"" + CORPUS + "\"\n");
        return out;
    }

    /** A binary and its build script that both use itoa: the crate is a build dependency and a normal one. */
    static Map<String, String> sharedItoa(String profiles) throws Exception {
        return withRegistry(Map.of(
                "Cargo.toml", PKG + "\n[dependencies]\nitoa = \"1\"\n\n[build-dependencies]\nitoa = \"1\"\n" + profiles,
                "build.rs", "fn main() { let _ = itoa::Buffer::new().format(1); }\n",
                "src/main.rs", "fn main() { println!(\"{}\", itoa::Buffer::new().format(1)); }\n"));
    }

    /** A binary with itoa as a normal dependency only. */
    static Map<String, String> withItoa(String profiles) throws Exception {
        return withRegistry(Map.of("Cargo.toml", PKG + "\n[dependencies]\nitoa = \"1\"\n" + profiles,
                "src/main.rs", "fn main() { println!(\"{}\", itoa::Buffer::new().format(1)); }\n"));
    }

    private static Map<String, String> without(Map<String, String> files, String text) {
        Map<String, String> out = new java.util.LinkedHashMap<>(files);
        String manifest = out.get("Cargo.toml");
        assertThat(manifest).contains(text);
        out.put("Cargo.toml", manifest.replace(text, ""));
        return out;
    }

    private static List<String> findingIds(Map<String, String> files) throws Exception {
        Path dir = Files.createTempDirectory("audit-overrides-");
        try {
            for (var f : files.entrySet()) {
                Files.createDirectories(dir.resolve(f.getKey()).getParent());
                Files.writeString(dir.resolve(f.getKey()), f.getValue());
            }
            AuditReport report = advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")), List.of(), Map.of(), dir));
            assertThat(report.errors()).isEmpty();
            return report.findings().stream().map(AuditFinding::id).toList();
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** An override line, whether restates-default calls it restated, and the profile built. */
    record OverrideLine(String name, String profiles, String removed, String profile, boolean restated) {
    }

    static List<OverrideLine> overrideLines() {
        return List.of(
                new OverrideLine("opt-level 0 for build scripts in release", "\n[profile.release.build-override]\nopt-level = 0\n",
                        "opt-level = 0\n", "release", true),
                new OverrideLine("debug assertions for build scripts in dev", "\n[profile.dev.build-override]\ndebug-assertions = true\n",
                        "debug-assertions = true\n", "dev", true),
                new OverrideLine("incremental for build scripts in dev", "\n[profile.dev.build-override]\nincremental = true\n",
                        "incremental = true\n", "dev", true),
                new OverrideLine("a child repeating its parent's package override",
                        "\n[profile.release.package.itoa]\nopt-level = 1\n\n[profile.dist]\ninherits = \"release\"\n\n[profile.dist.package.itoa]\nopt-level = 1\n",
                        "\n[profile.dist.package.itoa]\nopt-level = 1\n", "dist", true),
                new OverrideLine("a child repeating its parent's build-override",
                        "\n[profile.release.build-override]\nopt-level = 2\n\n[profile.dist]\ninherits = \"release\"\n\n[profile.dist.build-override]\nopt-level = 2\n",
                        "\n[profile.dist.build-override]\nopt-level = 2\n", "dist", true),
                new OverrideLine("opt-level 0 for a dependency in dev", "\n[profile.dev.package.itoa]\nopt-level = 0\n",
                        "opt-level = 0\n", "dev", true),
                new OverrideLine("no debug info for build scripts in dev", "\n[profile.dev.build-override]\ndebug = false\n",
                        "debug = false\n", "dev", false),
                new OverrideLine("release's opt-level for a dependency the build script uses too", "\n[profile.release.package.itoa]\nopt-level = 3\n",
                        "opt-level = 3\n", "release", false),
                new OverrideLine("the wildcard at release's opt-level", "\n[profile.release.package.\"*\"]\nopt-level = 3\n",
                        "opt-level = 3\n", "release", false));
    }

    @TestFactory
    Stream<DynamicTest> anOverrideLineIsCalledRestatedExactlyWhenCargoBuildsEveryUnitTheSameWithoutIt() {
        return overrideLines().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, String> with = sharedItoa(c.profiles());
            RealCargo.BuildResult b = cargo.buildProject(with, c.profile(), Map.of());
            assertThat(b.succeeded()).as(b.output()).isTrue();
            List<String> unitsWith = b.unitFlags();
            List<String> unitsWithout = cargo.buildProject(without(with, c.removed()), c.profile(), Map.of()).unitFlags();
            boolean restated = findingIds(with).contains("restates-default");
            assertThat(restated).as("restates-default for `%s`; cargo's units with it %s, without it %s", c.removed().strip(),
                    unitsWith, unitsWithout).isEqualTo(unitsWith.equals(unitsWithout)).isEqualTo(c.restated());
        }));
    }

    @TestFactory
    Stream<DynamicTest> aCustomProfileCalledUnchangedBuildsEveryUnitAsItsParentIntoItsOwnDirectory() {
        return Stream.of("", "opt-level = 1\n").map(extra -> DynamicTest.dynamicTest(extra.isEmpty() ? "only inherits" : extra.strip(), () -> {
            Map<String, String> files = sharedItoa("\n[profile.ci]\ninherits = \"dev\"\n" + extra);
            RealCargo.BuildResult ci = cargo.buildProject(files, "ci", Map.of());
            RealCargo.BuildResult dev = cargo.buildProject(files, "dev", Map.of());
            assertThat(ci.succeeded()).as(ci.output()).isTrue();
            assertThat(ci.output()).contains("target/ci/");
            boolean unchanged = findingIds(files).contains("custom-profile-changes-nothing");
            assertThat(unchanged).as("ci %s\ndev %s", ci.unitFlags(), dev.unitFlags())
                    .isEqualTo(ci.unitFlags().equals(dev.unitFlags())).isEqualTo(extra.isEmpty());
        }));
    }

    @org.junit.jupiter.api.Test
    void theWildcardNeverReachesAWorkspaceMemberSoWithNoDependencyItReachesNothing() throws Exception {
        String star = "\n[profile.release.package.\"*\"]\nopt-level = \"z\"\n";
        Map<String, String> alone = Map.of("Cargo.toml", PKG + star, "src/main.rs", "fn main() {}\n");
        RealCargo.BuildResult b = cargo.buildProject(alone, "release", Map.of());
        assertThat(b.binFlags()).as(b.output()).contains("-C opt-level=3").doesNotContain("-C opt-level=z");
        assertThat(b.unitFlags()).isEqualTo(cargo.buildProject(without(alone, star), "release", Map.of()).unitFlags());
        assertThat(findingIds(alone)).contains("star-override-reaches-no-package");

        Map<String, String> withDependency = withItoa(star);
        RealCargo.BuildResult d = cargo.buildProject(withDependency, "release", Map.of());
        assertThat(d.unitFlags()).as(d.output()).anySatisfy(u -> assertThat(u).startsWith("itoa lib:").contains("-C opt-level=z"));
        assertThat(d.binFlags()).contains("-C opt-level=3");
        assertThat(findingIds(withDependency)).doesNotContain("star-override-reaches-no-package");
    }

    @org.junit.jupiter.api.Test
    void stripUnderTheWildcardReachesDependenciesButNotTheBinary() throws Exception {
        String strip = "\n[profile.release.package.\"*\"]\nstrip = \"symbols\"\n";
        Map<String, String> files = withItoa(strip);
        RealCargo.BuildResult b = cargo.buildProject(files, "release", Map.of());
        assertThat(b.unitFlags()).as(b.output()).anySatisfy(u -> assertThat(u).startsWith("itoa lib:").contains("-C strip=symbols"));
        assertThat(b.binFlags()).doesNotContain("-C strip=symbols")
                .isEqualTo(cargo.buildProject(without(files, strip), "release", Map.of()).binFlags());
        assertThat(findingIds(files)).contains("strip-in-star-override");
    }

    @org.junit.jupiter.api.Test
    void cargoNeverBuildsARegistryCrateIncrementallyWhateverItsOverrideSays() throws Exception {
        Map<String, String> files = withItoa("\n[profile.dev.package.itoa]\nincremental = true\n");
        RealCargo.BuildResult b = cargo.buildProject(files, "dev", Map.of());
        assertThat(b.binFlags()).as(b.output()).contains("-C incremental=<dir>");
        assertThat(b.unitFlags()).filteredOn(u -> u.startsWith("itoa ")).isNotEmpty()
                .allSatisfy(u -> assertThat(u).doesNotContain("incremental"));
        assertThat(findingIds(files)).contains("incremental-for-non-local-package");
    }

    /** A profile over the shared itoa, how many times cargo compiles itoa, and whether the audit blames a line. */
    record DoubleBuild(String name, String profiles, String profile, long compilations, boolean blamed) {
    }

    @TestFactory
    Stream<DynamicTest> aBuildOverrideLineIsBlamedForADoubleBuildOnlyWhereItMakesCargoCompileTheSharedCrateTwice() {
        return Stream.of(
                new DoubleBuild("dev, as it is", "", "dev", 1, false),
                new DoubleBuild("dev, optimised build scripts", "\n[profile.dev.build-override]\nopt-level = 3\n", "dev", 2, true),
                new DoubleBuild("dev, build scripts without debug info", "\n[profile.dev.build-override]\ndebug = false\n", "dev", 2, true),
                new DoubleBuild("dev, build scripts with full debug info", "\n[profile.dev.build-override]\ndebug = true\n", "dev", 1, false),
                new DoubleBuild("dev, the package itself optimised for both", "\n[profile.dev.build-override]\nopt-level = 3\n\n[profile.dev.package.itoa]\nopt-level = 3\n", "dev", 1, false),
                new DoubleBuild("release, as it is (cargo's opt-level 0 for build scripts)", "", "release", 2, false),
                new DoubleBuild("release, opt-level 3 for build scripts", "\n[profile.release.build-override]\nopt-level = 3\n", "release", 1, false)
        ).map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Map<String, String> files = sharedItoa(c.profiles());
            RealCargo.BuildResult b = cargo.buildProject(files, c.profile(), Map.of());
            assertThat(b.succeeded()).as(b.output()).isTrue();
            assertThat(b.compilations("itoa")).as(String.join("\n", b.unitFlags())).isEqualTo(c.compilations());
            assertThat(findingIds(files).contains("build-override-builds-dependency-twice")).isEqualTo(c.blamed());
        }));
    }

    private static AuditReport auditText(String manifest) throws Exception {
        Path dir = Files.createTempDirectory("audit-value-");
        try {
            Files.writeString(dir.resolve("Cargo.toml"), manifest);
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
            AuditReport report = advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")), List.of(), Map.of(), dir));
            assertThat(report.errors()).isEmpty();
            return report;
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
