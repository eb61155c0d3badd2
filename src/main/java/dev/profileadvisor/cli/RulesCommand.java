package dev.profileadvisor.cli;

import dev.profileadvisor.Problem;
import dev.profileadvisor.Severity;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.authoring.RuleChecks;
import dev.profileadvisor.json.JsonDocuments;
import dev.profileadvisor.catalog.FactDoc;
import dev.profileadvisor.catalog.RuleDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;

/** {@code rules list|test|lint} (and the build's hidden {@code rules check}): for maintainers. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List, test and lint the rules.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.TestRules.class, RulesCommand.LintRules.class,
                RulesCommand.CheckRules.class})
final class RulesCommand {

    /** {@code rules list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Id, kind, severity and title of every rule.")
    static final class ListRules implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
        PlainFormat format;
        @Option(names = "--facts", description = "List the fact records the rules match instead: each field, its type and what it holds.")
        boolean facts;
        @Mixin
        LoadOptions load;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (facts) {
                listFacts(out);
                return Main.OK;
            }
            ProfileAdvisor advisor = load.advisor();
            if (format == PlainFormat.json) {
                out.println(JsonDocuments.write(JsonDocuments.rules(advisor)));
            } else {
                int w = advisor.rules().keySet().stream().mapToInt(String::length).max().orElse(10);
                for (RuleDoc d : advisor.rules().values()) {
                    out.printf("%-" + w + "s  %-10s  %-7s  %s%n", d.id(), d.kind().label(),
                            d.severity().map(Severity::label).orElse("-"), TerminalText.line(d.title())); // a working copy's sidecar
                }
            }
            out.flush();
            return Main.OK;
        }

        /** Each fact record, then one line per field: name, type, description (its Javadoc {@code @param}). */
        private void listFacts(PrintWriter out) {
            List<FactDoc> all = FactDoc.all();
            if (format == PlainFormat.json) {
                out.println(JsonDocuments.write(JsonDocuments.facts(all)));
            } else {
                int nw = all.stream().flatMap(f -> f.fields().stream()).mapToInt(f -> f.name().length()).max().orElse(10);
                int tw = all.stream().flatMap(f -> f.fields().stream()).mapToInt(f -> f.type().length()).max().orElse(10);
                for (FactDoc f : all) {
                    out.println(f.name() + ": " + f.summary());
                    for (FactDoc.Field field : f.fields()) {
                        out.printf("  %-" + nw + "s  %-" + tw + "s  %s%n", field.name(), field.type(), field.description());
                    }
                }
            }
            out.flush();
        }
    }

    /** {@code rules test}. */
    @Command(name = "test", mixinStandardHelpOptions = true, description = "Run every documented rule case, or only the cases of the rules named.")
    static final class TestRules implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", arity = "0..*", description = "Rule ids whose cases to run (default: every rule).")
        List<String> ids = List.of();
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
                description = "Most seconds one case may run (default: ${DEFAULT-VALUE}); a case past it fails naming the rule that is running, and no later case runs.")
        int timeout;
        @Mixin
        LoadOptions load;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (timeout < 1 || timeout > 86_400) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: --timeout must be between 1 and 86400 seconds, found `" + timeout + "`");
                err.flush();
                return Main.BAD_INPUT;
            }
            ProfileAdvisor advisor = load.advisor();
            List<String> unknown = ids.stream().filter(id -> !advisor.rules().containsKey(id))
                    .map(id -> "error: unknown rule `" + id + "`" + dev.profileadvisor.knowledge.Suggestions.closest(id, advisor.rules().keySet())
                            .map(c -> "; did you mean `" + c + "`?").orElse(" (`cargo-profile-advisor rules list` lists them)")).toList();
            if (!unknown.isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                unknown.forEach(l -> err.println(TerminalText.line(l)));
                err.flush();
                return Main.BAD_INPUT;
            }
            long start = System.nanoTime();
            RuleChecks.Runner runner = new RuleChecks.Runner(advisor, java.time.Duration.ofSeconds(timeout));
            List<RuleChecks.CaseResult> results = withExitCheck(runner, () -> runner.test(ids));
            long failed = results.stream().filter(r -> r.ran() && !r.passed()).count();
            long notRun = results.stream().filter(r -> !r.ran()).count();
            for (RuleChecks.CaseResult r : results) {
                if (r.passed() || !r.ran()) continue;
                String head = TerminalText.line(r.ruleCase().where() + ": case failed: " + r.ruleCase().name());
                String failure = r.failure().get();
                if (failure.contains("\n")) { // a message diff: its lines stay aligned below the case
                    StringBuilder lines = new StringBuilder();
                    for (String l : failure.split("\n", -1)) lines.append("\n  ").append(TerminalText.line(l));
                    out.println(head + " [" + r.ruleCase().rule() + "]" + lines);
                } else {
                    out.println(head + ": " + TerminalText.line(failure) + " [" + r.ruleCase().rule() + "]");
                }
            }
            long rules = results.stream().map(r -> r.ruleCase().rule()).distinct().count();
            out.printf("rules test: %d passed, %d failed%s (%s, %.0f ms)%n", results.size() - failed - notRun, failed,
                    notRun == 0 ? "" : ", " + notRun + " not run", count(rules, "rule"), (System.nanoTime() - start) / 1e6);
            out.flush();
            return failed == 0 && notRun == 0 ? Main.OK : Main.CHECK_FAILED;
        }

        /**
         * Runs the cases with a shutdown hook that notices the JVM ending before they are done: a consequence that
         * calls {@code System.exit} in a way the compiler's check cannot see (reflection) would otherwise end
         * {@code rules test} with that consequence's exit code, often 0, and no word. The hook names what was running
         * (the rule, when a consequence was) and forces the exit code to 1, also when a signal stopped the run: a check
         * that did not finish did not pass.
         */
        private <T> T withExitCheck(RuleChecks.Runner runner, java.util.function.Supplier<T> body) {
            Thread hook = new Thread(() -> runner.runningNow().ifPresent(what -> {
                System.out.flush();
                System.err.println("error: rules test did not finish: the process was told to exit while " + what + " was running"
                        + (what.startsWith("rule ") ? "; a consequence must not end the process (`System.exit`, `Runtime.halt`)" : ""));
                System.err.flush();
                Runtime.getRuntime().halt(Main.CHECK_FAILED);
            }), "rules-test-exit-check");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return body.get();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting: the hook runs and reports
                }
            }
        }
    }

    /** {@code rules lint}. */
    @Command(name = "lint", mixinStandardHelpOptions = true, description = "Check that every rule has docs, cases and house-style messages, and that every source URL is https:// or a file in the repository.")
    static final class LintRules implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoadOptions load;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ProfileAdvisor advisor = load.advisor();
            List<Problem> problems = new java.util.ArrayList<>(RuleChecks.lint(advisor));
            problems.addAll(dev.profileadvisor.knowledge.KnowledgeLoader.lintSourceUrls(java.util.Optional.ofNullable(load.knowledge)));
            problems.forEach(p -> out.println(TerminalText.line(new Problem(p.file(), p.line(), p.column(), "error: " + p.message())) + " [rules-lint]"));
            out.printf("rules lint: %s, %s%n", count(advisor.rules().size(), "rule"), count(problems.size(), "problem"));
            out.flush();
            return problems.isEmpty() ? Main.OK : Main.CHECK_FAILED;
        }
    }

    /**
     * {@code rules check} (hidden): loads the knowledge and compiles every rule, printing nothing when both are
     * sound. {@code mvn package} runs it on the files it bundles (see pom.xml), so a DRL or knowledge file that does
     * not compile fails the build with its {@code file:line:col} instead of going into the jar.
     */
    @Command(name = "check", hidden = true, description = "Compile every rule and load the knowledge; print only errors.")
    static final class CheckRules implements java.util.concurrent.Callable<Integer> {
        @Mixin
        LoadOptions load;

        @Override
        public Integer call() {
            ProfileAdvisor.load(java.util.Optional.ofNullable(load.rules), java.util.Optional.ofNullable(load.knowledge));
            return Main.OK;
        }
    }

    /** {@code 1 rule}, {@code 2 rules}. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
