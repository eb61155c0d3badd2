package dev.profileadvisor.manifest;

import dev.profileadvisor.cargo.RealCargo;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The effective profiles the audit reports against the real cargo 1.95: for generated workspaces with members,
 * custom profiles and inherits chains, overrides, config files and environment variables, the {@code -C} flags
 * the resolver computes for the binary crate must equal those {@code cargo build -v} passes to rustc.
 */
class EffectiveProfileTruthTest {
    static Knowledge knowledge;
    static RealCargo cargo;

    @BeforeAll
    static void setUp() {
        knowledge = KnowledgeLoader.load(Path.of("knowledge"), "knowledge");
        cargo = RealCargo.locate();
    }

    record Scenario(String name, String profile, Map<String, String> files, Map<String, String> env) {
    }

    static Map<String, String> workspace(String rootExtra, String... more) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Cargo.toml", "[workspace]\nmembers = [\"app\", \"lib\"]\nresolver = \"2\"\n\n" + rootExtra + "\n");
        files.put("app/Cargo.toml", "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[dependencies]\nprobe-lib = { path = \"../lib\" }\n");
        files.put("app/src/main.rs", "fn main() { println!(\"{}\", probe_lib::answer()); }\n");
        files.put("lib/Cargo.toml", "[package]\nname = \"probe-lib\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        files.put("lib/src/lib.rs", "pub fn answer() -> u32 { 42 }\n");
        for (int i = 0; i + 1 < more.length; i += 2) files.put(more[i], more[i + 1]);
        return files;
    }

    static List<Scenario> scenarios() {
        return List.of(
                new Scenario("manifest and config merge per key, config wins", "release",
                        workspace("[profile.release]\nlto = true\nopt-level = \"s\"\n",
                                ".cargo/config.toml", "[profile.release]\nlto = \"thin\"\ncodegen-units = 4\n"), Map.of()),
                new Scenario("an environment variable beats the config file", "release",
                        workspace("[profile.release]\nlto = true\n",
                                ".cargo/config.toml", "[profile.release]\nlto = \"thin\"\n"), Map.of("CARGO_PROFILE_RELEASE_LTO", "off")),
                new Scenario("a deeper config file beats a shallower one", "release",
                        workspace("", ".cargo/config.toml", "[profile.release]\nopt-level = 2\npanic = \"abort\"\n"), Map.of()),
                new Scenario("a custom profile chain merges key by key", "dist2",
                        workspace("[profile.dist]\ninherits = \"release\"\nlto = \"fat\"\ncodegen-units = 1\n\n"
                                + "[profile.dist2]\ninherits = \"dist\"\nstrip = true\ncodegen-units = 8\n"), Map.of()),
                new Scenario("a custom profile defined entirely in the environment", "envonly",
                        workspace(""), Map.of("CARGO_PROFILE_ENVONLY_INHERITS", "release", "CARGO_PROFILE_ENVONLY_DEBUG", "1",
                        "CARGO_PROFILE_ENVONLY_CODEGEN_UNITS", "2")),
                new Scenario("test can inherit release", "test", workspace("[profile.test]\ninherits = \"release\"\n"), Map.of()),
                new Scenario("dev with optimisation flips debug assertions", "dev",
                        workspace("[profile.dev]\nopt-level = 1\noverflow-checks = false\ndebug = \"line-tables-only\"\n"), Map.of()),
                new Scenario("release with debug assertions passes overflow-checks off", "release",
                        workspace("[profile.release]\ndebug-assertions = true\nincremental = true\nrpath = true\n"), Map.of()),
                new Scenario("profiles in a non-root member are ignored", "release",
                        workspace("", "app/Cargo.toml", "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                                + "[dependencies]\nprobe-lib = { path = \"../lib\" }\n\n[profile.release]\nlto = \"fat\"\n"), Map.of()),
                new Scenario("debug info on a dependency turns off the implicit strip", "release",
                        workspace("[profile.release.package.probe-lib]\ndebug = 1\n"), Map.of()),
                new Scenario("build-override debug with no build script keeps the implicit strip", "release",
                        workspace("[profile.release.build-override]\ndebug = true\n"), Map.of()),
                new Scenario("build-override debug on a build script keeps the implicit strip", "release",
                        workspace("[profile.release.build-override]\ndebug = true\n", "app/build.rs", "fn main() {}\n"), Map.of()),
                new Scenario("build-override debug on a proc-macro turns off the implicit strip", "release",
                        workspace("[profile.release.build-override]\ndebug = true\n",
                                "Cargo.toml", "[workspace]\nmembers = [\"app\", \"lib\", \"mac\"]\nresolver = \"2\"\n\n[profile.release.build-override]\ndebug = true\n",
                                "app/Cargo.toml", "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                                        + "[dependencies]\nprobe-lib = { path = \"../lib\" }\nprobe-mac = { path = \"../mac\" }\n",
                                "mac/Cargo.toml", "[package]\nname = \"probe-mac\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\nproc-macro = true\n",
                                "mac/src/lib.rs", "use proc_macro::TokenStream;\n#[proc_macro]\npub fn nothing(_i: TokenStream) -> TokenStream { TokenStream::new() }\n"),
                        Map.of()),
                new Scenario("explicit strip inherited from the parent stays explicit", "dist",
                        workspace("[profile.release]\nstrip = \"debuginfo\"\n\n[profile.dist]\ninherits = \"release\"\ndebug = 1\n"), Map.of()),
                new Scenario("undocumented spellings reach rustc as written", "release",
                        workspace("[profile.release]\nlto = \"yes\"\ndebug = 2\nsplit-debuginfo = \"unpacked\"\n"), Map.of()),
                new Scenario("an unsupported split-debuginfo is dropped silently", "release",
                        workspace("[profile.release]\ndebug = true\nsplit-debuginfo = \"bogus\"\n"), Map.of()));
    }

    @TestFactory
    Stream<DynamicTest> theFlagsTheResolverReportsAreTheFlagsCargoPasses() {
        return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Path dir = Files.createTempDirectory("effective-");
            try {
                for (Map.Entry<String, String> f : s.files().entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, f.getValue());
                }
                Project project = Project.load(dir.resolve("Cargo.toml"), dir, s.env(), knowledge);
                EffectiveProfile effective = ProfileResolver.resolve(project, knowledge, s.profile());
                RealCargo.BuildResult b = cargo.buildProject(s.files(), s.profile(), s.env());
                assertThat(b.succeeded()).as(b.output()).isTrue();
                assertThat(effective.problem()).isEmpty();
                assertThat(effective.rustcFlags()).as("resolver flags").isPresent();
                assertThat(b.binFlags()).as("%s: cargo's flags vs the resolver's\n%s", s.name(), b.output())
                        .containsExactlyInAnyOrderElementsOf(effective.rustcFlags().get());
            } finally {
                delete(dir);
            }
        }));
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
