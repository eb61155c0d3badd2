package dev.profileadvisor.edit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff generator against GNU {@code diff -u} (byte for byte) and {@code git apply} (the diff applies). */
class UnifiedDiffTest {
    @TempDir
    Path dir;

    record Case(String name, String before, String after) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    static List<Case> cases() {
        String body = numbered(1, 20);
        return List.of(
                new Case("one line changed in the middle", body, body.replace("line 10\n", "line ten\n")),
                new Case("lines added at the end", body, body + "\n[profile.release]\nlto = true\n"),
                new Case("lines added at the start", body, "first\nsecond\n" + body),
                new Case("two far changes make two hunks", body, body.replace("line 2\n", "two\n").replace("line 18\n", "eighteen\n")),
                new Case("two near changes make one hunk", body, body.replace("line 5\n", "five\n").replace("line 11\n", "eleven\n")),
                new Case("changes seven lines apart make two hunks", body, body.replace("line 5\n", "five\n").replace("line 12\n", "twelve\n")),
                new Case("a change with inserted lines", body, body.replace("line 7\n", "seven\nextra a\nextra b\n")),
                new Case("a line removed", body, body.replace("line 9\n", "")),
                new Case("no final newline, lines added after it", "a\nb\nc", "a\nb\nc\n\n[profile.release]\nlto = true"),
                new Case("a final newline added", "a\nb\nc", "a\nb\nc\n"),
                new Case("a final newline removed", "a\nb\nc\n", "a\nb\nc"),
                new Case("crlf lines", body.replace("\n", "\r\n"), body.replace("line 4\n", "line 4\nlto = true\n").replace("\n", "\r\n")),
                new Case("from an empty file", "", "a\nb\n"),
                new Case("a short file", "x\n", "y\n"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isByteForByteWhatGnuDiffPrints(Case c) throws Exception {
        Path a = Files.writeString(dir.resolve("a"), c.before());
        Path b = Files.writeString(dir.resolve("b"), c.after());
        String gnu = run(dir, "diff", "-u", "--label", "a/Cargo.toml", "--label", "b/Cargo.toml", a.toString(), b.toString());
        assertThat(UnifiedDiff.of(c.before(), c.after(), "a/Cargo.toml", "b/Cargo.toml")).isEqualTo(gnu);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void appliesWithGitApply(Case c) throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), c.before());
        Path patch = Files.writeString(dir.resolve("change.patch"), UnifiedDiff.of(c.before(), c.after(), "a/Cargo.toml", "b/Cargo.toml"));
        run(dir, "git", "apply", "--unsafe-paths", "--whitespace=nowarn", patch.toString());
        assertThat(Files.readString(dir.resolve("Cargo.toml"))).isEqualTo(c.after());
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a\n", "a\n", "a/x", "b/x")).isEmpty();
    }

    @Test
    void aFileNameWithANewlineOrAnEscapeIsQuotedAsGitQuotesItAndTheDiffStillApplies() throws Exception {
        String name = "we\u001b[31mird\nname \"é\".toml";
        Path f = Files.writeString(dir.resolve(name), "lto = \"thin\"\n");
        String diff = UnifiedDiff.of("lto = \"thin\"\n", "lto = \"fat\"\n", "a/" + name, "b/" + name);
        assertThat(diff).startsWith("--- \"a/we\\033[31mird\\nname \\\"\\303\\251\\\".toml\"\n"
                + "+++ \"b/we\\033[31mird\\nname \\\"\\303\\251\\\".toml\"\n@@ -1 +1 @@\n");
        Path patch = Files.writeString(dir.resolve("change.patch"), diff);
        run(dir, "git", "apply", "--unsafe-paths", "--whitespace=nowarn", patch.toString());
        assertThat(Files.readString(f)).isEqualTo("lto = \"fat\"\n");
        assertThat(UnifiedDiff.quoted("a/Cargo.toml")).isEqualTo("a/Cargo.toml");
    }

    @Test
    void theScriptIsAShortestOne() {
        List<String> a = UnifiedDiff.lines("a\nb\nc\na\nb\nb\na\n");
        List<String> b = UnifiedDiff.lines("c\nb\na\nb\na\nc\n");
        long edits = UnifiedDiff.script(a, b).stream().filter(o -> o.kind() != ' ').count();
        assertThat(edits).isEqualTo(5); // Myers' paper: D = 5 for ABCABBA -> CBABAC
    }

    static String run(Path dir, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isLessThanOrEqualTo(1);
        Files.delete(out);
        return text;
    }
}
