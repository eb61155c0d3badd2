package dev.profileadvisor.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.cli.CliRun;
import dev.profileadvisor.json.Schemas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code measure} end to end with the real cargo on a generated workspace (two members, a path dependency outside
 * the workspace, a build script): what it reports is what a plain {@code cargo build} of the same settings produces,
 * and the user's files are byte for byte (and modification time) as they were.
 */
class MeasureCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String cargo;

    @BeforeAll
    static void findCargo() {
        cargo = Measurer.cargo(Map.of("PATH", System.getenv().getOrDefault("PATH", ""),
                "HOME", System.getProperty("user.home")));
    }

    /** Writes the workspace: root manifest (no profile), members app (bin, build script) and util (lib), helper outside. */
    static Path workspace(Path dir) throws IOException {
        Path ws = dir.resolve("ws");
        write(ws.resolve("Cargo.toml"), "[workspace]\nmembers = [\"app\", \"util\"]\nresolver = \"2\"\n");
        write(ws.resolve("app/Cargo.toml"), "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n"
                + "util = { path = \"../util\" }\nhelper = { path = \"../../helper\" }\n");
        write(ws.resolve("app/build.rs"), "fn main() {\n    println!(\"cargo:rerun-if-changed=build.rs\");\n    println!(\"cargo:rustc-env=APP_BUILT=yes\");\n}\n");
        write(ws.resolve("app/src/main.rs"), "fn main() {\n    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200_000);\n"
                + "    let v: Vec<u64> = (0..n).map(|i| util::mix(i) ^ helper::salt(i)).collect();\n"
                + "    println!(\"{} {}\", v.iter().fold(0u64, |a, b| a.wrapping_add(*b)), env!(\"APP_BUILT\"));\n}\n");
        write(ws.resolve("util/Cargo.toml"), "[package]\nname = \"util\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        write(ws.resolve("util/src/lib.rs"), "pub fn mix(x: u64) -> u64 {\n    x.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17)\n}\n");
        write(dir.resolve("helper/Cargo.toml"), "[package]\nname = \"helper\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
        write(dir.resolve("helper/src/lib.rs"), "pub fn salt(x: u64) -> u64 {\n    x % 7 + 3\n}\n");
        return ws;
    }

    @Test
    void reportsWhatAPlainCargoBuildOfTheSameSettingsProducesAndLeavesTheFilesAlone(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir);
        Map<String, String> before = snapshot(dir);
        long mainMtime = Files.getLastModifiedTime(ws.resolve("app/src/main.rs")).toMillis();
        Path out = dir.resolve("out");

        CliRun run = CliRun.run("measure", "--goal", "small-binary", "--manifest-path", ws.toString(),
                "--candidates", "default,recommended", "--try", "opt-level=1,debug=\"line-tables-only\"",
                "--run", "{bin} 1000", "--runs", "2", "--instructions", "none", "--format", "json", "--out", out.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Schemas.problems("measure", run.out())).isEmpty();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("profile").asText()).isEqualTo("release");
        List<String> ids = new ArrayList<>();
        doc.path("candidates").forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).containsExactly("default", "recommended", "try-1");
        for (JsonNode c : doc.path("candidates")) {
            assertThat(c.path("error").isNull()).as(c.toString()).isTrue();
            assertThat(c.path("artifacts")).hasSize(1);
            JsonNode a = c.path("artifacts").get(0);
            assertThat(a.path("name").asText()).isEqualTo("app");
            assertThat(c.path("build").path("wallSeconds").asDouble()).isPositive();
            assertThat(c.path("rebuildSeconds").asDouble()).isPositive();
            assertThat(c.path("run").path("rounds").asInt()).isEqualTo(2);
        }
        JsonNode recommended = doc.path("candidates").get(1);
        assertThat(recommended.path("settings").path("strip").asText()).isEqualTo("symbols");
        assertThat(recommended.path("artifacts").get(0).path("symbols").asBoolean()).isFalse();
        JsonNode tried = doc.path("candidates").get(2);
        assertThat(tried.path("artifacts").get(0).path("lineTables").asBoolean()).as("debug = line-tables-only keeps line tables").isTrue();
        assertThat(doc.path("best").path("small-binary").asText()).isEqualTo("recommended");
        assertThat(doc.path("pareto").toString()).contains("recommended");

        assertThat(snapshot(dir)).as("the user's files, byte for byte; no Cargo.lock or target/ left behind")
                .isEqualTo(before);
        assertThat(Files.getLastModifiedTime(ws.resolve("app/src/main.rs")).toMillis()).isEqualTo(mainMtime);
        assertThat(out.resolve("measure.json")).exists();
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("measure.svg").toFile());
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(svg.getElementsByTagName("circle").getLength()).as("a point per candidate in each of the two panels").isEqualTo(6);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrder("measure.json", "measure.svg");

        // last, as the files are checked: each candidate's settings written into [profile.release], built by cargo itself
        for (JsonNode c : doc.path("candidates")) {
            Map<String, String> settings = new LinkedHashMap<>();
            c.path("settings").fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().toString()));
            long plain = plainBuild(dir, ws, settings);
            assertThat(c.path("artifacts").get(0).path("bytes").asLong()).as("%s against a plain cargo build of %s", c.path("id").asText(), settings)
                    .isEqualTo(plain);
        }
    }

    @Test
    void aCandidateThatFailsToBuildIsReportedWithCargosMessageAndTheOthersAreMeasured(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir);
        write(ws.resolve("util/src/lib.rs"), Files.readString(ws.resolve("util/src/lib.rs"))
                + "#[cfg(debug_assertions)]\ncompile_error!(\"util refuses debug assertions\");\n");
        Map<String, String> before = snapshot(dir);
        CliRun run = CliRun.run("measure", "--goal", "small-binary", "--manifest-path", ws.toString(), "--candidates", "default",
                "--try", "debug-assertions=true");
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("try-1").contains("failed").contains("util refuses debug assertions");
        assertThat(run.out()).containsPattern("default\\s+[0-9,]+");
        assertThat(snapshot(dir)).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedWithAMessageAndExitCode2(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir);
        Files.createDirectories(dir.resolve("empty"));
        CliRun notRust = CliRun.run("measure", "--goal", "small-binary", "--manifest-path", dir.resolve("empty").toString());
        assertThat(notRust.code()).isEqualTo(2);
        assertThat(notRust.err()).contains("not a Rust project");

        write(dir.resolve("rustfmt.toml"), "edition = \"2021\"\n");
        CliRun notManifest = CliRun.run("measure", "--goal", "small-binary", "--manifest-path", dir.resolve("rustfmt.toml").toString());
        assertThat(notManifest.code()).isEqualTo(2);
        assertThat(notManifest.err()).contains("not a Cargo.toml");

        write(ws.resolve("app/src/bin/other.rs"), "fn main() {}\n");
        CliRun twoBins = CliRun.run("measure", "--goal", "fast-runtime", "--manifest-path", ws.toString(), "--run", "{bin}");
        assertThat(twoBins.code()).isEqualTo(2);
        assertThat(twoBins.err()).contains("2 binaries").contains("--bin NAME");

        CliRun noBin = CliRun.run("measure", "--goal", "fast-runtime", "--manifest-path", ws.toString(), "--bin", "app", "--run", "true");
        assertThat(noBin.code()).isEqualTo(2);
        assertThat(noBin.err()).contains("has no `{bin}`");

        CliRun unknownBin = CliRun.run("measure", "--goal", "fast-runtime", "--manifest-path", ws.toString(), "--bin", "nope");
        assertThat(unknownBin.code()).isEqualTo(2);
        assertThat(unknownBin.err()).contains("no binary `nope`").contains("app, other");

        CliRun kind = CliRun.run("measure", "--goal", "small-binary", "--manifest-path", ws.toString(), "--candidates", "best");
        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("unknown candidate kind `best`");
        for (CliRun r : List.of(notRust, notManifest, twoBins, noBin, unknownBin, kind)) assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void aRunCommandThatFailsForEveryCandidateIsBadInput(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir);
        CliRun run = CliRun.run("measure", "--goal", "fast-runtime", "--manifest-path", ws.toString(), "--candidates", "default",
                "--run", "{bin} 10 && exit 7", "--runs", "1", "--instructions", "none");
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains("failed for every candidate").contains("exited with 7");
    }

    @Test
    void cargoMissingAndDependenciesItCannotFetchAreExplained(@TempDir Path dir) throws Exception {
        Path ws = workspace(dir);
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        Path home = Files.createDirectories(dir.resolve("home"));
        assertThatThrownBy(() -> advisor.measurer().measure(request(ws, Map.of("PATH", "/nonexistent", "HOME", home.toString())), MeasureProgress.NONE))
                .isInstanceOf(AdvisorException.class).hasMessageContaining("cargo is not on PATH").hasMessageContaining("rustup");

        write(ws.resolve("util/Cargo.toml"), "[package]\nname = \"util\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nitoa = \"1\"\n");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", Path.of(cargo).getParent() + ":/usr/bin:/bin");
        env.put("HOME", System.getProperty("user.home"));
        env.put("CARGO_HOME", Files.createDirectories(dir.resolve("cargo-home")).toString());
        env.put("RUSTUP_HOME", Path.of(System.getProperty("user.home"), ".rustup").toString());
        env.put("CARGO_NET_OFFLINE", "true");
        assertThatThrownBy(() -> advisor.measurer().measure(request(ws, env), MeasureProgress.NONE))
                .isInstanceOf(AdvisorException.class).hasMessageContaining("cannot fetch").hasMessageContaining("cargo vendor");
        assertThat(ws.resolve("Cargo.lock")).doesNotExist();
    }

    private static MeasureRequest request(Path ws, Map<String, String> env) {
        return new MeasureRequest(ws, List.of(GoalWeight.parse("small-binary")), Optional.empty(), Set.of("default"), List.of(),
                Optional.empty(), 1, 60, "none", Optional.empty(), OptionalInt.empty(), Optional.empty(), false, true, env);
    }

    /** Writes the settings into the workspace's [profile.release], builds it with cargo, puts the manifest back: the binary's size. */
    private static long plainBuild(Path dir, Path ws, Map<String, String> settings) throws Exception {
        Path manifest = ws.resolve("Cargo.toml");
        String original = Files.readString(manifest);
        StringBuilder profile = new StringBuilder(original).append("\n[profile.release]\n");
        settings.forEach((k, v) -> profile.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(manifest, profile);
        try {
            Path target = dir.resolve("plain-target");
            Process p = new ProcessBuilder(cargo, "build", "--release", "--quiet", "--manifest-path", manifest.toString(),
                    "--target-dir", target.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            long size = Files.size(target.resolve("release/app"));
            deleteTree(target);
            return size;
        } finally {
            Files.writeString(manifest, original);
        }
    }

    /** Every file under dir (but out/ and plain-*), path → SHA-256. */
    static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (rel.startsWith("out/") || rel.startsWith("home/") || rel.startsWith("cargo-home/")) continue;
                out.put(rel, HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
