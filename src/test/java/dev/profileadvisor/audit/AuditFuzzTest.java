package dev.profileadvisor.audit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profileadvisor.cli.CliRun;
import dev.profileadvisor.fuzz.FuzzInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code audit} end to end, as a user runs it, on a fuzzed {@code Cargo.toml} and {@code .cargo/config.toml}
 * written into a scratch workspace: the exit code is 0, 1 or 2 (never 3, an internal error), and nothing printed is a
 * stack trace. The format (text, JSON, SARIF) and whether a goal is given follow from the input's length, so the
 * fuzzer reaches every renderer.
 *
 * <p>Inputs whose paths leave the scratch directory ({@code ..}, an absolute path) are skipped: a {@code members}
 * glob over {@code /} would only measure the machine's file system. {@code BadInputCatalogTest} covers those.
 */
class AuditFuzzTest {
    private static Path dir;

    @BeforeAll
    static void scratch() throws IOException {
        dir = Files.createTempDirectory("cpa-audit-fuzz");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"warm\"\nversion = \"0.1.0\"\n");
        // compiles the audit and recommend rules once, outside the inputs' time limit
        assertThat(CliRun.run("audit", dir.toString(), "--goal", "small-binary").code()).isZero();
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @FuzzTest
    @Timeout(10)
    void auditExitsWithAVerdictAndNoStackTrace(byte[] data) throws IOException {
        Optional<FuzzInput> input = FuzzInput.of(data);
        if (input.isEmpty() || leavesTheDirectory(input.get())) return;
        FuzzInput in = input.get();
        Files.writeString(dir.resolve("Cargo.toml"), in.manifest());
        Path config = dir.resolve(".cargo/config.toml");
        if (in.config().isPresent()) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, in.config().get());
        } else {
            Files.deleteIfExists(config);
        }
        List<String> args = new ArrayList<>(List.of("audit", dir.toString(), "--format", List.of("text", "json", "sarif").get(data.length % 3)));
        if (data.length / 3 % 2 == 1) args.addAll(List.of("--goal", "small-binary"));

        CliRun r = CliRun.run(args.toArray(String[]::new));

        assertThat(r.code()).as("exit code; stderr:\n%s", r.err()).isBetween(0, 2);
        assertThat(r.err() + r.out()).as("no stack trace").doesNotContainPattern("(?m)^\\s+at [\\w.$/<>]+\\(");
        if (r.code() == 2) assertThat(r.err()).as("a refusal says why").contains("error: ");
    }

    private static boolean leavesTheDirectory(FuzzInput in) {
        String all = in.manifest() + in.config().orElse("");
        return all.contains("..") || all.contains("\"/") || all.contains("'/") || all.contains("~");
    }
}
