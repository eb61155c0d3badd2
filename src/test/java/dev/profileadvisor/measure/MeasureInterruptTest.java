package dev.profileadvisor.measure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ctrl-C (or SIGTERM) during {@code measure}: the builds stop, the finished candidates are printed, nothing is left behind. */
class MeasureInterruptTest {
    @Test
    @Timeout(300)
    void ctrlCOrAKillStopsTheBuildsPrintsWhatFinishedAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path ws = MeasureCommandTest.workspace(dir);
        // a build script that takes 15 s, so the second candidate is surely still building when Ctrl-C comes
        MeasureCommandTest.write(ws.resolve("app/build.rs"), "fn main() {\n    println!(\"cargo:rerun-if-changed=build.rs\");\n"
                + "    println!(\"cargo:rustc-env=APP_BUILT=yes\");\n    std::thread::sleep(std::time::Duration::from_secs(15));\n}\n");
        Map<String, String> before = MeasureCommandTest.snapshot(dir);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.profileadvisor.cli.Main", "measure", "--goal", "small-binary",
                "--manifest-path", ws.toString(), "--candidates", "default,recommended,alternatives");
        Path printed = Files.createTempFile("measure-interrupt-", ".txt");
        pb.redirectOutput(printed.toFile());
        Process p = pb.start();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null && !line.contains("build recommended")) {
                // the default candidate is measured once the second build starts
            }
            assertThat(line).as("measure reached its second candidate").isNotNull();
            Thread.sleep(3000); // into cargo's build of the plan: its build script sleeps 15 s
            // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT (exit 143 instead of 130); SIGINT itself cannot be
            // tested reliably: a shell that starts CI in the background makes its children ignore it, and so the JVM
            p.destroy();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        String out = Files.readString(printed);
        Files.delete(printed);
        assertThat(p.exitValue()).as(out).isEqualTo(143);
        assertThat(out).contains("STOPPED before the end").containsPattern("default\\s+[0-9,]+");
        assertThat(out).doesNotContain("alt-");
        assertThat(ws.resolve("target/profile-advisor")).doesNotExist();
        assertThat(MeasureCommandTest.snapshot(dir)).isEqualTo(before);
        assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(ws.toString())).count())
                .as("no cargo or rustc of the measurement still runs").isZero();
    }
}
