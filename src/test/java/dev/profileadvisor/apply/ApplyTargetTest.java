package dev.profileadvisor.apply;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.cli.CliRun;
import dev.profileadvisor.recommend.Host;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code apply} with target settings: {@code .cargo/config.toml} at the workspace root written (or created) beside
 * {@code Cargo.toml} with the same guarantees, merged into the rustflags it has, one diff for both files, and bad
 * input refused with nothing written.
 */
class ApplyTargetTest {
    @TempDir
    Path dir;

    static ProfileAdvisor advisor;
    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    static final String HOST = "x86_64-unknown-linux-gnu";
    static final Host HERE = Host.of(HOST, "1.95.0", List.of("cc"), Optional.of("gcc 12.2.0"))
            .withTargetCpus(List.of("native", "haswell", "x86-64", "x86-64-v2", "x86-64-v3", "x86-64-v4"));

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    Path crate(String manifest) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        return Files.writeString(dir.resolve("Cargo.toml"), manifest);
    }

    Path config(String text) throws Exception {
        Files.createDirectories(dir.resolve(".cargo"));
        return Files.writeString(dir.resolve(".cargo/config.toml"), text);
    }

    static String shown(Path p) {
        return Path.of("").toAbsolutePath().relativize(p.toAbsolutePath()).toString();
    }

    ApplyPlan plan(Request r) {
        return advisor.plan(new ApplyRequest(dir, r.host(HERE), Map.of(), dir));
    }

    ApplyPlan plan(Request r, Map<String, String> env) {
        return advisor.plan(new ApplyRequest(dir, r.host(HERE), env, dir));
    }

    @Test
    void applyCreatesTheConfigFileBesideTheManifestShowsOneDiffAndIsIdempotent() throws Exception {
        Path m = crate(PKG);
        Path c = dir.resolve(".cargo/config.toml");
        String f = shown(m);
        String cf = shown(c);
        CliRun check = CliRun.run("apply", "--goal", "fast-runtime", "--target-cpu", "x86-64-v3", "--manifest-path", m.toString(), "--check");
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains(f + " and " + cf + " would change: 3 keys differ");
        assertThat(c).doesNotExist();

        CliRun r = CliRun.run("apply", "--goal", "fast-runtime", "--target-cpu", "x86-64-v3", "--manifest-path", m.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("applying fast-runtime to [profile.release] in " + f + " and to [target." + HOST + "] in " + cf + " (a new file)\n")
                .contains("--- /dev/null\n+++ b/" + cf.substring(cf.indexOf(".cargo")) + "\n@@ -0,0 +1,2 @@\n+[target." + HOST + "]\n"
                        + "+rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n")
                .contains(cf + ":2:1: set `rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]` in `[target." + HOST + "]`\n")
                .endsWith("wrote " + f + "\ncreated " + cf + "\n");
        assertThat(r.out().indexOf("--- a/")).as("the manifest's diff first").isLessThan(r.out().indexOf("--- /dev/null"));
        assertThat(Files.readString(c)).isEqualTo("[target." + HOST + "]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
        assertThat(Files.getPosixFilePermissions(c)).isEqualTo(Files.getPosixFilePermissions(m));

        FileTime time = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(c, time);
        CliRun again = CliRun.run("apply", "--goal", "fast-runtime", "--target-cpu", "x86-64-v3", "--manifest-path", m.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).endsWith(f + " already matches the recommendation\n" + cf + " already matches the recommendation\n")
                .doesNotContain("---");
        assertThat(Files.getLastModifiedTime(c)).isEqualTo(time);
        assertThat(CliRun.run("apply", "--goal", "fast-runtime", "--target-cpu", "x86-64-v3", "--manifest-path", m.toString(), "--check").code())
                .isZero();
    }

    @Test
    void theDryRunIsOnePatchThatGitAppliesToBothFiles() throws Exception {
        Path m = crate(PKG);
        config("# speed\n[target.x86_64-unknown-linux-gnu]\nrustflags = \"-C target-cpu=native\" # mine\n");
        for (String[] git : new String[][]{{"init", "-q"}, {"add", "-A"}}) {
            assertThat(new ProcessBuilder(cat(List.of("git", "-C", dir.toString()), git)).inheritIO().start().waitFor()).isZero();
        }
        CliRun r = CliRun.run("apply", "--goal", "fast-runtime", "--goal", "profilable", "--target-cpu", "x86-64-v2", "--manifest-path",
                m.toString(), "--dry-run");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("--- a/Cargo.toml\n+++ b/Cargo.toml\n").contains("--- a/.cargo/config.toml\n+++ b/.cargo/config.toml\n");
        assertThat(Files.readString(m)).isEqualTo(PKG);
        Path patch = Files.writeString(dir.resolve("both.diff"), r.out());
        assertThat(new ProcessBuilder("git", "-C", dir.toString(), "apply", patch.toString()).inheritIO().start().waitFor()).isZero();
        assertThat(Files.readString(dir.resolve(".cargo/config.toml"))).isEqualTo("# speed\n[target.x86_64-unknown-linux-gnu]\n"
                + "rustflags = \"-C target-cpu=x86-64-v2 -C force-frame-pointers=yes\" # mine\n");
        assertThat(Files.readString(m)).contains("[profile.release]");
        ApplyPlan after = advisor.plan(new ApplyRequest(dir, Request.goals("fast-runtime", "profilable").targetCpu("x86-64-v2").host(HERE),
                Map.of(), dir));
        assertThat(after.changesAnything()).as("the patched files are what apply writes").isFalse();
    }

    @Test
    void existingRustflagsAreMergedNeverClobbered() throws Exception {
        crate(PKG);
        // the array form: an existing target-cpu as two elements is replaced in place, frame pointers already there
        // (written joined) are not added again, other flags stay in order
        config("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  \"--cfg\", \"tokio_unstable\",\n  \"-C\", \"target-cpu=native\",\n"
                + "  \"-Cforce-frame-pointers=yes\",\n]\n");
        ApplyPlan p = plan(Request.goals("fast-runtime", "profilable").targetCpu("x86-64-v3"));
        ConfigPlan c = p.config().orElseThrow();
        assertThat(c.text()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  \"--cfg\", \"tokio_unstable\",\n"
                + "  \"-C\", \"target-cpu=x86-64-v3\",\n  \"-Cforce-frame-pointers=yes\",\n]\n");
        assertThat(c.changes()).singleElement().satisfies(ch -> assertThat(ch.describe())
                .isEqualTo("changed `-C target-cpu=native` to `-C target-cpu=x86-64-v3` in `rustflags` in `[target.x86_64-unknown-linux-gnu]`"));
        // the string form stays a string
        config("[target.x86_64-unknown-linux-gnu]\nrustflags = \"-Ctarget-cpu=native --cfg x\"\n");
        assertThat(plan(Request.goals("fast-runtime").targetCpu("x86-64-v3")).config().orElseThrow().text())
                .isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = \"-Ctarget-cpu=x86-64-v3 --cfg x\"\n");
        // [build] rustflags, which the new target rustflags displace, are carried over
        config("[build]\nrustflags = [\"--cfg\", \"tokio_unstable\"]\n");
        ConfigPlan b = plan(Request.goals("profilable")).config().orElseThrow();
        assertThat(b.text()).endsWith("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"--cfg\", \"tokio_unstable\", \"-C\", "
                + "\"force-frame-pointers=yes\"]\n");
        assertThat(b.changes().get(0).description()).contains("`[build] rustflags` from line 2");
    }

    @Test
    void anOldStyleConfigWithoutExtensionIsTheOneEdited() throws Exception {
        crate(PKG);
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config"), "[alias]\nb = \"build\"\n");
        ConfigPlan c = plan(Request.goals("profilable")).config().orElseThrow();
        assertThat(c.path()).isEqualTo(dir.resolve(".cargo/config"));
        assertThat(c.creates()).isFalse();
        assertThat(c.text()).startsWith("[alias]\nb = \"build\"\n\n[target.");
    }

    @Test
    void rustflagsFromTheEnvironmentAreNoted() throws Exception {
        crate(PKG);
        ApplyPlan p = plan(Request.goals("fast-runtime").targetCpu("x86-64-v3"), Map.of("RUSTFLAGS", "-C opt-level=2"));
        assertThat(p.notes()).anySatisfy(n -> assertThat(n.toString()).isEqualTo("env RUSTFLAGS: note: `RUSTFLAGS` is set, so cargo passes "
                + "it instead of the `rustflags` of `[target.x86_64-unknown-linux-gnu]` in .cargo/config.toml (cargo uses one source of extra "
                + "flags): unset it for the plan's flags to apply"));
    }

    @Test
    void aPlanWithoutTargetSettingsLeavesTheConfigFileAlone() throws Exception {
        crate(PKG);
        ApplyPlan p = plan(Request.goals("small-binary"));
        assertThat(p.config()).isEmpty();
        assertThat(p.fullDiff()).isEqualTo(p.diff());
        assertThat(dir.resolve(".cargo")).doesNotExist();
    }

    // ---- bad input: exit 2, a file:line:col message, nothing written

    void refused(String configText, String... expected) throws Exception {
        Path m = crate(PKG);
        Path c = config(configText);
        CliRun r = CliRun.run("apply", "--goal", "fast-runtime", "--target-cpu", "x86-64-v3", "--manifest-path", m.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(expected);
        assertThat(Files.readString(m)).isEqualTo(PKG);
        assertThat(Files.readString(c)).isEqualTo(configText);
    }

    @Test
    void aMalformedConfigFileIsRefusedWithItsLocation() throws Exception {
        refused("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\",\n", shown(dir.resolve(".cargo/config.toml")) + ":", "invalid TOML");
    }

    @Test
    void rustflagsOfTheWrongTypeAreRefusedWithTheirLocation() throws Exception {
        String cf = shown(dir.resolve(".cargo/config.toml"));
        refused("[target.x86_64-unknown-linux-gnu]\nrustflags = 3\n", cf + ":2:");
        refused("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C target-cpu=native\"]\n", cf + ":2:14: ", "split it into `\"-C\", \"target-cpu=native\"`");
    }

    @Test
    void anUnknownTargetCpuIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path m = crate(PKG);
        CliRun r = CliRun.run("apply", "--goal", "fast-runtime", "--target-cpu", "x86-64-v9", "--manifest-path", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --target-cpu: unknown CPU `x86-64-v9`").contains("did you mean");
        assertThat(Files.readString(m)).isEqualTo(PKG);
        assertThat(dir.resolve(".cargo")).doesNotExist();
        assertThatThrownBy(() -> plan(Request.goals("fast-runtime").targetCpu("x86-64-v9"))).isInstanceOf(AdvisorException.class);
    }

    static String[] cat(List<String> a, String[] b) {
        String[] out = new String[a.size() + b.length];
        for (int i = 0; i < a.size(); i++) out[i] = a.get(i);
        System.arraycopy(b, 0, out, a.size(), b.length);
        return out;
    }
}
