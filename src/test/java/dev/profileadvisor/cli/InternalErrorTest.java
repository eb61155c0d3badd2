package dev.profileadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An internal error, even one the JVM raises as an {@link Error}, is exit 3 with one line, not a stack trace. */
class InternalErrorTest {
    @TempDir
    Path dir;

    @Test
    void runningOutOfMemoryIsExitThreeWithOneLine() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        StringBuilder s = new StringBuilder("[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[package.metadata]\n");
        for (int i = 0; i < 200_000; i++) s.append('k').append(i).append("=1\n");
        Path m = Files.writeString(dir.resolve("Cargo.toml"), s);
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx40m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "audit", m.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(p.exitValue()).isEqualTo(Main.INTERNAL_ERROR);
        assertThat(Files.readAllLines(err)).containsExactly("error: internal error: out of memory (the launcher's heap is 256 MB;"
                + " CPA_JAVA_OPTS=-Xmx1g gives more); please report it with the input that caused it");
    }
}
