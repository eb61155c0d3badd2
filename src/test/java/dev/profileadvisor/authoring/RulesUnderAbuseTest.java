package dev.profileadvisor.authoring;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.WorkingCopy;
import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, section 0 item 9 and section 5: a maintainer's working copy broken the way an attacker (or a tired
 * maintainer) would break it. Each is reported with its file and line, in bounded time, and the process survives.
 */
class RulesUnderAbuseTest {
    static final String AUDIT_IMPORTS = """
            package audit;
            import dev.profileadvisor.facts.EffectiveFact;
            import dev.profileadvisor.facts.Finding;

            """;

    @TempDir
    Path tmp;

    private static List<Problem> problemsOf(WorkingCopy wc) {
        try {
            wc.load();
        } catch (AdvisorException e) {
            return e.problems();
        }
        throw new AssertionError("expected the working copy to be refused");
    }

    private static String lineOf(Path file, int line) {
        try {
            return Files.readAllLines(file).get(line - 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static CliRun rulesTest(WorkingCopy wc, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("rules", "test", "--rules", wc.rules.toString(), "--knowledge", wc.knowledge.toString()));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    // --- the sidecar: numbers, paths and types ---------------------------------------------------------------

    @Test
    void aCaseLineBeyondTheIntRangeIsRefusedNotTruncated() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "expect = \"fires\"\nline = 2\n", "expect = \"fires\"\nline = 4294967298\n") + 1;
        // 4294967298 is 2 once truncated to an int: the line the finding is on, so the case would pass
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(
                toml + ":" + line + ":1: `line` is out of range: `4294967298` is more than 2147483647");
    }

    @Test
    void aNegativeCaseLineIsRefusedRatherThanMeaningAnyLine() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "expect = \"fires\"\nline = 2\n", "expect = \"fires\"\nline = -1\n") + 1;
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(toml + ":" + line + ":1: `line` must be 1 or more, found `-1`");
    }

    @Test
    void aCaseFileOutsideItsScratchDirectoryIsRefusedAndNothingIsWritten() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/contradictions.toml");
        Path victim = tmp.resolve("victim.txt");
        int line = WorkingCopy.edit(toml, "files = { \"src/main.rs\" = \"fn main() { let _ = std::panic::catch_unwind(|| {}); }\\n\" }",
                "files = { \"src/main.rs\" = \"fn main() {}\\n\", \"../../../../../../../../.." + victim + "\" = \"x\", \"" + victim
                        + "\" = \"x\" }");
        String written = lineOf(toml, line);
        int up = written.indexOf("\"../") + 1;
        int absolute = written.indexOf("\"" + victim) + 1;
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(
                toml + ":" + line + ":" + up + ": `files` entry `../../../../../../../../.." + victim + "` of a case of `panic-abort-with-catch-unwind` "
                        + "leaves the case's directory (`..`): name a file inside the case's directory, such as `src/lib.rs` or `member/Cargo.toml`",
                toml + ":" + line + ":" + absolute + ": `files` entry `" + victim
                        + "` of a case of `panic-abort-with-catch-unwind` is an absolute path: name a file inside the case's directory, "
                        + "such as `src/lib.rs` or `member/Cargo.toml`");
        assertThat(victim).doesNotExist();
    }

    @Test
    void aSidecarWithWrongTypesIsReportedAtEachValue() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int title = WorkingCopy.edit(toml, "title = \"`opt-level` must be 0-3, `\\\"s\\\"` or `\\\"z\\\"`\"", "title = 3");
        int expect = WorkingCopy.edit(toml, "expect = \"fires\"\nline = 2\n", "expect = true\nline = \"2\"\n");
        int files = WorkingCopy.edit(toml, "[[rule.invalid-opt-level.case]]\nname = \"a quoted number",
                "[[rule.invalid-opt-level.case]]\nfiles = [\"src/lib.rs\"]\nname = \"a quoted number") + 1;
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactlyInAnyOrder(
                toml + ":" + title + ":1: `rule.invalid-opt-level.title` must be a string, found the integer `3`",
                toml + ":" + expect + ":1: `rule.invalid-opt-level.case[0].expect` must be a string, found the boolean `true`",
                toml + ":" + (expect + 1) + ":1: `rule.invalid-opt-level.case[0].line` must be an integer, found the string `\"2\"`",
                toml + ":" + files + ":1: `rule.invalid-opt-level.case[1].files` must be a table, found an array");
    }

    // --- the rule tree: what is not a plain UTF-8 file -----------------------------------------------------

    @Test
    void aDrlWithInvalidUtf8IsReportedWithItsNameLineAndColumn() throws IOException {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/broken.drl");
        Files.write(drl, new byte[] {'p', 'a', 'c', 'k', 'a', 'g', 'e', ' ', 'a', ';', '\n', '/', '/', ' ', (byte) 0xc3, (byte) 0xa9, ' ',
                (byte) 0xff, '\n'});
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(
                wc.rules + "/audit/broken.drl:2:6: not valid UTF-8: byte 0xff at offset 17; rule and docs files are UTF-8 text");
    }

    @Test
    void aDirectoryNamedLikeADrlFileIsReportedNotSkipped() throws IOException {
        WorkingCopy wc = new WorkingCopy(tmp);
        Files.createDirectories(wc.rules.resolve("audit/more.drl"));
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(wc.rules
                + "/audit/more.drl: not a regular file (a directory): a rule or docs file must be a plain file; rename or remove it");
    }

    @Test
    void aFifoNamedLikeADrlFileIsReportedWithoutOpeningIt() throws Exception {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path fifo = wc.rules.resolve("audit/pipe.drl");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        // opening a FIFO for reading waits for a writer: a timeout here would mean the loader opened it
        CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> rulesTest(wc));
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + fifo
                + ": not a regular file (a FIFO, socket or device): a rule or docs file must be a plain file; rename or remove it\n");
    }

    // --- consequences that misbehave -------------------------------------------------------------------------

    @Test
    void aThrowingConsequenceIsReportedAtItsRuleWithTheExceptionsMessage() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.rules.resolve("audit/throws.drl"), AUDIT_IMPORTS + """
                rule "throws-on-lto"
                when
                    $e : EffectiveFact( key == "lto", explicit == true )
                then
                    if ( $e.line() > 0 ) throw new IllegalStateException( "no lto here, line " + $e.line() );
                end
                """);
        CliRun run = rulesTest(wc, "lto-in-library-only-package");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains(": case failed: ").contains("the audit failed: " + wc.rules + "/audit/throws.drl:5:1: rule `throws-on-lto` "
                + "threw `IllegalStateException` in its consequence: no lto here, line ").doesNotContain("internal error");

        Path manifest = writeManifest("[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[profile.release]\nlto = true\n");
        CliRun audit = CliRun.run("audit", manifest.toString(), "--rules", wc.rules.toString(), "--knowledge", wc.knowledge.toString());
        assertThat(audit.code()).isEqualTo(2);
        assertThat(audit.err()).startsWith("error: " + wc.rules + "/audit/throws.drl:5:1: rule `throws-on-lto` threw `IllegalStateException` "
                + "in its consequence: no lto here, line 6; a consequence only inserts a fact").doesNotContain("internal error");
    }

    @Test
    void aSelfTriggeringUpdateLoopIsBlamedOnTheRuleThatUpdates() {
        // `update` makes every rule matching the fact fire again, as often as the updating rule itself: the most
        // frequent rule is not necessarily the one to blame
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.rules.resolve("audit/zz-touch.drl"), AUDIT_IMPORTS + """
                rule "touch-strip"
                when
                    $s : EffectiveFact( key == "strip", explicit == true )
                then
                    update( $s );
                end
                """);
        ProfileAdvisor advisor = wc.load();
        Path manifest = writeManifest("[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[profile.release]\ndebug = true\nstrip = true\n");
        try {
            advisor.audit(manifest);
            throw new AssertionError("expected the loop to be stopped");
        } catch (AdvisorException e) {
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).endsWith("zz-touch.drl");
                assertThat(p.line()).isEqualTo(5);
                assertThat(p.message()).startsWith("rule `touch-strip` fired ").contains("without reaching a fixpoint")
                        .doesNotContain("strip-discards-debuginfo");
            });
        }
    }

    // --- consequences that never return, or end the process ----------------------------------------------------

    static final String SPIN_ON_LTO = AUDIT_IMPORTS + """
            rule "spins-on-lto"
            when
                $e : EffectiveFact( key == "lto", explicit == true )
            then
                %s
            end
            """;

    @Test
    void aCaseThatDoesNotFinishNamesTheRuleRunningAndNoLaterCaseRuns() throws Exception {
        // a loop that ends when interrupted, so the test JVM gets its thread back; the real `while (true) {}` is below
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/spin.drl");
        WorkingCopy.append(drl, SPIN_ON_LTO.formatted("while ( !Thread.currentThread().isInterrupted() ) { }"));
        ProfileAdvisor advisor = wc.load();
        List<RuleChecks.CaseResult> results = new RuleChecks.Runner(advisor, java.time.Duration.ofSeconds(5))
                .test(List.of("invalid-lto", "lto-in-library-only-package"));
        int first = 0;
        while (results.get(first).passed()) first++; // the cases before the first manifest that sets lto pass
        RuleChecks.CaseResult stuck = results.get(first);
        assertThat(stuck.ran()).isTrue();
        assertThat(stuck.failure()).hasValue("rule `spins-on-lto` (" + drl + ":5) did not finish within 5 s: its consequence does not return; "
                + "a thread that does not return cannot be stopped, so the " + (results.size() - first - 1) + " cases after this one were not run");
        assertThat(results.subList(first + 1, results.size())).isNotEmpty().allSatisfy(r -> assertThat(r.ran()).isFalse());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("rule-case")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("rule-case"));
    }

    @Test
    void rulesTestExitsWithCode1WhenAConsequenceLoopsForever() throws Exception {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/spin.drl");
        WorkingCopy.append(drl, SPIN_ON_LTO.formatted("while ( true ) { }"));
        Jvm run = Jvm.run("rules", "test", "lto-in-library-only-package", "--timeout", "3", "--rules", wc.rules.toString(),
                "--knowledge", wc.knowledge.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains(": case failed: ").contains("rule `spins-on-lto` (" + drl + ":5) did not finish within 3 s")
                .containsPattern("rules test: 0 passed, 1 failed, \\d+ not run \\(1 rule, ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aConsequenceCallingSystemExitIsRefusedAtTheCall() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/exit.drl");
        WorkingCopy.append(drl, SPIN_ON_LTO.formatted("// System.exit in a comment is fine, and so is \"Runtime\" in a string\n"
                + "    if ( $e.line() > 0 ) System.exit( 0 );\n    java.util.function.IntConsumer x = System :: exit;"));
        CliRun run = rulesTest(wc);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: " + drl + ":10:26: `spins-on-lto` uses `System.exit` in its consequence, which could end or "
                + "escape the process that runs the rules (`rules test`, `serve`); a consequence only inserts a fact\n"
                + "error: " + drl + ":11:40: `spins-on-lto` uses `System::exit` in its consequence, which could end or escape the process "
                + "that runs the rules (`rules test`, `serve`); a consequence only inserts a fact\n");
    }

    @Test
    void rulesTestDoesNotExitZeroWhenAConsequenceEndsTheProcessUnseen() throws Exception {
        // reflection gets past the compile-time check: the shutdown check names the rule and the exit code is 1
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/exit.drl");
        WorkingCopy.append(drl, SPIN_ON_LTO.formatted("try { Class.forName( \"java.lang.Sys\" + \"tem\" ).getMethod( \"ex\" + \"it\", int.class )"
                + ".invoke( null, 0 ); } catch ( Exception x ) { throw new IllegalStateException( x ); }"));
        Jvm run = Jvm.run("rules", "test", "lto-in-library-only-package", "--rules", wc.rules.toString(), "--knowledge", wc.knowledge.toString());
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: rules test did not finish: the process was told to exit while rule `spins-on-lto` (" + drl
                + ":5) was running; a consequence must not end the process (`System.exit`, `Runtime.halt`)\n");
    }

    // --- size ----------------------------------------------------------------------------------------------

    @Test
    void aSidecarOfTenThousandRulesFitsTheLaunchersHeap() throws Exception {
        // tomlj keeps a tree node per character of a string: in one piece this sidecar took more than 256 MB
        WorkingCopy wc = new WorkingCopy(tmp);
        StringBuilder toml = new StringBuilder("# generated\n");
        for (int i = 0; i < 10_000; i++) {
            toml.append("[rule.many-").append(i).append("]\nkind = \"finding\"\nseverity = \"note\"\ntitle = \"generated rule ").append(i)
                    .append(" about `lto`\"\nmessage = \"the key `{key}` is set\"\nwhy = \"generated, to see how the tool copes with many\"\n\n")
                    .append("[[rule.many-").append(i).append(".case]]\nname = \"x\"\nmanifest = '''\n[profile.release]\nlto = true\n'''\n")
                    .append("expect = \"silent\"\n\n");
        }
        assertThat(toml.length()).isGreaterThan(1_500_000);
        Path sidecar = wc.rules.resolve("audit/many.toml");
        Files.writeString(sidecar, toml);
        Jvm run = Jvm.run("rules", "lint", "--rules", wc.rules.toString(), "--knowledge", wc.knowledge.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains(sidecar + ":2:1: error: docs for `many-0`, but no DRL rule has that name [rules-lint]\n")
                .contains(sidecar + ":" + (2 + 9_999 * 15) + ":1: error: docs for `many-9999`, but no DRL rule has that name [rules-lint]\n");
        assertThat(run.out().lines().filter(l -> l.contains(": error: docs for `many-"))).hasSize(10_000);
    }

    @Test
    void rulesThatDoNotFitTheHeapAreOneLineNotAStackTrace() throws Exception {
        // 10,000 rules compile within the launcher's 256 MB (measured, slowly); 3,000 in a 40 MB heap do not
        WorkingCopy wc = new WorkingCopy(tmp);
        StringBuilder drl = new StringBuilder(AUDIT_IMPORTS);
        for (int i = 0; i < 3_000; i++) {
            drl.append("rule \"many-").append(i).append("\"\nwhen\n    $e : EffectiveFact( key == \"lto\", line == ").append(i + 2)
                    .append(" )\nthen\n    insert( Finding.at( kcontext.getRule().getName(), $e.file(), $e.line(), $e.column(), \"key\", $e.key() ) );\nend\n\n");
        }
        Files.writeString(wc.rules.resolve("audit/many.drl"), drl);
        Jvm run = Jvm.withHeap("40m", "rules", "lint", "--rules", wc.rules.toString(), "--knowledge", wc.knowledge.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).matches("error: " + java.util.regex.Pattern.quote(wc.rules + "/audit") + ": ran out of memory compiling \\d+ rules "
                + "\\(the JVM's heap is at most \\d+ MB\\); give it more, e\\.g\\. CPA_JAVA_OPTS=-Xmx1g\n");
    }

    /** The command line in a JVM of its own, as a maintainer runs it: what a stuck or exiting rule does stays there. */
    record Jvm(int code, String out, String err) {
        static Jvm run(String... args) throws Exception {
            return withHeap("256m", args);
        }

        static Jvm withHeap(String heap, String... args) throws Exception {
            Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new java.util.ArrayList<>(List.of(javaBin.toString(), "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), "dev.profileadvisor.cli.Main"));
            command.addAll(List.of(args));
            Path out = Files.createTempFile("rules-out", ".txt");
            Path err = Files.createTempFile("rules-err", ".txt");
            try {
                Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError("`" + String.join(" ", args) + "` did not exit within 180 s");
                }
                return new Jvm(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    private Path writeManifest(String text) {
        try {
            Path dir = Files.createDirectories(tmp.resolve("project"));
            Files.writeString(dir.resolve("Cargo.toml"), text);
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
            return dir.resolve("Cargo.toml");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
