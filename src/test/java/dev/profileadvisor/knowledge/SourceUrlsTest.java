package dev.profileadvisor.knowledge;

import dev.profileadvisor.Problem;
import dev.profileadvisor.WorkingCopy;
import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rules lint}: every source URL is https:// or a file of the repository, never a path outside the project. */
class SourceUrlsTest {
    private static final String LAB = "url = \"docs/evidence/lab/README.md\"";

    @TempDir
    Path tmp;

    /** A working copy with the repository's evidence files beside its knowledge, as in a checkout. */
    private WorkingCopy checkout() throws IOException {
        WorkingCopy wc = new WorkingCopy(tmp);
        for (String f : List.of("docs/evidence/lab/README.md", "docs/evidence/cargo-1.95.md", "docs/evidence/measure/README.md")) {
            Files.createDirectories(tmp.resolve(f).getParent());
            Files.copy(Path.of(f), tmp.resolve(f));
        }
        return wc;
    }

    @Test
    void theRepositoryKnowledgeCitesOnlyHttpsAndFilesInTheRepository() {
        assertThat(KnowledgeLoader.lintSourceUrls(Optional.of(Path.of("knowledge")))).isEmpty();
        Knowledge k = KnowledgeLoader.load(Path.of("knowledge"), "knowledge");
        assertThat(k.sources().get("profile-lab").url()).isEqualTo("docs/evidence/lab/README.md");
        assertThat(k.sources().get("cargo-1-95-verified").url()).isEqualTo("docs/evidence/cargo-1.95.md");
        k.sources().values().stream().filter(s -> !s.url().startsWith("https://"))
                .forEach(s -> assertThat(Path.of(s.url())).as(s.key()).isRegularFile());
    }

    @Test
    void theBundledKnowledgeHasOnlyWellFormedUrls() {
        assertThat(KnowledgeLoader.lintSourceUrls(Optional.empty())).isEmpty();
    }

    @Test
    void aCheckoutWithItsEvidencePasses() throws IOException {
        assertThat(KnowledgeLoader.lintSourceUrls(Optional.of(checkout().knowledge))).isEmpty();
    }

    @Test
    void aFileUrlOutsideTheRepositoryIsReportedAtItsValue() throws IOException {
        WorkingCopy wc = checkout();
        int line = WorkingCopy.edit(wc.knowledge.resolve("sources.toml"), LAB, "url = \"file:shared/lab/README.md\"");
        assertThat(KnowledgeLoader.lintSourceUrls(Optional.of(wc.knowledge))).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo(wc.knowledge + "/sources.toml"))
                .hasToString(wc.knowledge + "/sources.toml:" + line + ":7: source `profile-lab` has URL "
                        + "`file:shared/lab/README.md`, which is neither https:// nor a file in the repository");
    }

    @Test
    void aMissingFileAPathOutOfTheRepositoryAndPlainHttpAreReported() throws IOException {
        WorkingCopy wc = checkout();
        Path sources = wc.knowledge.resolve("sources.toml");
        WorkingCopy.edit(sources, LAB, "url = \"docs/evidence/lab/NOPE.md\"");
        WorkingCopy.edit(sources, "url = \"docs/evidence/cargo-1.95.md\"", "url = \"../shared/reference/cargo-profiles.md\"");
        WorkingCopy.edit(sources, "url = \"https://github.com/johnthagen/min-sized-rust\"", "url = \"http://github.com/johnthagen/min-sized-rust\"");
        assertThat(KnowledgeLoader.lintSourceUrls(Optional.of(wc.knowledge))).extracting(Problem::message).containsExactlyInAnyOrder(
                "source `min-sized-rust` has URL `http://github.com/johnthagen/min-sized-rust`, which is neither https:// nor a file in the repository",
                "source `profile-lab` has URL `docs/evidence/lab/NOPE.md`, which is neither https:// nor a file in the repository",
                "source `cargo-1-95-verified` has URL `../shared/reference/cargo-profiles.md`, which is neither https:// nor a file in the repository");
    }

    @Test
    void rulesLintFailsOnSuchAUrl() throws IOException {
        WorkingCopy wc = checkout();
        int line = WorkingCopy.edit(wc.knowledge.resolve("sources.toml"), LAB, "url = \"file:shared/lab/README.md\"");
        CliRun lint = CliRun.run("rules", "lint", "--knowledge", wc.knowledge.toString());
        assertThat(lint.code()).isEqualTo(1);
        assertThat(lint.out()).contains(wc.knowledge + "/sources.toml:" + line + ":7: error: source `profile-lab` has URL "
                + "`file:shared/lab/README.md`, which is neither https:// nor a file in the repository [rules-lint]")
                .containsPattern("rules lint: \\d+ rules, 1 problem\n");
    }
}
