package dev.profileadvisor.guide;

import dev.profileadvisor.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code guide} as a user meets it: in its own JVM on a real terminal (tmux), keys typed, the pane read back; and
 * without a terminal.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class GuideTerminalTest {
    private static final String MANIFEST = """
            [package]
            name = "demo"
            version = "0.1.0"
            edition = "2021"

            [profile.release]
            lto = "thin" # fast enough

            [profile.dist]
            inherits = "release"
            """;

    /** The program as a shell runs it: {@code java -cp … Main}, with the launcher's JVM flags for a quick start. */
    private static String java() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return ApplyCommandLine.quote(java.toString()) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "
                + ApplyCommandLine.quote(System.getProperty("java.class.path")) + " " + Main.class.getName();
    }

    private static Path crate(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("Cargo.toml"), MANIFEST);
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        return dir;
    }

    /** Every file under the directory → its SHA-256. */
    private static Map<String, String> checksums(Path dir) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                sums.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return sums;
    }

    /** The last line after "the same from a script:" (the pane joins wrapped lines). */
    private static String printedCommand(String screen) {
        Matcher m = Pattern.compile("the same from a script:\n  (cargo-profile-advisor apply [^\n]+)\n").matcher(screen);
        String last = null;
        while (m.find()) last = m.group(1);
        assertThat(last).as("the printed apply command in:\n" + screen).isNotNull();
        return last;
    }

    @Test
    void acceptingWritesExactlyWhatThePrintedApplyCommandWrites(@TempDir Path tmp) throws Exception {
        Path guided = crate(tmp.resolve("guided/my crate"));
        Path scripted = crate(tmp.resolve("scripted/my crate"));
        String before = Files.readString(guided.resolve("Cargo.toml"));

        String screen;
        int exit;
        try (Tmux t = Tmux.start(guided.getParent(), java() + " guide --manifest-path 'my crate'", tmp.resolve("tmux"))) {
            screen = t.await("the profile question", s -> s.contains("profile (--profile"));
            assertThat(screen).contains("a plan for my crate/Cargo.toml")
                    .containsPattern("release +in force: lto \\(my crate/Cargo.toml:7:1\\)")
                    .containsPattern("dist +the project's own, inherits release; in force: lto \\(my crate/Cargo.toml:7:1\\)");
            t.type("dis");
            t.press("Tab");
            t.await("`dist` completed", s -> s.contains("chosen by the goals): dist"));
            t.press("Enter");
            t.await("the goal question", s -> s.contains("goals (--goal"));
            t.type("smallest binary=3, fast-c");
            t.press("Tab");
            t.await("`fast-compile` completed", s -> s.contains("smallest binary=3, fast-compile"));
            t.press("Enter");
            screen = t.await("the plan and its diff", s -> s.contains("[a]pply, edit [w]eights"));
            assertThat(screen).contains("Why each line").contains("--- a/my crate/Cargo.toml\n+++ b/my crate/Cargo.toml\n")
                    .contains("\n+opt-level = \"z\"\n")
                    .contains("cargo-profile-advisor apply --goal small-binary=3 --goal fast-compile --profile dist --manifest-path 'my crate'");
            assertThat(Files.readString(guided.resolve("Cargo.toml"))).as("nothing written before accepting").isEqualTo(before);

            t.type("w");
            t.press("Enter");
            t.await("the first weight question", s -> s.contains("weight of small-binary (1-10) [3]: "));
            t.type("5");
            t.press("Enter");
            t.await("the second weight question", s -> s.contains("weight of fast-compile (1-10) [1]: "));
            t.press("Enter");
            t.await("the plan with the new weight", s -> s.contains("--goal small-binary=5 --goal fast-compile --profile dist"));
            t.await("the question after it", s -> s.split("\\[a]pply, edit \\[w]eights", -1).length == 3);
            t.type("a");
            t.press("Enter");
            exit = t.awaitExit();
            screen = t.screen();
        }
        assertThat(exit).as("exit status; the terminal showed:\n" + screen).isZero();
        assertThat(screen).contains("wrote my crate/Cargo.toml\ndone; the same from a script:\n");
        String command = printedCommand(screen);
        assertThat(command).isEqualTo("cargo-profile-advisor apply --goal small-binary=5 --goal fast-compile --profile dist --manifest-path 'my crate'");
        String after = Files.readString(guided.resolve("Cargo.toml"));
        assertThat(after).isNotEqualTo(before).contains("[profile.dist]\ninherits = \"release\"\n");

        // the printed command, run by a shell on an untouched copy, writes the same bytes
        Process p = new ProcessBuilder("bash", "-c", "cargo-profile-advisor() { " + java() + " \"$@\"; }; " + command)
                .directory(scripted.getParent().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(Files.readAllBytes(scripted.resolve("Cargo.toml"))).isEqualTo(Files.readAllBytes(guided.resolve("Cargo.toml")));
        assertThat(checksums(scripted)).isEqualTo(checksums(guided));
    }

    @Test
    void quittingAfterSeeingThePlanWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = crate(tmp.resolve("crate"));
        Map<String, String> before = checksums(dir);

        String screen;
        int exit;
        try (Tmux t = Tmux.start(dir, java() + " guide", tmp.resolve("tmux"))) {
            t.await("the profile question", s -> s.contains("profile (--profile"));
            t.press("Enter");
            t.await("the goal question", s -> s.contains("goals (--goal"));
            t.type("fast-runtime, profilable");
            t.press("Enter");
            screen = t.await("the plan and its diff", s -> s.contains("[a]pply, edit [w]eights"));
            assertThat(screen).contains("+++ b/Cargo.toml");
            t.type("q");
            t.press("Enter");
            exit = t.awaitExit();
            screen = t.screen();
        }
        assertThat(exit).isZero();
        assertThat(screen).contains("quit: nothing written; to apply these choices later:\n  cargo-profile-advisor apply --goal fast-runtime --goal profilable\n");
        assertThat(checksums(dir)).as("every file as it was, and no new one (.cargo/config.toml)").isEqualTo(before);
    }

    @Test
    void ctrlCAtAQuestionQuitsAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path dir = crate(tmp.resolve("crate"));
        Map<String, String> before = checksums(dir);

        String screen;
        int exit;
        try (Tmux t = Tmux.start(dir, java() + " guide", tmp.resolve("tmux"))) {
            t.await("the profile question", s -> s.contains("profile (--profile"));
            t.type("release");
            t.press("Enter");
            t.await("the goal question", s -> s.contains("goals (--goal"));
            t.type("small-bin");
            t.press("C-c");
            exit = t.awaitExit();
            screen = t.screen();
        }
        assertThat(exit).isZero();
        assertThat(screen).contains("quit: nothing written; the same from a script:\n"
                + "  cargo-profile-advisor apply --goal GOAL[=WEIGHT] [--profile NAME]\n");
        assertThat(checksums(dir)).isEqualTo(before);
    }

    @Test
    void withoutATerminalItRefusesWithExitTwoAndNamesTheApplyCommand(@TempDir Path tmp) throws Exception {
        Path dir = crate(tmp.resolve("crate"));
        Map<String, String> before = checksums(dir);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "guide", "--manifest-path", dir.toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(out).isEmpty();
        assertThat(err).isEqualTo("error: guide: needs a terminal (standard input and output are not both one); run the equivalent "
                + "command instead: `cargo-profile-advisor apply --goal GOAL[=WEIGHT] [--profile NAME] --manifest-path "
                + ApplyCommandLine.quote(dir.toString()) + "`\n");
        assertThat(checksums(dir)).isEqualTo(before);
    }

    @Test
    void aTerminalOnStandardInputAloneIsNotEnough(@TempDir Path tmp) throws Exception {
        Path dir = crate(tmp.resolve("crate"));
        Path out = tmp.resolve("out.txt");
        int exit;
        try (Tmux t = Tmux.start(dir, java() + " guide > " + ApplyCommandLine.quote(out.toString()) + " 2>&1", tmp.resolve("tmux"))) {
            exit = t.awaitExit();
        }
        assertThat(exit).isEqualTo(2);
        assertThat(Files.readString(out)).startsWith("error: guide: needs a terminal").contains("`cargo-profile-advisor apply --goal GOAL[=WEIGHT] [--profile NAME]`");
        assertThat(Files.readString(dir.resolve("Cargo.toml"))).isEqualTo(MANIFEST);
    }
}
