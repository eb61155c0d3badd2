package dev.profileadvisor.recommend;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.json.JsonDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The target settings of a plan ({@code .cargo/config.toml}): a CPU level asked for, a faster linker where it helps,
 * frame pointers for profiling, what the host facts make of them, and the bad input that is refused.
 */
class TargetSettingsTest {
    static ProfileAdvisor advisor;
    static final String HOST = "x86_64-unknown-linux-gnu";
    static final List<String> CPUS = List.of("native", "haswell", "znver4", "x86-64", "x86-64-v2", "x86-64-v3", "x86-64-v4");

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    static Host host(String triple, String rustc, String cc, String... programs) {
        return Host.of(triple, rustc, List.of(programs), Optional.ofNullable(cc));
    }

    static Host here() {
        return host(HOST, "1.95.0", "gcc 12.2.0", "cc").withTargetCpus(CPUS);
    }

    static Recommendation recommend(Request r) {
        return advisor.recommend(r);
    }

    static List<String> noteRules(Recommendation r) {
        return r.notes().stream().map(NoteAdvice::rule).toList();
    }

    @Test
    void aCpuLevelAskedForWithFastRuntimeGoesIntoTheHostsTargetTableJustified() {
        Recommendation r = recommend(Request.goals("fast-runtime").targetCpu("x86-64-v3").host(here()));
        assertThat(r.rustflags()).containsExactly("-C", "target-cpu=x86-64-v3");
        assertThat(r.configToml()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n"
                + "    \"-C\", \"target-cpu=x86-64-v3\",  # fast-runtime\n]\n");
        ConfigLine line = r.config().get(0);
        assertThat(line.table()).containsExactly("target", HOST);
        assertThat(line.goals()).containsExactly("fast-runtime");
        assertThat(line.rule()).isEqualTo("target-cpu-as-asked");
        assertThat(line.reason()).startsWith("`-C target-cpu=x86-64-v3` for fast-runtime: the binary runs only on machines with AVX2")
                .endsWith("it applies to every profile, since stable cargo has no per-profile rustflags");
        assertThat(r.configWhy()).hasSize(2);
        assertThat(r.configWhy().get(0)).contains("apply to every profile");
        assertThat(r.configWhy().get(1)).contains("`RUSTFLAGS`").contains("dropped");
        assertThat(r.basis()).anyMatch(b -> b.startsWith("host `x86_64-unknown-linux-gnu`, rustc 1.95.0"));
        assertThat(noteRules(r)).doesNotContain("target-cpu-not-chosen-for-you", "target-cpu-native-runs-only-here");
    }

    @Test
    void nativeIsWrittenWithTheWarningThatItRunsOnlyHere() {
        Host h = new Host(HOST, true, Optional.of("1.95.0"), Optional.of(CPUS), Optional.of("znver4"), Map.of(), Optional.empty(), "`rustc -vV`");
        Recommendation r = recommend(Request.goals("fast-runtime").targetCpu("native").host(h));
        assertThat(r.rustflags()).containsExactly("-C", "target-cpu=native");
        assertThat(r.config().get(0).reason()).contains("every feature of the build machine's CPU").contains("SIGILL");
        NoteAdvice n = r.notes().stream().filter(x -> x.rule().equals("target-cpu-native-runs-only-here")).findFirst().orElseThrow();
        assertThat(n.setting()).isEqualTo("target-cpu");
        assertThat(n.message()).startsWith("`native` compiles for the CPU of the machine that builds (`znver4` here): the binary may crash with SIGILL");
    }

    @Test
    void withoutTheOptionFastRuntimeSaysWhatALevelCouldBringAndWritesNone() {
        Recommendation r = recommend(Request.goals("fast-runtime").host(here()));
        assertThat(r.config()).isEmpty();
        assertThat(r.configToml()).isEmpty();
        assertThat(r.configWhy()).isEmpty();
        NoteAdvice n = r.notes().stream().filter(x -> x.rule().equals("target-cpu-not-chosen-for-you")).findFirst().orElseThrow();
        assertThat(n.message()).contains("`--target-cpu x86-64-v3`").contains("which machines it must run on is yours to say");
        assertThat(r.basis()).anyMatch(b -> b.startsWith("host `x86_64-unknown-linux-gnu`"));
    }

    @Test
    void theBaselineAndGoalsWithoutRuntimeWriteNothing() {
        Recommendation base = recommend(Request.goals("fast-runtime").targetCpu("x86-64").host(here()));
        assertThat(base.config()).isEmpty();
        assertThat(noteRules(base)).contains("target-cpu-baseline-is-the-default");
        Recommendation size = recommend(Request.goals("small-binary").targetCpu("x86-64-v3").host(here()));
        assertThat(size.config()).isEmpty();
        assertThat(noteRules(size)).contains("target-cpu-needs-a-runtime-goal");
    }

