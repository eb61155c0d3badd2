package dev.profileadvisor.launcher;

import dev.profileadvisor.launcher.LauncherCopy.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's start-up cache (a class-data-sharing archive) never gives a wrong answer and never fails a
 * command: after a changed knowledge file and a changed rule file (which rebuild the jar), with a corrupt or an
 * unreadable archive, and under another JDK; and the archive comes from the warm-up run only. Runs the real launcher
 * on a copy of the project. Maven builds the jar twice: on first use, and once for the knowledge and the rule edits
 * together; that each edit alone makes the launcher build is shown with an {@code mvn} that fails at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupCacheTest {
    static LauncherCopy copy;
    static Path repo;
    /** The archives before the knowledge and rule edits, and the builds until then. */
    static List<Path> beforeEdits;
    static int buildsBeforeEdits;

    /** A file under rules/ that the edits delete: it must not survive in the rebuilt jar. */
    static final String SCRATCH = "rules/scratch-notes.md";

    @BeforeAll
    static void copyProject() throws IOException {
        copy = LauncherCopy.create();
        repo = copy.repo;
        Files.writeString(repo.resolve(SCRATCH), "notes\n");
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (copy != null) copy.delete();
    }

    static boolean inJar(String entry) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(copy.jar().toFile())) {
            return zip.getEntry(entry) != null;
        }
    }

    static Run launch(Map<String, String> env, String... args) throws Exception {
        return copy.launch(env, args);
    }

    static String[] recommendArgs(String... goals) {
        List<String> args = new ArrayList<>(List.of("recommend", "--format", "toml"));
        for (String g : goals) args.addAll(List.of("--goal", g));
        return args.toArray(String[]::new);
    }

    static Run recommend(String... goals) throws Exception {
        return launch(Map.of(), recommendArgs(goals));
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

    /** {@code cpa-KEY.trained}: the size of the archive the launcher's warm-up recorded for that key. */
    static Path marker(Path archive) {
        return archive.resolveSibling(archive.getFileName().toString().replace(".jsa", ".trained"));
    }

    /** The archive is the one the warm-up recorded (the launcher checks the same before it uses one). */
    static void assertRecordedByWarmUp(Path archive) throws IOException {
        assertThat(archive).isRegularFile();
        assertThat(marker(archive)).as("written after a warm-up recording").isRegularFile();
        assertThat(Files.readString(marker(archive)).trim()).isEqualTo(Long.toString(Files.size(archive)));
    }

    static void edit(String file, String from, String to) throws IOException {
        copy.edit(file, from, to);
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
        assertThat(copy.mvnRuns()).isEqualTo(1);
        assertRecordedByWarmUp(archives().get(0));
        assertThat(inJar(SCRATCH)).isTrue();
    }

    @Test
    @Order(2)
    void aCorruptArchiveIsIgnoredSilently() throws Exception {
        Path archive = archives().get(0);
        byte[] noise = new byte[100_000];
        new java.util.Random(42).nextBytes(noise);
        archive.toFile().setWritable(true);
        // Over its first 100 kB, keeping its size: the launcher takes it for the warm-up's and hands it to the JVM,
        // which must reject it silently. (An archive of another size is recorded again; see below.)
        long size = Files.size(archive);
        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(noise), 0);
        }
        assertThat(Files.size(archive)).isEqualTo(size);
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
        assertRecordedByWarmUp(archive);
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

    /**
     * Issue 15 item 16: the archive was recorded from whatever command came first; after {@code recommend --help}
     * it held 2 MB of classes instead of 20-32 and was kept for good, and every run paid for the missing classes.
     */
    @Test
    @Order(5)
    void aHelpRunRecordsNothingAndAPartialArchiveIsRecordedAgain() throws Exception {
        Path archive = archives().get(0);
        Files.delete(archive);
        Files.delete(marker(archive));
        Run help = launch(Map.of(), "recommend", "--help");
        assertThat(help.code()).as(help.err()).isZero();
        assertThat(help.out()).contains("--goal");
        assertThat(help.err()).isEmpty();
        assertThat(archives()).as("a help run records no archive").isEmpty();

        // What the launcher used to leave: an archive recorded during `recommend --help`, with no marker.
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off", "-XX:ArchiveClassesAtExit=" + archive, "-jar", copy.jar().toString(), "recommend", "--help")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(archive).isRegularFile();
        long partial = Files.size(archive);

        Run r = recommend("small-binary");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
        assertRecordedByWarmUp(archive);
        assertThat(Files.size(archive)).as("recorded again by the warm-up").isGreaterThan(4 * partial);
        assertThat(archives()).hasSize(1);
    }

    /** Each edit alone makes the launcher build (here with an mvn that fails at once, so nothing is built). */
    @Test
    @Order(6)
    void aChangedKnowledgeOrRuleFileMakesTheLauncherBuild() throws Exception {
        beforeEdits = archives();
        assertThat(recommend("small-binary", "catch-panics").out()).doesNotContain("panic");
        int builds = copy.mvnRuns();
        FileTime built = Files.getLastModifiedTime(copy.jar());

        // fat LTO no longer helps size (its measured deltas turned into growth): small-binary must move to thin LTO
        edit("knowledge/measurements.toml", "value = \"fat\"\ncriterion = \"size\"\ndeltas = { hexyl = -",
                "value = \"fat\"\ncriterion = \"size\"\ndeltas = { a = 300, b = 300, c = 300, d = 300, e = 300, hexyl = -");
        Run k = copy.probe(Map.of(), recommendArgs("small-binary"));
        assertThat(copy.mvnRuns()).as("a changed knowledge file rebuilds").isEqualTo(builds + 1);
        assertThat(k.code()).isEqualTo(2);
        assertThat(k.err()).contains("error: building cargo-profile-advisor failed").contains("the previous jar is kept");
        assertThat(Files.getLastModifiedTime(copy.jar())).as("the failed build put the jar back").isEqualTo(built);

        // with --knowledge DIR the bundled knowledge is not read: no build, and the working copy answers
        Run own = copy.probe(Map.of(), "recommend", "--format", "toml", "--goal", "small-binary", "--knowledge", "knowledge");
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(own.out()).contains("lto = \"thin\"");
        assertThat(copy.mvnRuns()).isEqualTo(builds + 1);

        edit("rules/recommend/20-constraints.drl", "GoalRequest( goal == \"catch-panics\" )", "GoalRequest( goal == \"no-such-goal\" )");
        copy.probe(Map.of(), "recommend", "--format", "toml", "--goal", "small-binary", "--knowledge", "knowledge");
        assertThat(copy.mvnRuns()).as("a changed rule file rebuilds").isEqualTo(builds + 2);
        buildsBeforeEdits = builds;
        Files.delete(repo.resolve(SCRATCH));
    }

    @Test
    @Order(7)
    void aChangedKnowledgeFileRebuildsAndGivesTheNewAnswer() throws Exception {
        Run r = recommend("small-binary");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("lto = \"thin\"").doesNotContain("lto = \"fat\"");
        assertThat(r.err()).isEmpty();
        assertThat(archives()).hasSize(1).doesNotContainAnyElementsOf(beforeEdits);
        assertThat(copy.mvnRuns()).as("built by Maven").isEqualTo(buildsBeforeEdits + 3);
        assertThat(inJar(SCRATCH)).as("a deleted file of rules/ is not in the rebuilt jar").isFalse();
    }

    @Test
    @Order(8)
    void aChangedRuleFileRebuildsAndGivesTheNewAnswer() throws Exception {
        Run r = recommend("small-binary", "catch-panics");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("panic = \"abort\"");
        assertThat(r.err()).isEmpty();
        assertThat(copy.mvnRuns()).as("by the same build").isEqualTo(buildsBeforeEdits + 3);
    }

    @Test
    @Order(9)
    void anotherJdkGetsItsOwnArchive() throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        Assumptions.assumeTrue(Files.isExecutable(java25), "this machine kind has Temurin 25 under /usr/lib/jvm");
        List<Path> before = archives();
        Run r = launch(Map.of("JAVA", java25.toString()), "recommend", "--format", "toml", "--goal", "small-binary", "--goal", "catch-panics");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("panic = \"abort\"");
        assertThat(r.err()).isEmpty();
        assertThat(archives()).hasSize(before.size() + 1).containsAll(before);
        for (Path a : archives()) assertRecordedByWarmUp(a);
    }
}
