package dev.profileadvisor.audit;

import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audits every Cargo.toml of Debian's packaged crate sources (installed by {@code .ci/crate-corpus}): real
 * manifests written by hundreds of authors. No internal error is allowed; the count, the findings histogram and
 * the throughput are written to {@code target/corpus-report.md}.
 */
class CorpusAuditTest {
    static Path corpus() {
        String dir = System.getenv().getOrDefault("CPA_CRATE_CORPUS", "/usr/share/cargo/registry");
        return Path.of(dir);
    }

    @Test
    void everyRealManifestIsAuditedWithoutAnInternalError() throws Exception {
        Path corpus = corpus();
        long manifests;
        try (Stream<Path> walk = Files.walk(corpus)) {
            manifests = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).count();
        } catch (java.io.IOException e) {
            manifests = 0;
        }
        assertThat(manifests).as("Cargo.toml files under %s: run .ci/crate-corpus to install Debian's crate sources", corpus)
                .isGreaterThanOrEqualTo(100);

        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        AuditRequest request = new AuditRequest(List.of(corpus), List.of(), Map.of(), corpus);
        advisor.audit(request); // warm-up pass: JIT and file cache
        long start = System.nanoTime();
        AuditReport report = advisor.audit(request);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(report.errors()).as("inputs that could not be audited").allSatisfy(p ->
                assertThat(p.message()).doesNotContain("Exception").doesNotContain("internal"));
        assertThat(report.workspaces().size() + report.errors().size()).isPositive();
        for (WorkspaceAudit w : report.workspaces()) {
            assertThat(w.profiles()).extracting(ProfileReport::name).contains("dev", "release", "test", "bench");
            for (ProfileReport p : w.profiles()) {
                if (p.problem().isEmpty()) assertThat(p.settings()).as(w.root() + " " + p.name()).hasSize(11);
            }
        }
        Map<String, Long> histogram = new TreeMap<>(report.findings().stream()
                .collect(Collectors.groupingBy(AuditFinding::id, Collectors.counting())));
        StringBuilder md = new StringBuilder("# Corpus audit\n\n")
                .append("- corpus: ").append(corpus).append(" (").append(manifests).append(" Cargo.toml files)\n")
                .append("- workspaces audited: ").append(report.workspaces().size()).append(", inputs not audited: ")
                .append(report.errors().size()).append('\n')
                .append(String.format("- second pass: %.2f s, %.0f manifests/s, %d cores%n", seconds, manifests / seconds,
                        Runtime.getRuntime().availableProcessors()))
                .append("\n| finding | count |\n|---|---:|\n");
        histogram.forEach((id, n) -> md.append("| `").append(id).append("` | ").append(n).append(" |\n"));
        report.errors().forEach(e -> md.append("\nnot audited: ").append(e));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/corpus-report.md"), md.toString());
        System.out.println(md);
    }
}
