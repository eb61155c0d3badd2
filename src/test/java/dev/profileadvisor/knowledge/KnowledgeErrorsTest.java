package dev.profileadvisor.knowledge;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.WorkingCopy;
import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in knowledge/*.toml, each reported as file:line:col. */
class KnowledgeErrorsTest {
    @TempDir
    Path tmp;

    private static List<Problem> problemsOf(Path dir) {
        try {
            KnowledgeLoader.load(dir, "knowledge");
        } catch (AdvisorException e) {
            return e.problems();
        }
        throw new AssertionError("expected the knowledge to be refused");
    }

    @Test
    void theRepositoryKnowledgeLoads() {
        Knowledge k = KnowledgeLoader.load(Path.of("knowledge"), "knowledge");
        assertThat(k.settings()).containsKeys("opt-level", "debug", "split-debuginfo", "strip", "debug-assertions",
                "overflow-checks", "lto", "panic", "incremental", "codegen-units", "rpath");
        assertThat(k.goals()).containsKeys("small-binary", "fast-runtime", "fast-compile", "debuggable", "profilable",
                "low-build-memory", "catch-panics");
    }

    @Test
    void aSyntaxErrorIsReportedWithLineAndColumn() {
        WorkingCopy wc = new WorkingCopy(tmp);
        int line = WorkingCopy.edit(wc.knowledge.resolve("goals.toml"), "profile = \"release\"", "profile = \"release");
        assertThat(problemsOf(wc.knowledge)).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo("knowledge/goals.toml");
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void aWrongTypeNamesTheFieldTheTypeAndTheLine() {
        WorkingCopy wc = new WorkingCopy(tmp);
        int line = WorkingCopy.edit(wc.knowledge.resolve("effects.toml"), "runtime = 3\n", "runtime = \"3\"\n");
        assertThat(problemsOf(wc.knowledge)).singleElement()
                .hasToString("knowledge/effects.toml:" + line + ":1: `effect[7].runtime` must be an integer, found the string `\"3\"`");
    }

    @Test
    void aMissingFieldIsReportedAtItsTable() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.knowledge.resolve("goals.toml"), "title = \"smallest binary\"\n", "");
        assertThat(problemsOf(wc.knowledge)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("knowledge/goals.toml");
            assertThat(p.message()).isEqualTo("missing `goal.small-binary.title` (a string)");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void anUnknownSourceKeyIsReported() {
        WorkingCopy wc = new WorkingCopy(tmp);
        int line = WorkingCopy.edit(wc.knowledge.resolve("goals.toml"), "sources = [\"min-sized-rust\", \"cargo-book-profiles\"]",
                "sources = [\"min-sized-rust\", \"cargo-book-profile\"]");
        assertThat(problemsOf(wc.knowledge)).singleElement()
                .hasToString("knowledge/goals.toml:" + line + ":1: unknown source `cargo-book-profile`; define it in sources.toml");
    }

    @Test
    void anEffectOnAnUnknownValueOrOutOfScaleIsReported() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.knowledge.resolve("effects.toml"), "value = \"fat\"", "value = \"fatt\"");
        WorkingCopy.edit(wc.knowledge.resolve("effects.toml"), "size = 3", "size = 5");
        assertThat(problemsOf(wc.knowledge)).extracting(Problem::message)
                .containsExactlyInAnyOrder("`fatt` is not a value of `lto`", "score `5` is outside −3 … +3");
    }

    @Test
    void anUnknownKeyIsReportedWithTheKeysThatAreAllowed() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.knowledge.resolve("goals.toml"), "profile = \"release\"", "profil = \"release\"");
        assertThat(problemsOf(wc.knowledge)).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .startsWith("unknown key `goal.small-binary.profil`; expected one of aliases, criteria, description, profile"));
    }

    @Test
    void aValueOfTheWrongTypeIsPrintedOnceByRulesLint() {
        WorkingCopy wc = new WorkingCopy(tmp);
        int line = WorkingCopy.edit(wc.knowledge.resolve("settings.toml"), "traits = [\"optimizes-for-size\"]", "traits = \"optimizes-for-size\"");
        CliRun r = CliRun.run("rules", "lint", "--rules", wc.rules.toString(), "--knowledge", wc.knowledge.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + wc.knowledge + "/settings.toml:" + line + ":1: `setting.opt-level.value[4].traits`"
                + " must be an array of strings, found the string `\"optimizes-for-size\"`\n");
    }

    @Test
    void aTraitThatIsNotAStringIsReportedOnce() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.knowledge.resolve("settings.toml"), "traits = [\"optimizes-for-size\"]", "traits = [3]");
        assertThat(problemsOf(wc.knowledge)).singleElement().extracting(Problem::message)
                .isEqualTo("`setting.opt-level.value[4].traits` must hold only strings, found the integer `3`");
    }

    @Test
    void theTargetKnowledgeLoads() {
        TargetKnowledge t = KnowledgeLoader.load(Path.of("knowledge"), "knowledge").targets();
        assertThat(t.assumedHost()).isEqualTo("x86_64-unknown-linux-gnu");
        assertThat(t.rustflagSources()).extracting(SourceLayer::id).containsExactly("encoded-env", "rustflags-env", "target", "build");
        assertThat(t.incrementalSources()).extracting(SourceLayer::id).containsExactly("incremental-env", "build-incremental", "profile-incremental");
        assertThat(t.cpuLevels()).containsKeys("x86-64", "x86-64-v2", "x86-64-v3", "x86-64-v4", "native");
        assertThat(t.cpuLevels().get("native").portable()).isFalse();
        assertThat(t.cpuLevel("haswell")).get().extracting(CpuLevel::kind).isEqualTo(CpuLevel.Kind.NAMED);
        assertThat(t.linkers()).containsKeys("lld", "mold");
        assertThat(t.linker("lld").orElseThrow().defaultSince("x86_64-unknown-linux-gnu")).contains("1.90");
        assertThat(t.linker("mold").orElseThrow().needs()).containsExactly("mold");
        assertThat(t.framePointers().flags()).containsExactly("-C", "force-frame-pointers=yes");
        assertThat(t.profileFlag("debuginfo")).get().extracting(ProfileFlag::setting).isEqualTo("debug");
        assertThat(t.tripleCfgs().get("x86_64-unknown-linux-gnu")).contains("unix", "target_os=\"linux\"");
    }

    @Test
    void aTargetsMistakeIsReportedWithLineAndColumn() {
        WorkingCopy wc = new WorkingCopy(tmp);
        int line = WorkingCopy.edit(wc.knowledge.resolve("targets.toml"), "portable = false", "portable = \"no\"");
        int line2 = WorkingCopy.edit(wc.knowledge.resolve("targets.toml"), "flags = [\"-C\", \"force-frame-pointers=yes\"]",
                "flags = [\"-C force-frame-pointers=yes\"]");
        int line3 = WorkingCopy.edit(wc.knowledge.resolve("targets.toml"), "precedence = 4", "precedence = 5");
        assertThat(problemsOf(wc.knowledge)).extracting(Problem::toString).containsExactlyInAnyOrder(
                "knowledge/targets.toml:" + line3 + ":1: precedence `5` out of order: rows are written highest first, 1, 2, 3, …; expected 4",
                "knowledge/targets.toml:" + line + ":1: `cpu[5].portable` must be a boolean, found the string `\"no\"`",
                "knowledge/targets.toml:" + line2 + ":1: `-C force-frame-pointers=yes` holds a space: rustc would get it as one argument; write `\"-C\", \"force-frame-pointers=yes\"`");
    }
}
