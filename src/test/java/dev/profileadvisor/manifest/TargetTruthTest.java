package dev.profileadvisor.manifest;

import dev.profileadvisor.cargo.Host;
import dev.profileadvisor.cargo.RealCargo;
import dev.profileadvisor.cargo.RustcFlags;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Target settings against the real cargo 1.95: for generated workspaces with config files at two levels, rustflags
 * and linkers in {@code [build]}, {@code [target.<triple>]} and {@code [target.'cfg(…)']} tables, the environment
 * ({@code RUSTFLAGS}, {@code CARGO_ENCODED_RUSTFLAGS}, {@code CARGO_TARGET_*}, {@code CARGO_BUILD_*},
 * {@code CARGO_INCREMENTAL}) and {@code --target}, the whole rustc line the tool computes for the binary crate
 * (profile flags, {@code --target}, {@code -C linker=}, rustflags, in cargo's order) must equal the one
 * {@code cargo build -v} runs.
 */
class TargetTruthTest {
    static Knowledge knowledge;
    static RealCargo cargo;
    static Host host;

    @BeforeAll
    static void setUp() {
        knowledge = KnowledgeLoader.load(Path.of("knowledge"), "knowledge");
        cargo = RealCargo.locate();
        host = Host.detect(System.getenv(), knowledge.targets());
    }

    /**
     * @param in     the directory cargo runs in, relative to the project ({@code ""} for the root)
     * @param target whether {@code --target HOST} is passed
     */
    record Scenario(String name, String profile, Map<String, String> files, Map<String, String> env, String in, boolean target) {
    }

    static Map<String, String> workspace(String... more) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n");
        files.put("app/Cargo.toml", "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        files.put("app/src/main.rs", "fn main() { println!(\"hi\"); }\n");
        for (int i = 0; i + 1 < more.length; i += 2) files.put(more[i], more[i + 1]);
        return files;
    }

    static String tripleVar(String suffix) {
        return TargetResolver.envPrefix(host.triple()) + suffix;
    }

    static List<Scenario> scenarios() {
        String t = host.triple();
        String all = "[build]\nrustflags = [\"--cfg\", \"from_build\"]\n\n[target." + t + "]\nrustflags = [\"--cfg\", \"from_triple\"]\n\n"
                + "[target.'cfg(unix)']\nrustflags = [\"--cfg\", \"from_unix\"]\n\n[target.'cfg(target_os = \"linux\")']\nrustflags = [\"--cfg\", \"from_linux\"]\n";
        String build = "[build]\nrustflags = [\"--cfg\", \"from_build\"]\n";
        return List.of(
                new Scenario("build.rustflags as an array", "release", workspace(".cargo/config.toml", build), Map.of(), "", false),
                new Scenario("build.rustflags as a string", "release",
                        workspace(".cargo/config.toml", "[build]\nrustflags = \"--cfg  from_string -C target-cpu=x86-64-v2\"\n"), Map.of(), "", false),
                new Scenario("target tables beat build.rustflags; cfg tables sorted by key", "release",
                        workspace(".cargo/config.toml", all), Map.of(), "", false),
                new Scenario("RUSTFLAGS beats every config rustflags", "release",
                        workspace(".cargo/config.toml", all), Map.of("RUSTFLAGS", "--cfg from_env  -C debug-assertions=on"), "", false),
                new Scenario("CARGO_ENCODED_RUSTFLAGS beats RUSTFLAGS", "release",
                        workspace(".cargo/config.toml", all), Map.of("CARGO_ENCODED_RUSTFLAGS", "--cfg\u001ffrom_encoded", "RUSTFLAGS", "--cfg from_env"), "", false),
                new Scenario("an empty RUSTFLAGS still displaces the config", "release",
                        workspace(".cargo/config.toml", all), Map.of("RUSTFLAGS", ""), "", false),
                new Scenario("CARGO_TARGET_<TRIPLE>_RUSTFLAGS joins the triple's table", "dev",
                        workspace(".cargo/config.toml", all), Map.of(tripleVar("RUSTFLAGS"), "--cfg from_target_env"), "", false),
                new Scenario("CARGO_BUILD_RUSTFLAGS is appended to build.rustflags", "release",
                        workspace(".cargo/config.toml", build), Map.of("CARGO_BUILD_RUSTFLAGS", "--cfg from_build_env"), "", false),
                new Scenario("config arrays merge across the hierarchy, shallower first", "release",
                        workspace(".cargo/config.toml", "[build]\nrustflags = [\"--cfg\", \"from_root\"]\n",
                                "app/.cargo/config.toml", "[build]\nrustflags = [\"--cfg\", \"from_app\"]\n"), Map.of(), "app", false),
                new Scenario("a deeper string replaces a shallower one", "release",
                        workspace(".cargo/config.toml", "[build]\nrustflags = \"--cfg from_root\"\n",
                                "app/.cargo/config.toml", "[build]\nrustflags = \"--cfg from_app\"\n"), Map.of(), "app", false),
                new Scenario("--target: the bin keeps the rustflags, gets --target and a cfg table's linker", "release",
                        workspace(".cargo/config.toml", all + "\n[target.'cfg(all(unix, not(windows)))']\nlinker = \"cc\"\n"), Map.of(), "", true),
                new Scenario("target.<triple>.linker and target rustflags", "dev",
                        workspace(".cargo/config.toml", "[target." + t + "]\nlinker = \"cc\"\nrustflags = [\"-C\", \"link-arg=-Wl,--as-needed\"]\n"), Map.of(), "", false),
                new Scenario("CARGO_TARGET_<TRIPLE>_LINKER beats the config's linker", "release",
                        workspace(".cargo/config.toml", "[target." + t + "]\nlinker = \"gcc\"\n"), Map.of(tripleVar("LINKER"), "cc"), "", false),
                new Scenario("build.incremental = true makes release incremental", "release",
                        workspace(".cargo/config.toml", "[build]\nincremental = true\n"), Map.of(), "", false),
                new Scenario("CARGO_INCREMENTAL=0 beats dev's incremental", "dev", workspace(), Map.of("CARGO_INCREMENTAL", "0"), "", false),
                new Scenario("CARGO_INCREMENTAL=yes is not 1: off", "dev",
                        workspace(".cargo/config.toml", "[build]\nincremental = true\n"), Map.of("CARGO_INCREMENTAL", "yes"), "", false),
                new Scenario("rustflags that fight the profile come last", "release",
                        workspace("Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n\n[profile.release]\nlto = \"thin\"\ncodegen-units = 4\n",
                                ".cargo/config.toml", "[build]\nrustflags = [\"-C\", \"opt-level=1\", \"-C\", \"codegen-units=2\"]\n"), Map.of(), "", false),
                new Scenario("a cfg table with all/any/not, in dev", "dev",
                        workspace(".cargo/config.toml", "[target.'cfg(all(unix, any(target_arch = \"x86_64\", target_arch = \"aarch64\"), not(windows)))']\n"
                                + "rustflags = [\"--cfg\", \"from_all\"]\n\n[target.'cfg(windows)']\nrustflags = [\"--cfg\", \"from_windows\"]\n"), Map.of(), "", false),
                new Scenario("build.target in the config is a --target", "release",
                        workspace(".cargo/config.toml", "[build]\ntarget = \"" + t + "\"\nrustflags = [\"--cfg\", \"from_build\"]\n"), Map.of(), "", false),
                new Scenario("a custom profile with CARGO_BUILD_INCREMENTAL and target rustflags in env only", "dist",
                        workspace("Cargo.toml", "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n\n[profile.dist]\ninherits = \"release\"\nstrip = true\n"),
                        Map.of("CARGO_BUILD_INCREMENTAL", "true", tripleVar("RUSTFLAGS"), "--cfg from_target_env"), "", false));
    }

    @TestFactory
    Stream<DynamicTest> theToolsRustcLineIsCargos() {
        return scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Path dir = Files.createTempDirectory("targets-");
            try {
                for (Map.Entry<String, String> f : s.files().entrySet()) {
                    Path p = dir.resolve(f.getKey());
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, f.getValue());
                }
                Project project = Project.load(dir.resolve("Cargo.toml"), dir, s.env(), knowledge, dir.resolve(s.in()));
                List<String> line = line(project, s.profile(), s.target());
                RealCargo.BuildResult b = cargo.buildProject(s.files(), s.profile(), s.env(), s.in(),
                        s.target() ? List.of("--target", host.triple()) : List.of());
                assertThat(b.succeeded()).as(b.output()).isTrue();
                assertThat(line).as("%s: the tool's line against cargo's\n%s", s.name(), b.output())
                        .isEqualTo(RealCargo.unitLine(b.output(), "probe", "bin"));
            } finally {
                EffectiveProfileTruthTest.delete(dir);
            }
        }));
    }

    /** The line as the audit computes it. */
    static List<String> line(Project project, String profile, boolean commandLineTarget) {
        EffectiveProfile p = ProfileResolver.resolve(project, knowledge, profile);
        Optional<TargetSettings.Setting> configured = TargetResolver.configuredTarget(project);
        boolean explicit = commandLineTarget || configured.isPresent();
        String triple = commandLineTarget ? host.triple() : configured.map(TargetSettings.Setting::value).orElse(host.triple());
        TargetSettings t = TargetResolver.resolve(project, triple, explicit, configured.map(TargetSettings.Setting::origin),
                host.cfg(triple, knowledge.targets()));
        return RustcFlags.line(p.rustcFlags().orElseThrow(), explicit ? Optional.of(triple) : Optional.empty(),
                t.linker().map(TargetSettings.Setting::value), t.flagValues());
    }
}
