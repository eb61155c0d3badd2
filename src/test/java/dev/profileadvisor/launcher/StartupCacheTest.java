package dev.profileadvisor.launcher;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's start-up cache (a class-data-sharing archive) never gives a wrong answer and never fails a
 * command: after a changed knowledge file, a changed rule file (each rebuilds the jar), with a corrupt or an
 * unreadable archive, and under another JDK. Runs the real launcher on a copy of the project, so it builds the jar
 * three times (about a minute each on a busy 2-core machine).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupCacheTest {
    static Path repo;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void copyProject() throws IOException {
        repo = Files.createTempDirectory("cpa-launcher-");
        for (String part : List.of("pom.xml", "bin", "src/main", "rules", "knowledge")) copy(Path.of(part), repo.resolve(part));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static Run launch(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("bin/cargo-profile-advisor").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile());
        pb.environment().put("CPA_QUIET_BUILD", "1");
        pb.environment().remove("CPA_NO_CDS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("launch", ".out");
        Path err = Files.createTempFile("launch", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    static Run recommend(String... goals) throws Exception {
        List<String> args = new ArrayList<>(List.of("recommend", "--format", "toml"));
        for (String g : goals) args.addAll(List.of("--goal", g));
        return launch(Map.of(), args.toArray(String[]::new));
    }

    static List<Path> archives() throws IOException {
        Path dir = repo.resolve("target/cds");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("cpa-\\d+\\.jsa")).sorted().toList();
        }
    }

    static List<Path> compiledRules() throws IOException {
        Path dir = repo.resolve("target/cds");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("rules-(recommend|audit)-[0-9a-f]+\\.ser")).sorted().toList();
        }
    }

    /** Edits a file of the copy and moves its time forward, so the launcher sees it as newer than the jar. */
    static void edit(String file, String from, String to) throws IOException {
        Path p = repo.resolve(file);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
    }

    @Test
    @Order(1)
    void theFirstRunBuildsTheJarAndRecordsTheArchive() throws Exception {
        Run r = recommend("small-binary");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
        assertThat(archives()).hasSize(1);
        assertThat(compiledRules()).hasSize(2);
    }

    @Test
    @Order(2)
    void aCorruptArchiveIsIgnoredSilently() throws Exception {
        Path archive = archives().get(0);
        byte[] noise = new byte[100_000];
        new java.util.Random(42).nextBytes(noise);
        archive.toFile().setWritable(true);
        Files.write(archive, noise);
        Run r = recommend("small-binary");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @Order(3)
    void anUnreadableArchiveIsIgnoredSilently() throws Exception {
        Path archive = archives().get(0);
        Files.delete(archive);
        // Tests run as root here, and root reads any file whatever its mode: a directory in the archive's place
        // is what cannot be read as an archive.
        Files.createDirectories(archive.resolve("junk"));
        Run r = recommend("small-binary");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
        assertThat(archive).isRegularFile(); // the launcher replaced it with a real archive
        Files.writeString(archive, ""); // and an empty archive is ignored too
        Run empty = recommend("small-binary");
        assertThat(empty.out()).contains("lto = \"fat\"");
        assertThat(empty.err()).isEmpty();
    }

    @Test
    @Order(4)
    void aCorruptCompiledRulesFileIsRecompiledSilently() throws Exception {
        List<Path> compiled = compiledRules();
        assertThat(compiled).hasSize(2); // recommend and audit, written by the warm-up run after the build
        byte[] noise = new byte[20_000];
        new java.util.Random(3).nextBytes(noise);
        for (Path p : compiled) Files.write(p, noise);
        Run r = recommend("small-binary");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
        Path manifest = repo.resolve("demo/Cargo.toml");
        Files.createDirectories(manifest.getParent());
        Files.writeString(manifest, "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n\n[profile.release]\ncodegen-unit = 1\n");
        Run audit = launch(Map.of(), "audit", "--manifest-path", manifest.toString(), "--findings-only");
        assertThat(audit.code()).as(audit.err()).isZero(); // a warning, below the default --fail-on error
        assertThat(audit.out()).contains("did you mean `codegen-units`? [unknown-profile-key]");
        assertThat(audit.err()).isEmpty();
        for (Path p : compiledRules()) assertThat(Files.readAllBytes(p)).as("replaced: " + p).isNotEqualTo(noise);
    }

    @Test
    @Order(5)
    void aChangedKnowledgeFileRebuildsAndGivesTheNewAnswer() throws Exception {
        recommend("small-binary"); // records a fresh archive for the current jar
        List<Path> before = archives();
        // fat LTO no longer helps size: small-binary must move to thin LTO
        edit("knowledge/effects.toml", "value = \"fat\"\nruntime = 3\nsize = 2", "value = \"fat\"\nruntime = 3\nsize = -3");
        Run r = recommend("small-binary");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lto = \"thin\"").doesNotContain("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
        assertThat(archives()).hasSize(1).doesNotContainAnyElementsOf(before);
    }

    @Test
    @Order(6)
    void aChangedRuleFileRebuildsAndGivesTheNewAnswer() throws Exception {
        assertThat(recommend("small-binary", "catch-panics").out()).doesNotContain("panic");
        edit("rules/recommend/20-constraints.drl", "GoalRequest( goal == \"catch-panics\" )", "GoalRequest( goal == \"no-such-goal\" )");
        Run r = recommend("small-binary", "catch-panics");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("panic = \"abort\"");
        assertThat(r.err()).isEmpty();
    }

    @Test
    @Order(7)
    void anotherJdkGetsItsOwnArchive() throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java25), "this machine kind has Temurin 25 under /usr/lib/jvm");
        List<Path> before = archives();
        Run r = launch(Map.of("JAVA", java25.toString()), "recommend", "--format", "toml", "--goal", "small-binary", "--goal", "catch-panics");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("panic = \"abort\"");
        assertThat(r.err()).isEmpty();
        assertThat(archives()).hasSize(before.size() + 1).containsAll(before);
    }
}
