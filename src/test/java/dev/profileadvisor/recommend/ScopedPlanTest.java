package dev.profileadvisor.recommend;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans of tables: what the experts write, for the goal sets of issue 16, generic and against a project. */
class ScopedPlanTest {
    static ProfileAdvisor advisor;

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    static Recommendation plan(Request request) {
        return advisor.recommend(request);
    }

    static Optional<PlanTable> table(Recommendation r, String header) {
        return r.tables().stream().filter(t -> t.header().equals(header)).findFirst();
    }

    static Optional<String> line(Recommendation r, String header, String key) {
        return table(r, header).flatMap(t -> t.settings().stream().filter(s -> s.key().equals(key)).findFirst()).map(SettingAdvice::value);
    }

    static Path project(Path dir, String manifest, Map<String, String> files) throws IOException {
        Files.writeString(dir.resolve("Cargo.toml"), manifest);
        Files.createDirectories(dir.resolve("src"));
        if (!files.containsKey("src/main.rs")) Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        for (var f : files.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir;
    }

    static PlanProject facts(Path dir) {
        return advisor.project(dir, Map.of(), dir);
    }

    @Test
    void fastCompileKeepsLineTablesForOwnCodeAndDropsDebugInfoForDependencies() {
        Recommendation r = plan(Request.goals("fast-compile"));
        assertThat(r.profile()).isEqualTo("dev");
        assertThat(line(r, "profile.dev", "debug")).contains("line-tables-only");
        assertThat(line(r, "profile.dev.package.\"*\"", "debug")).contains("none");
        assertThat(r.toml()).contains("[profile.dev.package.\"*\"]\ndebug = false");
        assertThat(table(r, "profile.dev.package.\"*\"").orElseThrow().why()).contains("built once and then cached");
    }

    @Test
    void debuggableAboveFastCompileKeepsLineTablesEverywhere() {
        Recommendation r = plan(Request.goals("debuggable=2", "fast-compile").profile("dev"));
        assertThat(line(r, "profile.dev", "debug")).contains("line-tables-only");
        assertThat(r.overrides()).noneSatisfy(t -> assertThat(t.settings()).anySatisfy(s -> assertThat(s.key()).isEqualTo("debug")));
    }

    @Test
    void playableDevBuildsOptimiseDependenciesNotYourOwnCodeAndUseNoLto() {
        Recommendation r = plan(Request.goals("fast-compile", "fast-runtime").profile("dev"));
        assertThat(line(r, "profile.dev", "opt-level")).contains("1");
        assertThat(line(r, "profile.dev.package.\"*\"", "opt-level")).contains("3");
        assertThat(r.setting("lto")).isEmpty();
        assertThat(r.toml()).doesNotContain("lto");
    }

    @Test
    void insta_isOptimisedInDevWhenTheProjectUsesIt(@TempDir Path dir) throws IOException {
        project(dir, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dev-dependencies]\ninsta = \"1\"\nsimilar = \"2\"\n", Map.of());
        Recommendation r = plan(Request.goals("fast-compile").project(facts(dir)));
        assertThat(line(r, "profile.dev.package.insta", "opt-level")).contains("3");
        assertThat(line(r, "profile.dev.package.similar", "opt-level")).contains("3");
        assertThat(table(r, "profile.dev.package.insta").orElseThrow().why()).contains("snapshot");
        assertThat(r.basis()).anySatisfy(b -> assertThat(b).contains("1 package of your own"));
        // without the project, nothing is said about insta
        assertThat(plan(Request.goals("fast-compile")).toml()).doesNotContain("insta");
    }

    @Test
    void profilableIsACustomProfileWithLineTablesAndSymbolsAndDependenciesKeepDebugInfo() {
        Recommendation r = plan(Request.goals("profilable"));
        assertThat(r.profile()).isEqualTo("profiling");
        assertThat(r.inherits()).contains("release");
        assertThat(line(r, "profile.profiling", "debug")).isPresent().get().isIn("line-tables-only", "limited", "full");
        assertThat(advisor.trace(Request.goals("profilable")).decisions().get("strip")).isNotIn("symbols", "debuginfo");
        assertThat(r.overrides()).isEmpty(); // dependencies inherit the profile's debug info
        assertThat(r.notes()).extracting(NoteAdvice::rule).contains("debug-info-disables-implicit-strip");
    }

