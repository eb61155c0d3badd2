package dev.profileadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.catalog.HelpLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code docs --out DIR}, and {@code --docs-url} on the commands that link a rule. */
class DocsCommandTest {
    private static final String PAGE = "https://example.org/profile-advisor/index.html";

    @TempDir
    Path dir;

    private Path manifestWithStrippedDebugInfo() throws Exception {
        Path m = dir.resolve("Cargo.toml");
        Files.writeString(m, "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[profile.release]\ndebug = true\nstrip = true\n");
        return m;
    }

    @Test
    void docsWritesThePageItsStyleSheetAndItsScriptIntoANewDirectory() throws Exception {
        Path out = dir.resolve("site/catalogue");
        CliRun r = CliRun.run("docs", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(Main.OK);
        assertThat(r.out()).startsWith("wrote " + out.resolve("index.html") + " (").endsWith(" settings) and 2 more files\n");
        assertThat(Files.readString(out.resolve("index.html"))).contains("id=\"strip-discards-debuginfo\"", "<script src=\"catalogue.js\"></script>");
        assertThat(out.resolve("catalogue.css")).isNotEmptyFile();
        assertThat(out.resolve("catalogue.js")).isNotEmptyFile();
    }

    @Test
    void docsIntoAFileIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun r = CliRun.run("docs", "--out", file.toString());
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).isEqualTo("error: --out " + file + ": not a directory; give the directory to write the catalogue into\n");
        assertThat(file).hasContent("mine");
    }

    @Test
    void docsWithoutOutIsAUsageError() {
        CliRun r = CliRun.run("docs");
        assertThat(r.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(r.err()).contains("--out");
    }

    @Test
    void withADocsUrlAFindingLinksItsRulesEntry() throws Exception {
        Path m = manifestWithStrippedDebugInfo();
        CliRun plain = CliRun.run("audit", m.toString(), "--fail-on", "never");
        assertThat(plain.out()).contains("[strip-discards-debuginfo]").doesNotContain("= docs:");
        CliRun linked = CliRun.run("audit", m.toString(), "--fail-on", "never", "--docs-url", PAGE);
        assertThat(linked.out()).contains("[strip-discards-debuginfo]\n", "  = docs: " + PAGE + "#strip-discards-debuginfo\n");
    }

    @Test
    void sarifHelpUriIsTheRulesEntryWithADocsUrlAndTheRepositoryDocsWithout() throws Exception {
        Path m = manifestWithStrippedDebugInfo();
        JsonNode linked = rule(CliRun.run("audit", m.toString(), "--format", "sarif", "--fail-on", "never", "--docs-url", PAGE).out());
        assertThat(linked.get("helpUri").asText()).isEqualTo(PAGE + "#strip-discards-debuginfo");
        JsonNode plain = rule(CliRun.run("audit", m.toString(), "--format", "sarif", "--fail-on", "never").out());
        assertThat(plain.get("helpUri").asText()).isEqualTo(HelpLinks.REPOSITORY_DOCS);
    }

    private static JsonNode rule(String sarif) throws Exception {
        for (JsonNode r : new ObjectMapper().readTree(sarif).get("runs").get(0).get("tool").get("driver").get("rules")) {
            if (r.get("id").asText().equals("strip-discards-debuginfo")) return r;
        }
        throw new AssertionError("no strip-discards-debuginfo in tool.driver.rules");
    }

    @Test
    void explainOfARuleLinksItsEntryWithADocsUrl() {
        CliRun r = CliRun.run("explain", "strip-discards-debuginfo", "--docs-url", PAGE);
        assertThat(r.code()).isEqualTo(Main.OK);
        assertThat(r.out()).endsWith("  = docs: " + PAGE + "#strip-discards-debuginfo\n");
        assertThat(CliRun.run("explain", "strip-discards-debuginfo").out()).doesNotContain("= docs:");
    }

    @Test
    void aDocsUrlThatIsNotAPageIsAUsageError() {
        CliRun fragment = CliRun.run("explain", "lto", "--docs-url", PAGE + "#rules");
        assertThat(fragment.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(fragment.err()).startsWith("error: --docs-url `" + PAGE + "#rules` has a fragment; give the page without `#…`");
        CliRun relative = CliRun.run("audit", "--docs-url", "catalogue/index.html");
        assertThat(relative.code()).isEqualTo(Main.BAD_INPUT);
        assertThat(relative.err()).startsWith("error: --docs-url `catalogue/index.html` is not an absolute http, https or file URL");
    }
}