    @Test
    void anUnknownLevelIsBadInputNamingTheClosest() {
        assertThatThrownBy(() -> recommend(Request.goals("fast-runtime").targetCpu("haswel").host(here())))
                .isInstanceOf(AdvisorException.class)
                .hasMessage("--target-cpu: unknown CPU `haswel` for `x86_64-unknown-linux-gnu`: `rustc --print target-cpus` does not list it; "
                        + "did you mean `haswell`?");
        assertThatThrownBy(() -> recommend(Request.goals("fast-runtime").targetCpu("x86-64-v5").host(here())))
                .hasMessageContaining("did you mean `x86-64-v2`, `x86-64-v3` or `x86-64-v4`?");
        // without rustc: the knowledge's levels, and the architecture they belong to
        Host noRustc = Host.assumed(HOST, "rustc is not on PATH");
        assertThatThrownBy(() -> recommend(Request.goals("fast-runtime").targetCpu("x86-64-v5").host(noRustc)))
                .hasMessageContaining("unknown CPU `x86-64-v5`; did you mean");
        Host arm = host("aarch64-unknown-linux-gnu", "1.95.0", null);
        assertThatThrownBy(() -> recommend(Request.goals("fast-runtime").targetCpu("x86-64-v3").host(arm)))
                .hasMessage("--target-cpu: `x86-64-v3` is a CPU of x86_64, not of `aarch64-unknown-linux-gnu`");
        Recommendation named = recommend(Request.goals("fast-runtime").targetCpu("znver3").host(noRustc));
        assertThat(named.rustflags()).containsExactly("-C", "target-cpu=znver3");
        assertThat(named.basis()).anyMatch(b -> b.contains("`--target-cpu znver3` not checked against rustc's CPU names"));
    }

    @Test
    void withoutHostFactsTheAssumedHostIsSaid() {
        Recommendation r = recommend(Request.goals("fast-runtime").targetCpu("x86-64-v2"));
        assertThat(r.config().get(0).table()).containsExactly("target", HOST);
        assertThat(r.basis()).anyMatch(b -> b.equals("host assumed: `x86_64-unknown-linux-gnu` with rustc 1.95 (no host facts given)"));
    }

    @Test
    void fastCompileOnX8664LinuxWithRust195WritesNoLinkerAndSaysWhy() {
        Recommendation r = recommend(Request.goals("fast-compile").host(here()));
        assertThat(r.config()).isEmpty();
        assertThat(r.notes()).filteredOn(n -> n.rule().equals("rust-lld-is-already-the-default")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("since Rust 1.90").contains("(`mold` not on PATH)"));
        // the generic plan, as before, also gets the note but no line
        assertThat(recommend(Request.goals("fast-compile")).config()).isEmpty();
    }

    @Test
    void moldIsWrittenWhenInstalledAndTheDriverTakesItWithTheDetectionInTheReason() {
        Recommendation r = recommend(Request.goals("fast-compile").host(host(HOST, "1.95.0", "gcc 12.2.0", "cc", "mold")));
        assertThat(r.rustflags()).containsExactly("-C", "link-arg=-fuse-ld=mold");
        assertThat(r.linker()).isEmpty();
        assertThat(r.config().get(0).reason()).contains("found: `/usr/bin/mold`; `cc` is GCC 12.2.0");
        Recommendation oldGcc = recommend(Request.goals("fast-compile").host(host(HOST, "1.95.0", "gcc 11.4.0", "cc", "clang", "mold")));
        assertThat(oldGcc.linker()).contains("clang");
        assertThat(oldGcc.configToml()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"  # fast-compile\nrustflags = [\n"
                + "    \"-C\", \"link-arg=-fuse-ld=mold\",  # fast-compile\n]\n");
        Recommendation noDriver = recommend(Request.goals("fast-compile").host(host(HOST, "1.95.0", "gcc 11.4.0", "cc", "mold")));
        assertThat(noDriver.config()).isEmpty();
        assertThat(noDriver.notes()).filteredOn(n -> n.rule().equals("rust-lld-is-already-the-default")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("and no `clang`: GCC 12.1 or later, or clang"));
    }

    @Test
    void lldIsWrittenOnlyWhereRustLldIsNotTheDefault() {
        Recommendation arm = recommend(Request.goals("fast-compile").host(host("aarch64-unknown-linux-gnu", "1.95.0", "gcc 12.2.0", "cc", "ld.lld")));
        assertThat(arm.rustflags()).containsExactly("-C", "link-arg=-fuse-ld=lld");
        Recommendation old = recommend(Request.goals("fast-compile").host(host(HOST, "1.89.0", "gcc 12.2.0", "cc", "ld.lld")));
        assertThat(old.rustflags()).containsExactly("-C", "link-arg=-fuse-ld=lld");
        Recommendation none = recommend(Request.goals("fast-compile").host(host("aarch64-unknown-linux-gnu", "1.95.0", "gcc 12.2.0", "cc")));
        assertThat(none.config()).isEmpty();
        assertThat(noteRules(none)).contains("no-faster-linker-found");
        Recommendation mac = recommend(Request.goals("fast-compile").host(host("aarch64-apple-darwin", "1.95.0", "clang 17.0.0", "cc", "ld.lld")));
        assertThat(mac.config()).as("linkers are for Linux hosts").isEmpty();
    }