    @Test
    void profilableOverAReleaseThatStripsWritesStripNone(@TempDir Path dir) throws IOException {
        project(dir, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[profile.release]\nstrip = true\n", Map.of());
        Recommendation r = plan(Request.goals("profilable").project(facts(dir)));
        assertThat(line(r, "profile.profiling", "strip")).contains("none");
        assertThat(r.toml()).contains("strip = \"none\"");
        assertThat(r.basis()).anySatisfy(b -> assertThat(b).contains("strip").contains("Cargo.toml:7"));
    }

    @Test
    void smallBinaryWithHostCodeLeavesBuildOverrideAtItsDefaultAndSaysWhy(@TempDir Path dir) throws IOException {
        project(dir, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n", Map.of("build.rs", "fn main() {}\n"));
        Recommendation r = plan(Request.goals("small-binary").project(facts(dir)));
        assertThat(r.overrides()).isEmpty();
        assertThat(r.notes()).extracting(NoteAdvice::rule).contains("host-code-keeps-fast-default");
        assertThat(r.toml()).doesNotContain("build-override");
    }

    @Test
    void aProjectThatCatchesPanicsKeepsUnwindUnlessTheUserSaysOtherwise(@TempDir Path dir) throws IOException {
        project(dir, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
                Map.of("src/main.rs", "fn main() {\n    let _ = std::panic::catch_unwind(|| ());\n}\n"));
        Recommendation r = plan(Request.goals("small-binary").project(facts(dir)));
        assertThat(r.valueOf("panic")).contains("unwind");
        assertThat(r.basis()).anySatisfy(b -> assertThat(b).contains("catch-panics").contains("src/main.rs:2"));
        Recommendation told = plan(Request.goals("small-binary").project(facts(dir)).inferGoals(false));
        assertThat(told.valueOf("panic")).contains("abort");
    }

    @Test
    void aCustomParentTheProjectDefinesIsAccepted(@TempDir Path dir) throws IOException {
        project(dir, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[profile.dist]\ninherits = \"release\"\nlto = \"thin\"\n", Map.of());
        Recommendation r = plan(Request.goals("small-binary").profile("dist-small").inherits("dist").project(facts(dir)));
        assertThat(r.inherits()).contains("dist");
        assertThat(r.toml()).startsWith("[profile.dist-small]\ninherits = \"dist\"");
        assertThat(r.valueOf("lto")).contains("fat"); // computed against dist's thin LTO: fat is written over it
        assertThat(r.basis()).anySatisfy(b -> assertThat(b).contains("lto = \"thin\""));
        assertThatThrownBy(() -> plan(Request.goals("small-binary").profile("x").inherits("dist")))
                .isInstanceOf(AdvisorException.class).hasMessageContaining("unknown parent profile `dist`");
    }

    @Test
    void rustVersionRulesOutValuesTheProjectCannotBuild(@TempDir Path dir) throws IOException {
        project(dir, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\nrust-version = \"1.70\"\n", Map.of());
        Recommendation r = plan(Request.goals("debuggable").project(facts(dir)));
        assertThat(r.valueOf("debug")).isPresent().get().isNotEqualTo("line-tables-only");
    }

    @Test
    void noOverrideTableEverHoldsAKeyCargoRefusesThere() {
        List<String> goals = new ArrayList<>(advisor.knowledge().goals().keySet());
        for (String a : goals) {
            for (String b : goals) {
                for (String profile : List.of("dev", "release")) {
                    Request req = a.equals(b) ? Request.goals(a) : Request.goals(a, b);
                    Recommendation r = plan(req.profile(profile));
                    for (PlanTable t : r.overrides()) {
                        assertThat(t.settings()).extracting(SettingAdvice::key).as("%s + %s in %s", a, b, profile)
                                .doesNotContain("panic", "lto", "rpath", "inherits");
                    }
                }
            }
        }
    }

    @Test
    void theValueSpaceReachesValuesBeyondTheOldHandful() {
        Set<String> emitted = new LinkedHashSet<>();
        List<String> goals = new ArrayList<>(advisor.knowledge().goals().keySet());
        for (String a : goals) {
            for (String b : goals) {
                for (String profile : List.of("dev", "release", "profiling")) {
                    for (int w = 1; w <= 3; w++) {
                        Request req = a.equals(b) ? Request.goals(a + "=" + w) : Request.goals(a + "=" + w, b);
                        Recommendation r = plan(req.profile(profile));
                        for (PlanTable t : r.tables()) for (SettingAdvice s : t.settings()) {
                            emitted.add(s.key() + "=" + s.value());
                            if (!t.scope().equals("profile")) {
                                assertThat(s.goals()).as("a goal asked for `%s = %s` in [%s] (%s in %s)", s.key(), s.toml(), t.header(), req.goals(), profile)
                                        .isNotEmpty();
                            }
                        }
                    }
                }
            }
        }
        assertThat(emitted).contains("opt-level=1", "opt-level=0", "opt-level=3", "opt-level=z", "debug=line-tables-only", "debug=none",
                "lto=fat", "incremental=true", "incremental=false", "overflow-checks=false");
    }
}
