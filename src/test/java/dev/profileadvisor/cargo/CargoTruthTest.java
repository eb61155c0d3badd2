package dev.profileadvisor.cargo;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.SettingAdvice;
import dev.profileadvisor.knowledge.Alias;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
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
 * The knowledge and the recommendations checked against the real cargo: every block the advisor recommends
 * must build without a warning, and the {@code -C} flags cargo passes to rustc for the binary must be exactly
 * the ones knowledge/settings.toml says those settings produce.
 */
class CargoTruthTest {
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
    Stream<DynamicTest> emptyProfilesGiveTheFlagsKnowledgeSaysAreTheDefaults() {
        return Stream.of("dev", "release", "test", "bench", "profiling").map(profile -> DynamicTest.dynamicTest(profile, () -> {
            String extra = profile.equals("profiling") ? "\n[profile.profiling]\ninherits = \"release\"\n" : "";
            RealCargo.BuildResult b = cargo.build(extra, profile);
            assertThat(b.succeeded()).as(b.output()).isTrue();
            assertThat(b.binFlags()).as("flags of an empty `%s` profile", profile)
                    .containsExactlyInAnyOrderElementsOf(RustcFlags.forBinary(knowledge, profile, null, Map.of()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValueAndSpellingGivesTheFlagsKnowledgeSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String profile : List.of("release", "dev")) {
            for (Setting s : knowledge.settings().values()) {
                for (SettingValue v : s.values()) {
                    if (v.isUnwritten()) continue;
                    tests.add(spelling(profile, s, v, v.toml(), v.flags()));
                    for (Alias a : v.aliases()) tests.add(spelling(profile, s, v, a.toml(), a.flags()));
                }
            }
        }
        return tests.stream();
    }

    private static DynamicTest spelling(String profile, Setting s, SettingValue v, String toml, List<String> flags) {
        return DynamicTest.dynamicTest(profile + ": " + s.key() + " = " + toml, () -> {
            RealCargo.BuildResult b = cargo.build("\n[profile." + profile + "]\n" + s.key() + " = " + toml + "\n", profile);
            assertThat(b.succeeded()).as(b.output()).isTrue();
            Set<String> expected = new LinkedHashSet<>(RustcFlags.forBinary(knowledge, profile, null, Map.of(s.key(), v.id())));
            if (!flags.equals(v.flags()) && expected.containsAll(v.flags())) {
                expected.removeAll(v.flags());
                expected.addAll(flags);
            }
            assertThat(b.binFlags()).as("flags for `%s = %s` in %s", s.key(), toml, profile)
                    .containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> everyRecommendationForOneOrTwoGoalsBuildsCleanlyWithTheExpectedFlags() {
        List<String> goals = new ArrayList<>(knowledge.goals().keySet());
        List<List<String>> requests = new ArrayList<>();
        for (String g : goals) requests.add(List.of(g));
        for (int i = 0; i < goals.size(); i++) {
            for (int j = i + 1; j < goals.size(); j++) requests.add(List.of(goals.get(i), goals.get(j)));
        }
        return requests.stream().map(req -> DynamicTest.dynamicTest(String.join(" + ", req), () -> {
            Recommendation r = advisor.recommend(Request.goals(req.toArray(String[]::new)));
            RealCargo.BuildResult b = cargo.build("\n" + r.toml(), r.profile());
            assertThat(b.succeeded()).as(r.toml() + "\n" + b.output()).isTrue();
            assertThat(b.warnings()).as("cargo warnings for\n%s", r.toml()).isEmpty();
            Map<String, String> written = new LinkedHashMap<>();
            for (SettingAdvice s : r.settings()) if (!s.toml().isEmpty()) written.put(s.key(), s.value());
            assertThat(b.binFlags()).as("flags for\n%s", r.toml())
                    .containsExactlyInAnyOrderElementsOf(RustcFlags.forBinary(knowledge, r.profile(), r.inherits().orElse(null), written));
        }));
    }
}
