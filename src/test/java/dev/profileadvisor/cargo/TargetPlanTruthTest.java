package dev.profileadvisor.cargo;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.apply.ApplyPlan;
import dev.profileadvisor.apply.ApplyRequest;
import dev.profileadvisor.apply.ConfigPlan;
import dev.profileadvisor.recommend.Host;
import dev.profileadvisor.recommend.HostProbe;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans with target settings applied and built with the real cargo, on the machine's own host (as the command line
 * detects it): {@code apply} writes the profile into {@code Cargo.toml} and the host's {@code [target.TRIPLE]}
 * rustflags into {@code .cargo/config.toml} (new, or merged into one that has flags already), and the project must then
 * build without a warning, with the bin crate's rustc line ending in exactly the rustflags the config file gives:
 * what the file had, the plan's flags merged in.
 */
class TargetPlanTruthTest {
    static ProfileAdvisor advisor;
    static RealCargo cargo;
    static Host host;

    @BeforeAll
    static void setUp() {
        advisor = ProfileAdvisor.withDefaults();
        cargo = RealCargo.locate();
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("PATH", Path.of(System.getProperty("user.home"), ".cargo", "bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        host = HostProbe.detect(env, advisor.knowledge().targets(), true);
    }

    /**
     * One scenario.
     *
     * @param name     what it shows
     * @param request  the goals and CPU
     * @param config   the config file before, or null for none
     * @param expected the rustflags the bin crate's line must end with
     */
    record Scenario(String name, Request request, String config, List<String> expected) {
    }

    static String table() {
        return "[target." + host.triple() + "]\n";
    }

    @TestFactory
    Stream<DynamicTest> appliedPlansBuildWithoutWarningsAndPassTheirRustflags() {
        List<Scenario> scenarios = List.of(
                new Scenario("fast-runtime for x86-64-v3, no config file", Request.goals("fast-runtime").targetCpu("x86-64-v3"), null,
                        List.of("-C", "target-cpu=x86-64-v3")),
                new Scenario("fast-runtime for x86-64-v2 and profilable, into a string with a flag of its own",
                        Request.goals("fast-runtime", "profilable").targetCpu("x86-64-v2"),
                        "# mine\n" + table() + "rustflags = \"-C link-arg=-Wl,-O1\" # keep\n",
                        List.of("-C", "link-arg=-Wl,-O1", "-C", "target-cpu=x86-64-v2", "-C", "force-frame-pointers=yes")),
                new Scenario("native replaces the target-cpu the array has, in place",
                        Request.goals("fast-runtime").targetCpu("native"),
                        table() + "rustflags = [\n    \"-C\", \"target-cpu=haswell\",\n    \"-C\", \"link-arg=-Wl,-O1\",\n]\n",
                        List.of("-C", "target-cpu=native", "-C", "link-arg=-Wl,-O1")),
                new Scenario("profilable in the profiling profile carries [build] rustflags over",
                        Request.goals("profilable"), "[build]\nrustflags = [\"-C\", \"link-arg=-Wl,-O1\"]\n",
                        List.of("-C", "link-arg=-Wl,-O1", "-C", "force-frame-pointers=yes")),
                new Scenario("fast-runtime in dev", Request.goals("fast-runtime").targetCpu("x86-64-v3").profile("dev"),
                        table() + "rustflags = ['-Ctarget-cpu=native']\n", List.of("-Ctarget-cpu=x86-64-v3")));
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s)));
    }

    private static void check(Scenario s) throws IOException {
        Path dir = Files.createTempDirectory("target-plan-");
        try {
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
            Files.writeString(dir.resolve("src/main.rs"), "fn main() { println!(\"ok\"); }\n");
            if (s.config() != null) {
                Files.createDirectories(dir.resolve(".cargo"));
                Files.writeString(dir.resolve(".cargo/config.toml"), s.config());
            }
            ApplyPlan plan = advisor.plan(new ApplyRequest(dir, s.request().host(host), Map.of(), dir));
            ConfigPlan config = plan.config().orElseThrow();
            assertThat(config.changesFile()).isTrue();
            Map<String, String> files = new LinkedHashMap<>();
            files.put("Cargo.toml", plan.text());
            files.put("src/main.rs", "fn main() { println!(\"ok\"); }\n");
            files.put(".cargo/config.toml", config.text());
            RealCargo.BuildResult b = cargo.buildProject(files, plan.recommendation().profile(), Map.of());
            String shown = plan.text() + "\n.cargo/config.toml:\n" + config.text();
            assertThat(b.succeeded()).as(shown + "\n" + b.output()).isTrue();
            assertThat(b.warnings()).as("cargo warnings for\n%s", shown).isEmpty();
            List<String> line = RealCargo.unitLine(b.output(), "probe", "bin");
            assertThat(line).as("the bin crate's rustc line for\n%s", shown).isNotEmpty();
            List<String> tail = line.subList(Math.max(0, line.size() - s.expected().size()), line.size());
            assertThat(tail).as("the end of the bin crate's rustc line %s for\n%s", line, shown).isEqualTo(s.expected());
            assertThat(Collections.indexOfSubList(line, s.expected())).isEqualTo(line.size() - s.expected().size());
            List<String> profileFlags = new ArrayList<>(b.binFlags());
            assertThat(profileFlags).as("the profile's flags are there too").isNotEmpty();
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Collections.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
