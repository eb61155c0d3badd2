package dev.profileadvisor.apply;

import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** `apply` as a user and a CI job drive it: output, the file written (or not), exit codes. */
class ApplyCommandTest {
    @TempDir
    Path dir;

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    Path crate(String manifest) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        return Files.writeString(dir.resolve("Cargo.toml"), manifest);
    }

    /** The manifest's name as the CLI shows it: relative to the current directory. */
    static String shown(Path p) {
        return Path.of("").toAbsolutePath().relativize(p.toAbsolutePath()).toString();
    }

    /** Its name in the diff: git and patch refuse `..`, so a file above the current directory is named from its own. */
    static String inDiff(Path p) {
        return shown(p).startsWith("../") ? p.getFileName().toString() : shown(p);
    }

    @Test
    void applyShowsTheFileTheDiffAndEachChangeThenWrites() throws Exception {
        Path m = crate(PKG + "\n[profile.release]\nlto = \"thin\" # fast enough\n\n[dependencies]\n");
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString());
        String f = shown(m);
        String d = inDiff(m);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("applying small-binary to [profile.release] in " + f + "\n"
                + "--- a/" + d + "\n+++ b/" + d + "\n"
                + "@@ -4,6 +4,10 @@\n edition = \"2021\"\n \n [profile.release]\n-lto = \"thin\" # fast enough\n+lto = \"fat\" # fast enough\n"
                + "+opt-level = \"z\"\n+strip = \"symbols\"\n+panic = \"abort\"\n+codegen-units = 1\n \n [dependencies]\n"
                + f + ":7:1: changed `lto = \"thin\"` to `lto = \"fat\"`\n"
                + f + ":8:1: set `opt-level = \"z\"`\n"
                + f + ":9:1: set `strip = \"symbols\"`\n"
                + f + ":10:1: set `panic = \"abort\"`\n"
                + f + ":11:1: set `codegen-units = 1`\n"
                + "wrote " + f + "\n");
        assertThat(Files.readString(m)).isEqualTo(PKG + "\n[profile.release]\nlto = \"fat\" # fast enough\nopt-level = \"z\"\n"
                + "strip = \"symbols\"\npanic = \"abort\"\ncodegen-units = 1\n\n[dependencies]\n");
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTimeAndDoesNotTouchTheFile() throws Exception {
        Path m = crate(PKG);
        assertThat(CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString()).code()).isZero();
        byte[] once = Files.readAllBytes(m);
        FileTime time = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(m, time);
        CliRun again = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).endsWith(shown(m) + " already matches the recommendation\n").doesNotContain("---");
        assertThat(Files.readAllBytes(m)).isEqualTo(once);
        assertThat(Files.getLastModifiedTime(m)).isEqualTo(time);
    }

    @Test
    void dryRunPrintsOnlyTheDiffOnStdoutAndWritesNothing() throws Exception {
        Path m = crate(PKG);
        CliRun r = CliRun.run("apply", "--goal", "fast-compile", "--profile", "dev", "--dry-run", "--manifest-path", m.toString());
        String f = shown(m);
        assertThat(f).as("the test's directory is outside the project").startsWith("../");
        String here = f.substring(0, f.lastIndexOf('/') + 1);
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("--- a/Cargo.toml\n+++ b/Cargo.toml\n@@ -2,3 +2,9 @@\n name = \"demo\"\n version = \"0.1.0\"\n"
                + " edition = \"2021\"\n+\n+[profile.dev]\n+debug = \"line-tables-only\"\n+\n+[profile.dev.package.\"*\"]\n+debug = false\n");
        assertThat(r.err()).isEqualTo("applying fast-compile to [profile.dev] in " + f + "\n" + f + ":7:1: set `debug = \"line-tables-only\"`\n"
                + f + ":10:1: set `debug = false` in `[profile.dev.package.\"*\"]`\n"
                + "dry run: " + f + " not written\n"
                + "the diff's paths are relative to " + here + ": apply it there, e.g. `git -C " + here + " apply`\n");
        assertThat(Files.readString(m)).isEqualTo(PKG);
        // and that is where git takes it
        Path repo = m.getParent();
        for (String[] git : new String[][]{{"init", "-q"}, {"add", "Cargo.toml"}}) {
            assertThat(new ProcessBuilder(concat("git", "-C", repo.toString(), git)).inheritIO().start().waitFor()).isZero();
        }
        Path patch = Files.writeString(repo.resolve("profile.diff"), r.out());
        assertThat(new ProcessBuilder("git", "-C", here, "apply", patch.toString()).directory(Path.of("").toAbsolutePath().toFile())
                .inheritIO().start().waitFor()).isZero();
        assertThat(Files.readString(m)).endsWith("[profile.dev]\ndebug = \"line-tables-only\"\n\n[profile.dev.package.\"*\"]\ndebug = false\n");
    }

    static String[] concat(String a, String b, String c, String[] rest) {
        String[] out = new String[3 + rest.length];
        out[0] = a;
        out[1] = b;
        out[2] = c;
        System.arraycopy(rest, 0, out, 3, rest.length);
        return out;
    }

    @Test
    void checkExitsWithOneWhenTheFileWouldChangeAndZeroOnceItMatches() throws Exception {
        Path m = crate(PKG + "\n[profile.release]\nlto = true\n");
        CliRun before = CliRun.run("apply", "--goal", "small-binary", "--check", "--manifest-path", m.toString());
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.out()).contains("+opt-level = \"z\"").endsWith(shown(m)
                + " would change: 4 keys differ from the recommendation; nothing written\n");
        assertThat(Files.readString(m)).isEqualTo(PKG + "\n[profile.release]\nlto = true\n");
        assertThat(CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString()).code()).isZero();
        CliRun after = CliRun.run("apply", "--goal", "small-binary", "--check", "--manifest-path", m.toString());
        assertThat(after.code()).isZero();
        assertThat(after.out()).endsWith("already matches the recommendation\n");
    }

    @Test
    void dryRunAndCheckExcludeEachOther() throws Exception {
        Path m = crate(PKG);
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--check", "--dry-run", "--manifest-path", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --dry-run and --check exclude each other: --dry-run prints the diff, --check sets the exit code\n");
        assertThat(Files.readString(m)).isEqualTo(PKG);
    }

    @Test
    void profilableCreatesAProfilingProfileThatInheritsRelease() throws Exception {
        Path m = crate(PKG);
        CliRun r = CliRun.run("apply", "--goal", "profilable", "--profile", "profiling", "--manifest-path", m.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readString(m)).isEqualTo(PKG + "\n[profile.profiling]\ninherits = \"release\"\ndebug = \"line-tables-only\"\n");
    }

    @Test
    void aCustomProfileInTheFileNeedsNoInheritsOption() throws Exception {
        Path m = crate(PKG + "\n[profile.dist]\ninherits = \"release\"\n");
        CliRun r = CliRun.run("apply", "--goal", "fast-runtime", "--profile", "dist", "--manifest-path", m.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(m)).isEqualTo(PKG + "\n[profile.dist]\ninherits = \"release\"\nlto = \"fat\"\ncodegen-units = 1\n");
    }

    @Test
    void fromAMemberTheWorkspaceRootIsEditedAndSaysSo() throws Exception {
        Path root = Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n");
        Files.createDirectories(dir.resolve("app/src"));
        Files.writeString(dir.resolve("app/src/main.rs"), "fn main() {}\n");
        String member = "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[profile.release]\nlto = \"thin\"\n";
        Path app = Files.writeString(dir.resolve("app/Cargo.toml"), member);
        CliRun r = CliRun.run("apply", "--goal", "fast-runtime", "--manifest-path", dir.resolve("app").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("applying fast-runtime to [profile.release] in " + shown(root) + " (the workspace root of "
                + shown(app) + "; cargo reads profiles only there)\n")
                .contains(shown(app) + ": note: its `[profile.*]` tables are ignored by cargo, which reads profiles only from "
                        + "the workspace root `" + shown(root) + "`\n");
        assertThat(Files.readString(root)).isEqualTo("[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n\n[profile.release]\n"
                + "lto = \"fat\"\ncodegen-units = 1\n");
        assertThat(Files.readString(app)).isEqualTo(member);
    }

    @Test
    void invalidTomlIsRefusedWithLineAndColumnAndNoStackTrace() throws Exception {
        Path m = crate(PKG + "\n[profile.release\nlto = true\n");
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + shown(m) + ":6:").contains("invalid TOML")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(m)).isEqualTo(PKG + "\n[profile.release\nlto = true\n");
    }

    @Test
    void anEmptyManifestIsRefusedAsCargoRefusesItAndNothingIsWritten() throws Exception {
        Path m = crate("");
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + shown(m) + ":1:1: manifest is missing either a `[package]` or a `[workspace]`\n");
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(m)).isEmpty();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("Cargo.toml", "src");
        }
    }

    @Test
    void anInlineProfileTableIsRefusedAndTheFileIsUnchanged() throws Exception {
        String text = "profile.release = { lto = \"thin\" }\n" + PKG;
        Path m = crate(text);
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + shown(m) + ":1:1: `profile.release` is an inline table (`profile.release = { … }`), "
                + "which apply does not edit; nothing was changed: write it as `[profile.release]` (a table per profile), or set "
                + "`opt-level = \"z\"`, `strip = \"symbols\"`, `lto = \"fat\"`, `panic = \"abort\"`, `codegen-units = 1` by hand\n");
        assertThat(Files.readString(m)).isEqualTo(text);
    }

    @Test
    void aMissingManifestIsBadInput() {
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", dir.resolve("nope/Cargo.toml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).endsWith("nope/Cargo.toml: no such file or directory\n");
    }

    @Test
    void aTomlFileNotNamedCargoTomlIsRefusedAsCargoRefusesIt() throws Exception {
        crate(PKG);
        Path other = Files.writeString(dir.resolve("rustfmt.toml"), "[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + other + ": is not a `Cargo.toml`: apply edits only a file of that name, as "
                + "cargo's `--manifest-path` requires; nothing was written\n");
        assertThat(Files.readString(other)).isEqualTo("[package]\nname = \"x\"\nversion = \"0.1.0\"\n");
        assertThat(Files.readString(dir.resolve("Cargo.toml"))).isEqualTo(PKG);
    }

    @Test
    void aDirectoryWithoutCargoTomlIsRefusedRatherThanEditingTheManifestAboveIt() throws Exception {
        crate(PKG);
        Path empty = Files.createDirectories(dir.resolve("docs/empty"));
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: " + empty + ": is a directory without a `Cargo.toml`; nothing was written: give the "
                + "path of the workspace's `Cargo.toml`, as cargo's `--manifest-path` expects\n");
        assertThat(Files.readString(dir.resolve("Cargo.toml"))).isEqualTo(PKG);
    }

    @Test
    void aDirectoryHoldingCargoTomlNamesThatManifest() throws Exception {
        Path m = crate(PKG);
        CliRun r = CliRun.run("apply", "--goal", "small-binary", "--dry-run", "--manifest-path", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).startsWith("applying small-binary to [profile.release] in " + shown(m) + "\n");
    }

    @Test
    void aSymbolicLinkNamedCargoTomlIsFollowedAsCargoFollowsIt() throws Exception {
        Path real = Files.writeString(dir.resolve("manifest.toml"), PKG);
        Path link = Files.createSymbolicLink(dir.resolve("Cargo.toml"), real);
        assertThat(CliRun.run("apply", "--goal", "small-binary", "--manifest-path", link.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).contains("[profile.release]\n");
    }

    @Test
    void aTemporaryFileLeftByAKilledApplyIsRemovedByTheNextApplyEvenWhenNothingChanges() throws Exception {
        Path m = crate(PKG);
        assertThat(CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString()).code()).isZero();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve(".Cargo.toml.cpa-" + gone.pid() + "-9c.tmp"), PKG);
        CliRun dry = CliRun.run("apply", "--goal", "small-binary", "--dry-run", "--manifest-path", m.toString());
        assertThat(dry.err()).contains("already matches the recommendation");
        assertThat(Files.exists(dir.resolve(".Cargo.toml.cpa-" + gone.pid() + "-9c.tmp"))).as("--dry-run removes nothing").isTrue();
        CliRun again = CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString());
        assertThat(again.out()).endsWith("already matches the recommendation\n");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("Cargo.toml", "src");
        }
    }

    @Test
    void permissionsAndNewlinesAreKeptAndNoTemporaryFileIsLeft() throws Exception {
        Path m = crate((PKG + "\n[profile.release]\nlto = \"thin\"").replace("\n", "\r\n"));
        Files.setPosixFilePermissions(m, PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(CliRun.run("apply", "--goal", "fast-runtime", "--manifest-path", m.toString()).code()).isZero();
        assertThat(Files.readString(m)).isEqualTo((PKG + "\n[profile.release]\nlto = \"fat\"\ncodegen-units = 1").replace("\n", "\r\n"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(m))).isEqualTo("rw-rw-r--");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("Cargo.toml", "src");
        }
    }

    @Test
    void aLineTheGoalsRuleOutIsChangedToCargosDefaultAndCheckFailsUntilItIs() throws Exception {
        Path m = crate(PKG + "\n[profile.release]\npanic = \"abort\"\n");
        String f = shown(m);
        CliRun check = CliRun.run("apply", "--goal", "catch-panics", "--check", "--manifest-path", m.toString());
        assertThat(check.code()).isEqualTo(1);
        assertThat(check.out()).contains(f + ":7:1: changed `panic = \"abort\"` to `panic = \"unwind\"`\n"
                + f + ":7:1: note: `panic = \"unwind\"` is cargo's default, written out to replace `panic = \"abort\"`: "
                + "catch-panics rules it out\n").endsWith(f + " would change: 1 key differs from the recommendation; nothing written\n");

        assertThat(CliRun.run("apply", "--goal", "catch-panics", "--manifest-path", m.toString()).code()).isZero();
        assertThat(Files.readString(m)).endsWith("\n[profile.release]\npanic = \"unwind\"\n");
        CliRun again = CliRun.run("apply", "--goal", "catch-panics", "--check", "--manifest-path", m.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).endsWith(f + " already matches the recommendation\n");
    }

    @Test
    void aStripThatDefeatsDebuggableIsChangedNotKeptAfterApplyingSmallBinary() throws Exception {
        Path m = crate(PKG);
        String f = shown(m);
        assertThat(CliRun.run("apply", "--goal", "small-binary", "--manifest-path", m.toString()).code()).isZero();
        assertThat(Files.readString(m)).contains("\nstrip = \"symbols\"\n");

        CliRun check = CliRun.run("apply", "--goal", "debuggable", "--goal", "small-binary", "--check", "--manifest-path", m.toString());
        assertThat(check.code()).as("--check fails while the goals' strip is not written").isEqualTo(1);
        CliRun r = CliRun.run("apply", "--goal", "debuggable", "--goal", "small-binary", "--manifest-path", m.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(f + ":8:1: changed `strip = \"symbols\"` to `strip = \"none\"`\n")
                .contains(f + ":8:1: note: `strip = \"none\"` is cargo's default, written out to replace `strip = \"symbols\"`: "
                        + "debuggable overrules it\n")
                .doesNotContain("kept as written");
        assertThat(Files.readString(m)).contains("\nstrip = \"none\"\n").contains("\ndebug = \"line-tables-only\"\n");

        CliRun audit = CliRun.run("audit", "--goal", "debuggable", "--goal", "small-binary", "--findings-only", m.toString());
        assertThat(audit.out()).isEqualTo("audit: 1 workspace, 0 errors, 0 warnings, 0 notes\n");
        assertThat(CliRun.run("apply", "--goal", "debuggable", "--goal", "small-binary", "--check", "--manifest-path", m.toString())
                .code()).isZero();
    }

    @Test
    void aLineNoGoalArguesAboutIsLeftAsItIs() throws Exception {
        Path m = crate(PKG + "\n[profile.release]\nopt-level = \"s\"\n");
        CliRun r = CliRun.run("apply", "--goal", "debuggable", "--manifest-path", m.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("note:");
        assertThat(Files.readString(m)).contains("\nopt-level = \"s\"\n");
    }
}
