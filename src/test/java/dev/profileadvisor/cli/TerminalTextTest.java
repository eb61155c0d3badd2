package dev.profileadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terminal injection: what a hostile manifest, path or argument holds is shown escaped in text output, so it cannot
 * clear the screen, colour the output, return the cursor or fake a line such as the audit's summary.
 */
class TerminalTextTest {
    static final String HOSTILE = "x\u001b[2J\u001b[31mFAKE\naudit: 0 errors\r";

    @TempDir
    Path dir;

    @Test
    void aLineShowsEveryControlCharacterAsAnEscape() {
        assertThat(TerminalText.line(HOSTILE)).isEqualTo("x\\u{1b}[2J\\u{1b}[31mFAKE\\naudit: 0 errors\\r");
        assertThat(TerminalText.line("a\tb\u0007\u007f\u009b\u202eevil")).isEqualTo("a\\tb\\u{7}\\u{7f}\\u{9b}\\u{202e}evil");
        assertThat(TerminalText.line("lto = \"fat\" → ok")).isEqualTo("lto = \"fat\" → ok");
    }

    @Test
    void theOutputStreamsKeepLinesCrlfAndTabsButEscapeTheRest() {
        StringWriter s = new StringWriter();
        PrintWriter w = TerminalText.writer(s);
        w.print("-lto = 1\r\n+lto = 2\r\n\tkept\n");
        w.print("bell\u0007 cr\rback esc\u001b[0m c1\u009b end\r");
        w.flush();
        assertThat(s).hasToString("-lto = 1\r\n+lto = 2\r\n\tkept\nbell\\u{7} cr\\rback esc\\u{1b}[0m c1\\u{9b} end\\r");
    }

    @Test
    void aHostileValueInAManifestCannotFakeTheAuditSummaryOrReachTheTerminal() throws Exception {
        Path m = Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[profile.release]\n"
                + "lto = \"x\\u001b[2J\\u001b[31mFAKE\\naudit: 0 errors\\r\"\n");
        CliRun r = CliRun.run("audit", "--manifest-path", m.toString());
        assertThat(r.code()).isEqualTo(1);
        assertNoControlCharacters(r.out() + r.err());
        List<String> summaries = r.out().lines().filter(l -> l.startsWith("audit:")).toList();
        assertThat(summaries).containsExactly("audit: 1 workspace, 1 error, 0 warnings, 0 notes");
        assertThat(r.out()).contains("error: invalid `lto`: `lto = \"x\\u{1b}[2J\\u{1b}[31mFAKE\\naudit: 0 errors\\r\"`");
    }

    @Test
    void aPathWithANewlineAndEscapesIsShownOnOneLineByApply() throws Exception {
        Path project = Files.createDirectories(dir.resolve("a\u001b[31m\nb"));
        Path m = Files.writeString(project.resolve("Cargo.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--dry-run", "--manifest-path", m.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertNoControlCharacters(r.out() + r.err());
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("applying small-binary to [profile.release] in ")
                .endsWith("a\\u{1b}[31m\\nb/Cargo.toml");
        assertThat(r.out()).startsWith("--- a/Cargo.toml\n+++ b/Cargo.toml\n"); // named from its own directory, above this one
    }

    @Test
    void anArgumentWithEscapesIsEchoedEscapedInTheError() {
        CliRun r = CliRun.run("explain", "lto\u001b[31m\naudit: 0 errors");
        assertThat(r.code()).isEqualTo(2);
        assertNoControlCharacters(r.err());
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("error: explain: nothing is called `lto\\u{1b}[31m\\naudit: 0 errors`");
    }

    static void assertNoControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && (c < 0x20 || c >= 0x7f && c <= 0x9f)) {
                throw new AssertionError("control character U+" + Integer.toHexString(c) + " at " + i + " in:\n" + text);
            }
        }
    }
}