    @Test
    void profilableWritesFramePointersWithTheEveryProfileCaveat() {
        Recommendation r = recommend(Request.goals("profilable").host(here()));
        assertThat(r.profile()).isEqualTo("profiling");
        assertThat(r.rustflags()).containsExactly("-C", "force-frame-pointers=yes");
        assertThat(r.config().get(0).reason()).contains("it applies to every profile (dev, release, test, bench)");
    }

    @Test
    void severalLinesShareOneTableTheLinkerFirstThenTheFlagsInOrder() {
        Request req = Request.goals("fast-runtime", "profilable", "fast-compile").targetCpu("x86-64-v3")
                .host(host(HOST, "1.95.0", "gcc 11.4.0", "cc", "clang", "mold").withTargetCpus(CPUS));
        Recommendation r = recommend(req);
        assertThat(r.config()).extracting(ConfigLine::text).containsExactly("linker = \"clang\"", "-C target-cpu=x86-64-v3",
                "-C force-frame-pointers=yes", "-C link-arg=-fuse-ld=mold");
        assertThat(r.configToml()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"  # fast-compile\nrustflags = [\n"
                + "    \"-C\", \"target-cpu=x86-64-v3\",      # fast-runtime\n"
                + "    \"-C\", \"force-frame-pointers=yes\",  # profilable\n"
                + "    \"-C\", \"link-arg=-fuse-ld=mold\",    # fast-compile\n]\n");
        assertThat(org.tomlj.Toml.parse(r.configToml()).hasErrors()).isFalse();
    }

    @Test
    void theJsonDocumentCarriesTheConfigPartAndMatchesTheSchema() throws Exception {
        Recommendation r = recommend(Request.goals("fast-runtime", "profilable").targetCpu("x86-64-v3").host(here()));
        String json = JsonDocuments.write(JsonDocuments.recommendation(r));
        assertThat(dev.profileadvisor.json.Schemas.problems("recommend", json)).isEmpty();
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(doc.get("configToml").asText()).isEqualTo(r.configToml());
        assertThat(doc.get("config").get(0).get("args").toString()).isEqualTo("[\"-C\",\"target-cpu=x86-64-v3\"]");
        assertThat(doc.get("config").get(0).get("header").asText()).isEqualTo("target.x86_64-unknown-linux-gnu");
        assertThat(doc.get("configWhy").size()).isEqualTo(2);
        String none = JsonDocuments.write(JsonDocuments.recommendation(recommend(Request.goals("small-binary"))));
        assertThat(dev.profileadvisor.json.Schemas.problems("recommend", none)).isEmpty();
    }

    @Test
    void detectionReadsRustcCcAndThePrograms(@org.junit.jupiter.api.io.TempDir Path bin) throws Exception {
        script(bin, "rustc", """
                if [ "$1" = "-vV" ]; then printf 'rustc 1.93.1 (x 2026-01-01)\\nbinary: rustc\\nhost: aarch64-unknown-linux-gnu\\nrelease: 1.93.1\\nLLVM version: 21.1.0\\n'; fi
                if [ "$1" = "--print" ]; then printf 'Available CPUs for this target:\\n    native - Select the CPU of the current host (currently neoverse-n1).\\n    cortex-a72\\n    neoverse-n1\\n\\nAvailable features:\\n'; fi
                """);
        script(bin, "cc", "echo 'cc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0'\n");
        script(bin, "mold", "exit 0\n");
        Host h = HostProbe.detect(Map.of("PATH", bin.toString(), "HOME", bin.toString()), advisor.knowledge().targets(), true);
        assertThat(h.detected()).isTrue();
        assertThat(h.triple()).isEqualTo("aarch64-unknown-linux-gnu");
        assertThat(h.rustc()).contains("1.93.1");
        assertThat(h.targetCpus()).contains(List.of("native", "cortex-a72", "neoverse-n1"));
        assertThat(h.nativeCpu()).contains("neoverse-n1");
        assertThat(h.cc()).contains("gcc 11.4.0");
        assertThat(h.programs()).containsKeys("rustc", "cc", "mold").doesNotContainKeys("clang", "ld.lld");
        Host none = HostProbe.detect(Map.of("PATH", bin.resolve("nothing").toString(), "HOME", bin.toString()), advisor.knowledge().targets(), true);
        assertThat(none.detected()).isFalse();
        assertThat(none.triple()).isEqualTo(HOST);
        assertThat(none.note()).isEqualTo("rustc is not on PATH");
        assertThat(HostProbe.driverOf("Debian clang version 16.0.6 (15)\nTarget: x86_64-pc-linux-gnu")).contains("clang 16.0.6");
        assertThat(HostProbe.driverOf("gcc (GCC) 13.2.1 20230801")).contains("gcc 13.2.1");
    }

    static void script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
