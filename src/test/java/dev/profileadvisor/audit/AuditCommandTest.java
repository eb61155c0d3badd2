package dev.profileadvisor.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `audit` as a user and a CI system drive it: formats, exit codes, and bad input. */
class AuditCommandTest {
    @TempDir
    Path dir;

    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";

    Path crate(String name, String manifest) throws Exception {
        Path d = dir.resolve(name);
        Files.createDirectories(d.resolve("src"));
        Files.writeString(d.resolve("src/main.rs"), "fn main() {}\n");
        Files.writeString(d.resolve("Cargo.toml"), manifest);
        return d.resolve("Cargo.toml");
    }

    @Test
    void textShowsEveryKeyWithItsOriginAndTheRustcFlagsThenFindingsInRustcFormat() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\nlto = \"thin\"\ncodegen-unit = 1\n");
        CliRun r = CliRun.run("audit", "--manifest-path", m.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("profile release\n").containsPattern("lto\\s+\"thin\"\\s+\\S*Cargo.toml:7:1")
                .containsPattern("opt-level\\s+3\\s+default")
                .contains("rustc: -C opt-level=3 -C lto=thin -C strip=debuginfo\n")
                .contains("Cargo.toml:8:1: warning: unknown key `codegen-unit` in profile `release` is ignored by cargo; did you mean `codegen-units`? [unknown-profile-key]")
                .contains("  = help: ").contains("  = see: https://")
                .endsWith("audit: 1 workspace, 0 errors, 1 warning, 0 notes\n");
    }

    @Test
    void manifestPathReadsConfigFilesFromTheCurrentDirectoryLikeCargoAndSaysSoWhileAPathArgumentReadsThemFromTheRoot()
            throws Exception {
        Path m = crate("a", PKG);
        Files.createDirectories(dir.resolve("a/.cargo"));
        Files.writeString(dir.resolve("a/.cargo/config.toml"), "[profile.release]\ncodegen-units = 8\n");
        assertThat(Path.of("").toAbsolutePath().startsWith(dir)).as("the test runs outside the crate").isFalse();

        CliRun r = CliRun.run("audit", "--manifest-path", m.toString());
        assertThat(r.out()).contains("== " + Path.of("").toAbsolutePath().relativize(m) + "\n"
                        + "config files: as cargo reads them when run in the current directory (from there up, then $CARGO_HOME), "
                        + "not from the workspace root\n")
                .contains("profile release: cargo's defaults; rustc: -C opt-level=3 -C embed-bitcode=no -C strip=debuginfo\n");
        JsonNode j = new ObjectMapper().readTree(CliRun.run("audit", "--manifest-path", m.toString(), "--format", "json").out());
        assertThat(j.get("reports").get(0).get("cargoDir").asText()).isEqualTo(".");

        CliRun fromRoot = CliRun.run("audit", m.toString());
        assertThat(fromRoot.out()).doesNotContain("config files:").containsPattern("codegen-units\\s+8\\s+\\S*config.toml:2:1");
    }

    @Test
    void releasesStripRowShowsTheImplicitDebuginfoStripThatTheRustcLinePasses() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\nlto = \"thin\"\n");
        CliRun r = CliRun.run("audit", m.toString());
        assertThat(r.out()).containsPattern("\n  strip +\"debuginfo\" +implicit \\(debug info is off in the binary and every "
                        + "dependency, so cargo strips it\\)\n")
                .contains("rustc: -C opt-level=3 -C lto=thin -C strip=debuginfo\n");
        JsonNode strip = stripOf(CliRun.run("audit", m.toString(), "--format", "json").out(), "release");
        assertThat(strip.get("valueId").asText()).isEqualTo("debuginfo");
        assertThat(strip.get("origin").asText()).isEqualTo("implicit");
        assertThat(strip.get("why").asText()).isEqualTo("debug info is off in the binary and every dependency, so cargo strips it");
    }

    @Test
    void releasesStripRowSaysWhichDependencyKeepsTheImplicitStripOff() throws Exception {
        Path m = crate("w", "[workspace]\nmembers = [\"app\", \"lib\"]\nresolver = \"2\"\n\n[profile.release.package.probe-lib]\ndebug = 1\n");
        crate("w/app", PKG.replace("demo", "probe") + "\n[dependencies]\nprobe-lib = { path = \"../lib\" }\n");
        Path lib = crate("w/lib", PKG.replace("demo", "probe-lib"));
        Files.move(lib.resolveSibling("src/main.rs"), lib.resolveSibling("src/lib.rs"));
        CliRun r = CliRun.run("audit", m.toString());
        String f = m.toString().replace(Path.of("").toAbsolutePath() + "/", "");
        assertThat(r.out()).containsPattern("\n  strip +\"none\" +default \\(no implicit strip: `debug = 1` in "
                + "`\\[profile.release.package.probe-lib\\]` \\(\\S*Cargo.toml:6:1\\) gives a dependency debug info\\)\n");
        assertThat(r.out()).doesNotContain("-C strip=");
        JsonNode strip = stripOf(CliRun.run("audit", m.toString(), "--format", "json").out(), "release");
        assertThat(strip.get("valueId").asText()).isEqualTo("none");
        assertThat(strip.get("origin").asText()).isEqualTo("default");
        assertThat(strip.get("why").asText()).startsWith("no implicit strip: `debug = 1` in `[profile.release.package.probe-lib]`");
    }

    static JsonNode stripOf(String json, String profile) throws Exception {
        assertThat(dev.profileadvisor.json.Schemas.problems("audit", json)).isEmpty();
        for (JsonNode p : new ObjectMapper().readTree(json).get("reports").get(0).get("profiles")) {
            if (!p.get("name").asText().equals(profile)) continue;
            for (JsonNode s : p.get("settings")) if (s.get("key").asText().equals("strip")) return s;
        }
        throw new AssertionError("no strip in profile " + profile);
    }

    @Test
    void failOnSetsTheExitCode() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\ncodegen-unit = 1\n");
        assertThat(CliRun.run("audit", m.toString(), "--findings-only").code()).isZero();
        assertThat(CliRun.run("audit", m.toString(), "--fail-on", "warning").code()).isEqualTo(1);
        Path bad = crate("b", PKG + "\n[profile.release]\nopt-level = 4\n");
        assertThat(CliRun.run("audit", bad.toString()).code()).isEqualTo(1);
        assertThat(CliRun.run("audit", bad.toString(), "--fail-on", "never").code()).isZero();
    }

    @Test
    void jsonHasProfilesWithOriginsAndFlagsAndFindings() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\nopt-level = 4\n\n[profile.dist]\ninherits = \"release\"\n");
        CliRun r = CliRun.run("audit", m.toString(), "--format", "json");
        assertThat(dev.profileadvisor.json.Schemas.problems("audit", r.out())).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("schemaVersion").asInt()).isEqualTo(2);
        JsonNode report = j.get("reports").get(0);
        JsonNode dev = report.get("profiles").get(0);
        assertThat(dev.get("name").asText()).isEqualTo("dev");
        assertThat(dev.get("rustcFlags").toString()).contains("-C debuginfo=2");
        assertThat(dev.get("settings").get(0).get("origin").asText()).isEqualTo("default");
        JsonNode release = report.get("profiles").get(1);
        assertThat(release.get("rustcFlags").isNull()).isTrue();
        JsonNode finding = report.get("findings").get(0);
        assertThat(finding.get("id").asText()).isEqualTo("invalid-opt-level");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("line").asInt()).isEqualTo(7);
        assertThat(finding.get("column").asInt()).isEqualTo(1);
        assertThat(finding.get("sources").get(0).asText()).startsWith("https://");
        assertThat(j.get("summary").get("errors").asInt()).isEqualTo(1);
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\nopt-level = 4\ncodegen-unit = 1\nlto = \"fatt\"\n");
        CliRun r = CliRun.run("audit", m.toString(), "--format", "sarif", "--fail-on", "never");
        assertThat(r.code()).isZero();
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(getClass().getResourceAsStream("/schemas/sarif-2.1.0-rtm.5.json"));
        List<Error> errors = schema.validate(r.out(), InputFormat.JSON);
        assertThat(errors).isEmpty();
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(7);
        assertThat(sarif.get("runs").get(0).get("tool").get("driver").get("rules").toString()).contains("\"id\":\"invalid-lto\"");
    }

    @Test
    void aWrongSarifDocumentIsRejectedByTheSameValidation() throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                .getSchema(getClass().getResourceAsStream("/schemas/sarif-2.1.0-rtm.5.json"));
        String wrong = "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"level\":\"loud\"}]}]}";
        assertThat(schema.validate(wrong, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void malformedTomlIsAOneLineErrorWithLineAndColumnAndTheOtherInputsAreStillAudited() throws Exception {
        Path broken = crate("broken", PKG + "\n[profile.release\nlto = true\n");
        Path fine = crate("fine", PKG + "\n[profile.release]\ncodegen-unit = 1\n");
        CliRun r = CliRun.run("audit", broken.toString(), fine.toString(), "--findings-only");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("^error: \\S*broken/Cargo.toml:6:\\d+: invalid TOML: ").doesNotContain("Exception");
        assertThat(r.out()).contains("[unknown-profile-key]").contains("1 input not audited").doesNotContain("invalid TOML");
    }

    @Test
    void errorsAboutTheInputsGoToStderrInEveryFormat() throws Exception {
        Path broken = crate("broken", PKG + "\n[profile.release\nlto = true\n");
        for (String format : List.of("text", "json", "sarif")) {
            CliRun r = CliRun.run("audit", broken.toString(), "--format", format);
            assertThat(r.code()).as(format).isEqualTo(2);
            assertThat(r.err()).as(format).containsPattern("^error: \\S*broken/Cargo.toml:6:\\d+: invalid TOML: ");
            assertThat(r.out()).as(format).doesNotContain("error: ");
        }
    }

    @Test
    void anEmptyManifestIsRefusedAsCargoRefusesItAndTheOtherInputsAreStillAudited() throws Exception {
        Path empty = crate("empty", "");
        Path profilesOnly = crate("profiles", "[profile.release]\nlto = true\n");
        Path good = crate("good", PKG);
        CliRun r = CliRun.run("audit", empty.toString(), profilesOnly.toString(), good.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("(^|\n)error: \\S*empty/Cargo.toml:1:1: manifest is missing either a `\\[package\\]` or a `\\[workspace\\]`\n")
                .containsPattern("(^|\n)error: \\S*profiles/Cargo.toml:1:1: manifest is missing either a `\\[package\\]` or a `\\[workspace\\]`\n");
        assertThat(r.out()).endsWith("audit: 1 workspace, 0 errors, 0 warnings, 0 notes, 2 inputs not audited\n");
    }

    @Test
    void aMissingFileADirectoryWithoutManifestAndASymlinkLoopAreClearErrors() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        CliRun r = CliRun.run("audit", dir.resolve("nope/Cargo.toml").toString(), dir.resolve("empty").toString(), loop.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope/Cargo.toml: no such file or directory")
                .contains("empty: no Cargo.toml found in this directory or below it")
                .contains("loop: a symbolic link that leads nowhere (or to itself)").doesNotContain("Exception");
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // before the fix, reading the FIFO blocked for ever
    void aPipeIsRefusedInsteadOfBlockingOnIt() throws Exception {
        Path fifo = dir.resolve("Cargo.toml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CliRun r = CliRun.run("audit", fifo.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cargo.toml: is not a regular file (a pipe or a device?): save the manifest as a file and name that");
        // this JVM's stdin (a pipe from the test runner, or /dev/null): no path on disk, or not a regular file
        CliRun stdin = CliRun.run("audit", "/dev/stdin");
        assertThat(stdin.code()).isEqualTo(2);
        assertThat(stdin.err()).contains("/dev/stdin: is not").contains("save the manifest as a file and name that")
                .doesNotContain("Exception");
    }

    @Test
    void aNamedMemberIsShownWithItsWorkspaceRoot() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"app\"]\n\n[profile.release]\nlto = true\n");
        Path member = crate("app", PKG);
        String root = dir.getFileName() + "/Cargo.toml";
        CliRun text = CliRun.run("audit", member.toString());
        assertThat(text.out()).containsPattern("== \\S*" + root + " \\(workspace of \\S*" + dir.getFileName() + "/app/Cargo.toml\\)\n");
        JsonNode report = new ObjectMapper().readTree(CliRun.run("audit", member.toString(), "--format", "json").out()).get("reports").get(0);
        assertThat(report.get("manifest").asText()).endsWith(dir.getFileName() + "/app/Cargo.toml");
        assertThat(report.get("workspaceRoot").asText()).endsWith(root);
        // a directory tree names the root itself
        assertThat(CliRun.run("audit", dir.toString()).out()).containsPattern("== \\S*" + root + "\n").doesNotContain("workspace of");
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingIt() throws Exception {
        Path m = crate("huge", PKG);
        Files.writeString(m, PKG + "# " + "x".repeat(5 * 1024 * 1024) + "\n");
        CliRun r = CliRun.run("audit", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("huge/Cargo.toml: is \\d+ bytes, larger than the 4194304 a manifest can reasonably be; not read");
    }

    @Test
    void aDirectoryTreeIsAuditedOneWorkspaceEach() throws Exception {
        crate("tree/one", PKG + "\n[profile.release]\nopt-level = 3\n");
        crate("tree/two", PKG.replace("demo", "two") + "\n[profile.release]\nlto = \"fatt\"\n");
        Files.createDirectories(dir.resolve("tree/one/target/release"));
        Files.writeString(dir.resolve("tree/one/target/release/Cargo.toml"), "not toml [");
        CliRun r = CliRun.run("audit", dir.resolve("tree").toString(), "--format", "json");
        assertThat(dev.profileadvisor.json.Schemas.problems("audit", r.out())).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("reports")).hasSize(2);
        assertThat(j.get("errors")).isEmpty();
    }

    @Test
    void withAGoalItReportsSettingsThatWorkAgainstIt() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\npanic = \"unwind\"\n");
        CliRun r = CliRun.run("audit", m.toString(), "--goal", "small-binary", "--findings-only");
        assertThat(r.out()).contains("[conflicts-with-goal]").contains("small-binary");
    }

    @Test
    void anUnknownKeyOrPackageSpecIsCorrectedOnlyWhenAKnownNameIsClose() throws Exception {
        Path m = crate("a", PKG + "\n[profile.release]\ncodegen-unit = 1\nzzqqxxyy = 1\n\n[profile.release.package.dem]\nopt-level = 1\n"
                + "\n[profile.release.package.zzqqxxyy]\nopt-level = 1\n");
        List<String> lines = CliRun.run("audit", m.toString(), "--findings-only").out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("unknown key `codegen-unit`").contains("did you mean `codegen-units`?"))
                .anySatisfy(l -> assertThat(l).contains("package spec `dem`").contains("did you mean `demo`?"))
                .anySatisfy(l -> assertThat(l).contains("unknown key `zzqqxxyy`").doesNotContain("did you mean"))
                .anySatisfy(l -> assertThat(l).contains("package spec `zzqqxxyy`").doesNotContain("did you mean"));
    }

    @Test
    void anUnknownGoalIsABadInputError() throws Exception {
        Path m = crate("a", PKG);
        CliRun r = CliRun.run("audit", m.toString(), "--goal", "tiny-binary");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown goal `tiny-binary`");
    }

    static final String MISSING_MEMBERS = "[workspace]\nmembers = [\"crates/a\", \"crates/b\"]\nresolver = \"2\"\n\n"
            + "[workspace.dependencies]\nserde = \"1\"\nfoo = { version = \"1\", package = \"real-foo\" }\n\n"
            + "[profile.release.package.serde]\nopt-level = 3\n\n[profile.release.package.real-foo]\nopt-level = 3\n\n"
            + "[profile.release.package.tokio]\nopt-level = 3\n";

    @Test
    void aRootManifestWhoseMembersAreMissingSaysSoOnceAndCallsNoPackageSpecUnmatched() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), MISSING_MEMBERS);
        CliRun r = CliRun.run("audit", dir.resolve("Cargo.toml").toString(), "--findings-only", "--fail-on", "warning");
        assertThat(r.out()).doesNotContain("[override-spec-matches-nothing]");
        assertThat(r.out().lines().filter(l -> l.contains("[workspace-members-missing]")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("Cargo.toml:2:1: note: 2 workspace members are missing (`crates/a`, `crates/b`): "
                        + "package override specs and library-only checks are skipped [workspace-members-missing]"));
        assertThat(r.code()).isZero();
    }

    @Test
    void aWorkspaceWithAllItsMembersSaysNothingAboutMissingOnesAndKnowsItsRenamedWorkspaceDependencies() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), MISSING_MEMBERS.replace("\"crates/a\", \"crates/b\"", "\"crates/*\"")
                .replace("[profile.release.package.tokio]\nopt-level = 3\n", ""));
        crate("crates/a", PKG.replace("demo", "a") + "\n[dependencies]\nfoo.workspace = true\nserde.workspace = true\n");
        CliRun r = CliRun.run("audit", dir.resolve("Cargo.toml").toString(), "--findings-only", "--fail-on", "note");
        assertThat(r.out()).doesNotContain("[workspace-members-missing]").doesNotContain("[override-spec-matches-nothing]");
        assertThat(r.code()).isZero();
    }

    @Test
    void aLibraryRootWhoseBinaryMemberIsMissingIsNotCalledLibraryOnly() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), PKG + "\n[workspace]\nmembers = [\"cli\"]\n\n[profile.release]\nlto = true\n");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/lib.rs"), "");
        CliRun r = CliRun.run("audit", dir.resolve("Cargo.toml").toString(), "--findings-only");
        assertThat(r.out()).doesNotContain("[lto-in-library-only-package]")
                .contains("workspace member `cli` is missing: package override specs and library-only checks are skipped");
    }

    @Test
    void withMembersMissingADependencyOverrideWithDebugInfoIsTakenToTurnTheImplicitStripOff() throws Exception {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"app\"]\n\n[profile.dev]\ndebug = 0\n\n"
                + "[profile.dev.package.log]\ndebug = 1\n");
        JsonNode dev = new ObjectMapper().readTree(CliRun.run("audit", dir.resolve("Cargo.toml").toString(), "--format", "json").out())
                .get("reports").get(0).get("profiles").get(0);
        assertThat(dev.get("name").asText()).isEqualTo("dev");
        assertThat(dev.get("rustcFlags").toString()).contains("-C embed-bitcode=no").doesNotContain("strip");
    }

    @Test
    void aRestatedDefaultLinksTheBookSectionOfItsOwnProfile() throws Exception {
        Path m = crate("restates", PKG + "\n[profile.dev]\nopt-level = 0\n\n[profile.release]\nopt-level = 3\n"
                + "\n[profile.dist]\ninherits = \"release\"\nopt-level = 3\n");
        JsonNode findings = new ObjectMapper().readTree(CliRun.run("audit", m.toString(), "--format", "json").out())
                .get("reports").get(0).get("findings");
        java.util.Map<Integer, java.util.List<String>> byLine = new java.util.TreeMap<>();
        for (JsonNode f : findings) {
            if (!f.get("id").asText().equals("restates-default")) continue;
            java.util.List<String> book = new java.util.ArrayList<>();
            f.get("sources").forEach(u -> { if (u.asText().contains("doc.rust-lang.org/cargo")) book.add(u.asText()); });
            byLine.put(f.get("line").asInt(), book);
        }
        String profiles = "https://doc.rust-lang.org/cargo/reference/profiles.html#";
        assertThat(byLine).containsExactly(java.util.Map.entry(7, java.util.List.of(profiles + "dev")),
                java.util.Map.entry(10, java.util.List.of(profiles + "release")),
                java.util.Map.entry(14, java.util.List.of(profiles + "custom-profiles")));
    }

    @Test
    void aMalformedConfigFileOrRustflagsOfTheWrongTypeAreOneLineErrorsWithLineAndColumn() throws Exception {
        Path broken = crate("broken-config", PKG);
        Files.createDirectories(dir.resolve("broken-config/.cargo"));
        Files.writeString(dir.resolve("broken-config/.cargo/config.toml"), "[build\nrustflags = [\"-C\"]\n");
        Path typed = crate("typed", PKG);
        Files.createDirectories(dir.resolve("typed/.cargo"));
        Files.writeString(dir.resolve("typed/.cargo/config.toml"), "[build]\nrustflags = 3\n\n[target.'cfg(unix)']\nrustflags = [\"-C\", 3]\nlinker = true\n");
        Path good = crate("good", PKG);
        CliRun r = CliRun.run("audit", broken.toString(), typed.toString(), good.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("(^|\n)error: \\S*broken-config/.cargo/config.toml:1:7: invalid TOML: ")
                .contains("typed/.cargo/config.toml:2:1: `build.rustflags` must be a string or an array of strings, found the integer `3`"
                        + " (cargo: expected a string or array of strings)\n")
                .contains("typed/.cargo/config.toml:5:20: `target.cfg(unix).rustflags` must hold only strings, found the integer `3`")
                .contains("typed/.cargo/config.toml:6:1: `target.cfg(unix).linker` must be a string, found the boolean `true`\n");
        // two inputs, one with three errors: inputs are counted, not their errors
        assertThat(r.out()).endsWith("audit: 1 workspace, 0 errors, 0 warnings, 0 notes, 2 inputs not audited\n");
    }

    @Test
    void aStringAndAnArrayOfRustflagsInTwoConfigFilesAreRefusedAsCargoRefusesThem() throws Exception {
        Path m = crate("ws", PKG);
        Files.createDirectories(dir.resolve(".cargo"));
        Files.createDirectories(dir.resolve("ws/.cargo"));
        Files.writeString(dir.resolve(".cargo/config.toml"), "[build]\nrustflags = \"--cfg a\"\n");
        Files.writeString(dir.resolve("ws/.cargo/config.toml"), "[build]\nrustflags = [\"--cfg\", \"b\"]\n");
        CliRun r = CliRun.run("audit", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("ws/.cargo/config.toml:2:1: `build.rustflags` is an array here and a string in \\S*\\.cargo/config.toml:2:1:"
                + " cargo cannot merge them");
    }

    @Test
    void anUnknownTargetIsAUsageError() throws Exception {
        Path m = crate("t", PKG);
        CliRun r = CliRun.run("audit", m.toString(), "--target", "not a triple");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--target `not a triple` is not a target triple");
        CliRun host = CliRun.run("audit", m.toString(), "--target", "x86_64-unknown-linux-gnu", "--format", "json");
        assertThat(host.code()).isZero();
        assertThat(host.out()).contains("\"explicit\" : true").contains("\"--target\", \"x86_64-unknown-linux-gnu\"");
    }
}
