package dev.profileadvisor.launcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 §5: two runs of a launcher whose jar is missing, started at once, build it once. The first to take
 * {@code target/.build.lock} builds; the other waits, finds the jar fresh once it has the lock, and runs it. The
 * program the launcher starts does not keep the lock, and a build stopped half-way is built again. Runs the real
 * launcher on a copy of the project (one build).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherLockTest {
    static LauncherCopy copy;
    static Path logs;

    @BeforeAll
    static void copyProject() throws Exception {
        copy = LauncherCopy.create();
        logs = Files.createDirectories(copy.root.resolve("logs"));
    }

    @AfterAll
    static void removeCopy() throws IOException {
        if (copy != null) copy.delete();
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    @Order(1)
    void twoRunsAtOnceBuildTheJarOnceAndGiveTheSameAnswer() throws Exception {
        String[] args = {"recommend", "--format", "toml", "--goal", "small-binary"};
        Map<String, String> notices = Map.of("CPA_QUIET_BUILD", "0"); // the build and waiting notices are read here
        Process a = copy.start(true, notices, logs.resolve("a.out"), logs.resolve("a.err"), args);
        Process b = copy.start(true, notices, logs.resolve("b.out"), logs.resolve("b.err"), args);
        try {
            assertThat(a.waitFor(300, TimeUnit.SECONDS)).as("first run finished").isTrue();
            assertThat(b.waitFor(300, TimeUnit.SECONDS)).as("second run finished").isTrue();
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
        String errA = Files.readString(logs.resolve("a.err")), errB = Files.readString(logs.resolve("b.err"));
        String outA = Files.readString(logs.resolve("a.out")), outB = Files.readString(logs.resolve("b.out"));
        assertThat(a.exitValue()).as(errA).isZero();
        assertThat(b.exitValue()).as(errB).isZero();
        assertThat(copy.mvnRuns()).as("Maven ran once").isEqualTo(1);
        String errs = errA + errB;
        assertThat(count(errs, "cargo-profile-advisor: building the jar")).as(errs).isEqualTo(1);
        assertThat(count(errs, "cargo-profile-advisor: waiting for another run to finish building the jar")).as(errs).isEqualTo(1);
        assertThat(outA).contains("lto = \"fat\"").isEqualTo(outB);
        assertThat(copy.repo.resolve("target/.build.lock")).isRegularFile();
        try (Stream<Path> s = Files.list(copy.repo.resolve("target/cds"))) {
            List<String> archives = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("cpa-\\d+\\.jsa")).toList();
            assertThat(archives).as("recorded once, by the run that built").hasSize(1);
        }
    }

    @Test
    @Order(2)
    void theProgramDoesNotHoldTheLock() throws Exception {
        Path out = logs.resolve("serve.out");
        Process serve = copy.start(true, Map.of(), out, logs.resolve("serve.err"), "serve", "--port", "0");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(out).contains("serving on") && System.nanoTime() < deadline && serve.isAlive()) Thread.sleep(100);
            assertThat(Files.readString(out)).as(Files.readString(logs.resolve("serve.err"))).contains("serving on");
            // while the server runs from the jar, another build can take the lock at once
            Process flock = new ProcessBuilder("flock", "-n", copy.repo.resolve("target/.build.lock").toString(), "true")
                    .redirectErrorStream(true).start();
            assertThat(flock.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(flock.exitValue()).as("flock -n target/.build.lock while the program runs").isZero();
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }

    /** What a build killed in the middle of shading leaves: a partial jar, newer than every source. */
    @Test
    @Order(3)
    void aBuildStoppedHalfWayIsBuiltAgainAndItsPartialJarNeverKept() throws Exception {
        Path jar = copy.jar(), previous = copy.repo.resolve("target/.previous-all.jar");
        java.nio.file.attribute.FileTime built = Files.getLastModifiedTime(jar);
        long size = Files.size(jar);
        Files.move(jar, previous); // the build moves the jar aside, then Maven starts writing the new one
        Files.writeString(jar, "PK partial");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.writeString(copy.repo.resolve("target/.build-incomplete"), "");
        int builds = copy.mvnRuns();
        LauncherCopy.Run r = copy.probe(Map.of(), "--version"); // this mvn fails at once
        assertThat(copy.mvnRuns()).as("built again, although the jar is newer than the sources").isEqualTo(builds + 1);
        assertThat(r.code()).isEqualTo(2);
        // the partial jar is gone and the last good one is back, not replaced by the partial one
        assertThat(Files.size(jar)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(jar)).isEqualTo(built);
        assertThat(previous).doesNotExist();
        assertThat(copy.repo.resolve("target/.build-incomplete")).doesNotExist();
    }
}
