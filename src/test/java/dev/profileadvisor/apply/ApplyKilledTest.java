package dev.profileadvisor.apply;

import dev.profileadvisor.cli.CliRun;
import dev.profileadvisor.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code apply} command in its own JVM, killed with SIGKILL at a random moment just after it has said what
 * it applies (when it is about to write): the manifest and {@code .cargo/config.toml} are each their old or their new
 * content, and the next apply removes any temporary file left. A JVM start with every rule compiled costs seconds, so
 * this runs a few times ({@code -Dcpa.faults.apply-kills=N}); {@code SafeWriteFaultsTest} kills the write itself
 * hundreds of times.
 */
class ApplyKilledTest {
    static final int KILLS = Integer.getInteger("cpa.faults.apply-kills", 4);
    static final String BEFORE = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[profile.release]\nlto = \"thin\"\n";
    static final String CONFIG = "[build]\njobs = 2\n";
    static final List<String> GOALS = List.of("--goal", "fast-runtime", "--goal", "profilable", "--target-cpu", "x86-64-v3");

    @TempDir
    Path dir;

    @Test
    void anApplyKilledAsItWritesLeavesEachFileOldOrNewAndTheNextApplyCleansUp() throws Exception {
        Path m = project();
        Path config = dir.resolve(".cargo/config.toml");
        String[] args = args(m, false);
        CliRun done = CliRun.run(args); // in this JVM: what a run that is not killed writes
        assertThat(done.code()).as(done.err()).isZero();
        String after = Files.readString(m);
        String configAfter = Files.readString(config);
        assertThat(after).isNotEqualTo(BEFORE);
        assertThat(configAfter).isNotEqualTo(CONFIG);
        Random random = new Random(19);
        for (int i = 0; i < KILLS; i++) {
            project();
            Process p = new ProcessBuilder(command(m)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("applying fast-runtime + profilable to [profile.release]");
            Thread.sleep(random.nextInt(25));
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(m)).as("the manifest after kill %d", i).isIn(BEFORE, after);
            assertThat(Files.readString(config)).as("the config file after kill %d", i).isIn(CONFIG, configAfter);
        }
        CliRun next = CliRun.run(args);
        assertThat(next.code()).as(next.err()).isZero();
        assertThat(Files.readString(m)).isEqualTo(after);
        assertThat(names(dir)).containsExactly(".cargo", "Cargo.toml", "src");
        assertThat(names(config.getParent())).containsExactly("config.toml");
    }

    Path project() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.createDirectories(dir.resolve(".cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), CONFIG);
        return Files.writeString(dir.resolve("Cargo.toml"), BEFORE);
    }

    static String[] args(Path m, boolean dryRun) {
        List<String> a = new java.util.ArrayList<>(List.of("apply", "--manifest-path", m.toString()));
        a.addAll(GOALS);
        if (dryRun) a.add("--dry-run");
        return a.toArray(String[]::new);
    }

    static List<String> command(Path m) {
        List<String> c = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        c.addAll(List.of(args(m, false)));
        return c;
    }

    static List<String> names(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
