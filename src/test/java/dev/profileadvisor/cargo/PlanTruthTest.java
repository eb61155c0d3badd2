package dev.profileadvisor.cargo;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.recommend.PlanTable;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.SettingAdvice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans of tables checked against the real cargo, on a project with the three kinds of unit a plan's tables reach:
 * the bin crate (a member: the profile's own table), a path dependency outside the workspace ({@code package."*"})
 * and a build script ({@code build-override}). Every plan for every goal and every pair of goals, in the goals'
 * profile and in {@code dev}, must build without a warning, and each unit must get the {@code -C opt-level} and
 * {@code -C debuginfo} flags that knowledge/settings.toml says the values in force for it produce; the bin crate all
 * of its flags.
 */
class PlanTruthTest {
    static ProfileAdvisor advisor;
    static Knowledge knowledge;
    static RealCargo cargo;

    @BeforeAll
    static void setUp() {
        advisor = ProfileAdvisor.withDefaults();
        knowledge = advisor.knowledge();
        cargo = RealCargo.locate();
    }

    @TestFactory
    Stream<DynamicTest> everyPlanForOneOrTwoGoalsGivesEachUnitTheFlagsThePlanSays() {
        List<String> goals = new ArrayList<>(knowledge.goals().keySet());
        List<List<String>> requests = new ArrayList<>();
        for (String g : goals) requests.add(List.of(g));
        for (int i = 0; i < goals.size(); i++) {
            for (int j = i + 1; j < goals.size(); j++) requests.add(List.of(goals.get(i), goals.get(j)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> req : requests) {
            for (String profile : List.of("", "dev")) {
                Request request = Request.goals(req.toArray(String[]::new));
                if (!profile.isEmpty()) request = request.profile(profile);
                Recommendation r = advisor.recommend(request);
                if (!seen.add(r.toml())) continue; // the same plan is built once
                tests.add(DynamicTest.dynamicTest(String.join(" + ", req) + (profile.isEmpty() ? "" : " in " + profile), () -> check(r)));
            }
        }
        return tests.stream();
    }

    private static void check(Recommendation r) {
        for (PlanTable t : r.overrides()) {
            for (SettingAdvice s : t.settings()) {
                assertThat(knowledge.scopes().get(t.scope()).refuses()).as("cargo refuses `%s` in [%s]", s.key(), t.header())
                        .doesNotContain(s.key());
            }
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Cargo.toml", """
                [package]
                name = "probe"
                version = "0.1.0"
                edition = "2021"
                build = "build.rs"

                [dependencies]
                dep = { path = "dep" }

                """ + r.toml());
        files.put("src/main.rs", "fn main() { println!(\"{}\", dep::answer()); }\n");
        files.put("build.rs", "fn main() {}\n");
        files.put("dep/Cargo.toml", "[package]\nname = \"dep\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        files.put("dep/src/lib.rs", "pub fn answer() -> u32 { 42 }\n");
        RealCargo.BuildResult b = cargo.buildProject(files, r.profile(), Map.of());
        assertThat(b.succeeded()).as(r.toml() + "\n" + b.output()).isTrue();
        assertThat(b.warnings()).as("cargo warnings for\n%s", r.toml()).isEmpty();

        Map<String, String> own = new LinkedHashMap<>();
        for (SettingAdvice s : r.settings()) if (!s.toml().isEmpty()) own.put(s.key(), s.value());
        assertThat(b.binFlags()).as("flags of the bin crate for\n%s", r.toml())
                .containsExactlyInAnyOrderElementsOf(RustcFlags.forBinary(knowledge, r.profile(), r.inherits().orElse(null), own));

        Map<String, String> dep = inForce(r, own);
        r.overrides().stream().filter(t -> t.scope().equals("dependencies"))
                .forEach(t -> t.settings().forEach(s -> dep.put(s.key(), s.value())));
        assertThat(levelFlags(RealCargo.unitFlags(b.output(), "dep", "lib"))).as("opt-level and debuginfo of the path dependency for\n%s", r.toml())
                .containsExactlyInAnyOrderElementsOf(levelFlags(expected(dep)));

        // No plan writes build-override: the build script keeps cargo's host defaults (opt-level 0, no debug info).
        assertThat(levelFlags(RealCargo.unitFlags(b.output(), "build_script_build", "bin"))).as("build script for\n%s", r.toml())
                .containsExactlyInAnyOrderElementsOf(levelFlags(expected(Map.of("opt-level", "0", "debug", "none"))));
    }

    /** The opt-level and debug the profile's table leaves in force (the plan's values over the profile's defaults). */
    private static Map<String, String> inForce(Recommendation r, Map<String, String> own) {
        String base = knowledge.profiles().containsKey(r.profile()) ? r.profile() : r.inherits().orElseThrow();
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : List.of("opt-level", "debug")) {
            out.put(key, own.getOrDefault(key, knowledge.defaultValue(base, null, key).id()));
        }
        return out;
    }

    private static Set<String> expected(Map<String, String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String key : List.of("opt-level", "debug")) {
            SettingValue v = knowledge.setting(key).orElseThrow().value(values.get(key)).orElseThrow();
            out.addAll(v.flags());
        }
        return out;
    }

    private static Set<String> levelFlags(Set<String> flags) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : flags) if (f.startsWith("-C opt-level=") || f.startsWith("-C debuginfo=")) out.add(f);
        return out;
    }
}
