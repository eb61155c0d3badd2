package dev.profileadvisor.authoring;

import dev.profileadvisor.recommend.Trace;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.audit.AuditFinding;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.recommend.Request;

import dev.profileadvisor.catalog.RuleCase;
import dev.profileadvisor.catalog.MessageTemplate;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.catalog.SuppliedValues;

import dev.profileadvisor.engine.RunWatch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule maintainer runs: every documented case ({@code rules test}) and the catalogue checks
 * ({@code rules lint}). Both work on whatever rules and knowledge the advisor was loaded with.
 */
public final class RuleChecks {
    private static final Pattern UNFILLED = Pattern.compile("\\{[^{}\\s]*}?");
    private static final Pattern BARE_ASSIGNMENT = Pattern.compile("\\b[a-z][a-z-]* = (\"[^\"]*\"|\\d+|true|false)");

    private RuleChecks() {
    }

    /** How long {@code rules test} lets one case run unless told otherwise. */
    public static final Duration CASE_DEADLINE = Duration.ofSeconds(20);

    /**
     * The outcome of one case.
     *
     * @param ruleCase the case
     * @param failure  what went wrong, or empty when it passed
     * @param ran      false for a case not run because an earlier one never finished ({@link Runner})
     */
    public record CaseResult(RuleCase ruleCase, Optional<String> failure, boolean ran) {
        /**
         * The outcome of a case that ran.
         *
         * @param ruleCase the case
         * @param failure  what went wrong, or empty when it passed
         */
        public CaseResult(RuleCase ruleCase, Optional<String> failure) {
            this(ruleCase, failure, true);
        }

        /** @return whether the case ran and passed */
        public boolean passed() {
            return ran && failure.isEmpty();
        }
    }

    /**
     * Runs every case of every documented rule ({@link Runner}, {@link #CASE_DEADLINE} per case).
     *
     * @param advisor the advisor whose rules to test
     * @return one result per case, in catalogue order
     */
    public static List<CaseResult> test(ProfileAdvisor advisor) {
        return new Runner(advisor, CASE_DEADLINE).test(List.of());
    }

    /**
     * Runs the cases of some rules only ({@link Runner}, {@link #CASE_DEADLINE} per case).
     *
     * @param advisor the advisor whose rules to test
     * @param ids     the ids of the rules whose cases to run; an id with no docs has no cases
     * @return one result per case, in catalogue order
     */
    public static List<CaseResult> test(ProfileAdvisor advisor, java.util.Collection<String> ids) {
        return ids.isEmpty() ? List.of() : new Runner(advisor, CASE_DEADLINE).test(ids);
    }

    /**
     * Runs cases one after the other on a worker thread, each with a deadline. A consequence that never returns
     * ({@code while (true) {}}) cannot be stopped: Java cannot interrupt a thread that does not ask whether it is
     * interrupted, and {@code Thread.stop} is gone from recent JDKs and unsafe in all. So when a case misses its
     * deadline the runner names the rule whose consequence is running, interrupts the worker (which ends a loop that
     * does check), leaves it behind as a daemon thread that does not keep the JVM alive, and runs no further case:
     * each would likely meet the same rule and leave one more spinning thread. The command line then exits with its
     * code as usual; an embedding caller keeps the spinning thread until its JVM ends.
     */
    public static final class Runner {
        private final ProfileAdvisor advisor;
        private final Duration deadline;
        private final RunWatch watch = new RunWatch();
        private volatile boolean running;

        /**
         * @param advisor  the advisor whose rules to test
         * @param deadline how long one case may run
         */
        public Runner(ProfileAdvisor advisor, Duration deadline) {
            if (deadline.isNegative() || deadline.isZero()) throw new IllegalArgumentException("a deadline is positive, found " + deadline);
            this.advisor = advisor;
            this.deadline = deadline;
        }

        /**
         * Runs the cases of the rules named, or of every rule. Every rule is compiled first, so that compiling is not
         * counted against a case's deadline.
         *
         * @param ids the ids of the rules whose cases to run; empty for every rule
         * @return one result per case, in catalogue order; after a case that missed its deadline, the rest did not run
         */
        public List<CaseResult> test(java.util.Collection<String> ids) {
            Map<String, String> where = advisor.ruleLocations();
            List<RuleCase> cases = new ArrayList<>();
            for (RuleDoc doc : advisor.rules().values()) if (ids.isEmpty() || ids.contains(doc.id())) cases.addAll(doc.cases());
            List<CaseResult> out = new ArrayList<>();
            ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "rule-case");
                t.setDaemon(true);
                return t;
            });
            running = true;
            try {
                for (int i = 0; i < cases.size(); i++) {
                    RuleCase c = cases.get(i);
                    Future<CaseResult> result = worker.submit(() -> watch.around(() -> run(advisor, c)));
                    try {
                        out.add(result.get(deadline.toMillis(), TimeUnit.MILLISECONDS));
                    } catch (TimeoutException e) {
                        Optional<String> rule = watch.firing();
                        result.cancel(true);
                        String seconds = deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
                        String why = rule.map(r -> "rule `" + r + "` (" + where.getOrDefault(r, "?") + ") did not finish within " + seconds
                                        + ": its consequence does not return")
                                .orElse("the case did not finish within " + seconds + ", with no consequence running (a condition that "
                                        + "does not return, or a machine too busy)");
                        out.add(new CaseResult(c, Optional.of(why + "; a thread that does not return cannot be stopped, so the "
                                + (cases.size() - i - 1) + " cases after this one were not run")));
                        for (RuleCase rest : cases.subList(i + 1, cases.size())) out.add(new CaseResult(rest, Optional.empty(), false));
                        break;
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException r) throw r;
                        if (cause instanceof Error err) throw err;
                        throw new IllegalStateException(cause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while running the rule cases", e);
                    }
                }
            } finally {
                running = false;
                worker.shutdownNow();
            }
            return out;
        }

        /**
         * What was running at this moment, for a caller that sees the process end while {@link #test} runs (a
         * consequence that calls {@code System.exit} by a way the compiler's check does not see).
         *
         * @return empty when no case is running; otherwise {@code rule `ID` (file:line)} of the consequence running,
         *         or {@code a case} between firings
         */
        public Optional<String> runningNow() {
            if (!running) return Optional.empty();
            return Optional.of(watch.firing().map(r -> "rule `" + r + "` (" + advisor.ruleLocations().getOrDefault(r, "?") + ")").orElse("a case"));
        }
    }

    /**
     * Runs one case.
     *
     * @param advisor the advisor
     * @param c       the case
     * @return its result
     */
    public static CaseResult run(ProfileAdvisor advisor, RuleCase c) {
        RuleDoc doc = advisor.rules().get(c.rule());
        boolean finding = doc == null || doc.kind() == RuleDoc.Kind.FINDING;
        if (c.isAudit() && finding) return runAudit(advisor, c);
        Request request = Request.goals(c.goals().toArray(String[]::new));
        if (!c.profile().isEmpty()) request = request.profile(c.profile());
        if (!c.inherits().isEmpty()) request = request.inherits(c.inherits());
        if (!c.targetCpu().isEmpty()) request = request.targetCpu(c.targetCpu());
        if (!c.measured().isEmpty() && !c.goals().isEmpty()) {
            String goal = advisor.knowledge().goal(dev.profileadvisor.GoalWeight.parse(c.goals().get(0)).goal()).map(g -> g.id()).orElse(c.goals().get(0));
            List<dev.profileadvisor.recommend.MeasuredChoice> choices = new java.util.ArrayList<>();
            c.measured().forEach((k, v) -> choices.add(new dev.profileadvisor.recommend.MeasuredChoice(goal, k, v, "the case's measurement")));
            request = request.measured(choices);
        }
        if (!c.host().isEmpty()) {
            String programs = c.host().getOrDefault("programs", "");
            request = request.host(dev.profileadvisor.recommend.Host.of(c.host().get("triple"), c.host().getOrDefault("rustc", "1.95.0"),
                    programs.isEmpty() ? List.of() : List.of(programs.split(" ")), Optional.ofNullable(c.host().get("cc"))));
        }
        Trace trace;
        Path dir = null;
        try {
            if (c.isAudit()) { // a recommend case with a project: the plan is computed against it
                dir = java.nio.file.Files.createTempDirectory("rule-case-");
                write(dir.resolve("Cargo.toml"), c.writtenManifest());
                if (!c.config().isEmpty()) write(dir.resolve(".cargo/config.toml"), c.config());
                for (Map.Entry<String, String> f : c.files().entrySet()) write(inside(dir, f.getKey()), f.getValue());
                if (c.files().keySet().stream().noneMatch(f -> f.startsWith("src/"))) write(dir.resolve("src/main.rs"), "fn main() {}\n");
                request = request.project(advisor.project(dir.resolve("Cargo.toml"), c.env(), dir));
            }
            trace = advisor.trace(request);
        } catch (AdvisorException e) {
            return new CaseResult(c, Optional.of("the request failed: " + e.problems().stream().map(Problem::toString)
                    .collect(java.util.stream.Collectors.joining("; "))));
        } catch (java.io.IOException e) {
            return new CaseResult(c, Optional.of("cannot write the case's files: " + e.getMessage()));
        } finally {
            if (dir != null) deleteTree(dir);
        }
        List<String> failures = new ArrayList<>();
        boolean fired = trace.firings().getOrDefault(c.rule(), 0) > 0;
        if (c.expect() == RuleCase.Expect.FIRES && !fired) failures.add("expected `" + c.rule() + "` to fire, but it stayed silent");
        if (c.expect() == RuleCase.Expect.SILENT && fired) failures.add("expected `" + c.rule() + "` to stay silent, but it fired");
        trace.recommendation().notes().stream().filter(n -> n.rule().equals(c.rule()))
                .forEach(n -> unfilled("message", n.message()).ifPresent(failures::add));
        var rec = trace.recommendation();
        List<String> texts = new ArrayList<>();
        rec.notes().stream().filter(n -> n.rule().equals(c.rule())).forEach(n -> texts.add(n.message()));
        rec.config().stream().filter(l -> l.rule().equals(c.rule())).forEach(l -> {
            texts.add(l.reason());
            unfilled("message", l.reason()).ifPresent(failures::add);
        });
        if (!c.message().isEmpty() && fired && !texts.contains(c.message())) {
            failures.add("expected the message\n    " + c.message() + "\n  got\n    " + String.join("\n    ", texts));
        }
        if (!c.messageContains().isEmpty() && fired && texts.stream().noneMatch(t -> t.contains(c.messageContains()))) {
            failures.add("expected a message containing `" + c.messageContains() + "`, got\n    " + String.join("\n    ", texts));
        }
        if (!c.rustflags().isEmpty() && java.util.Collections.indexOfSubList(rec.rustflags(), c.rustflags()) < 0) {
            failures.add("expected the plan's rustflags to hold " + c.rustflags() + ", got " + rec.rustflags());
        }
        if (!c.linker().isEmpty() && !rec.linker().equals(Optional.of(c.linker()))) {
            failures.add("expected the plan to write `linker = \"" + c.linker() + "\"`, got " + rec.linker().map(l -> "`" + l + "`").orElse("none"));
        }
        for (Map.Entry<String, String> e : c.settings().entrySet()) {
            String got = trace.decisions().get(e.getKey());
            if (!e.getValue().equals(got)) {
                failures.add("expected `" + e.getKey() + "` to be `" + e.getValue() + "`, got `" + got + "`");
            }
        }
        return new CaseResult(c, failures.isEmpty() ? Optional.empty() : Optional.of(joined(failures)));
    }

    private static CaseResult runAudit(ProfileAdvisor advisor, RuleCase c) {
        Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("rule-case-");
            write(dir.resolve("Cargo.toml"), c.writtenManifest());
            if (!c.config().isEmpty()) write(dir.resolve(".cargo/config.toml"), c.config());
            for (Map.Entry<String, String> f : c.files().entrySet()) write(inside(dir, f.getKey()), f.getValue());
            if (c.files().keySet().stream().noneMatch(f -> f.startsWith("src/"))) write(dir.resolve("src/main.rs"), "fn main() {}\n");
            List<GoalWeight> goals = c.goals().stream().map(GoalWeight::parse).toList();
            AuditReport report = advisor.audit(new AuditRequest(List.of(dir.resolve("Cargo.toml")), goals, c.env(), dir));
            if (!report.errors().isEmpty()) {
                return new CaseResult(c, Optional.of("the audit failed: " + report.errors().get(0)));
            }
            List<AuditFinding> mine = report.findings().stream().filter(f -> f.id().equals(c.rule())).toList();
            List<String> failures = new ArrayList<>();
            if (c.expect() == RuleCase.Expect.FIRES && mine.isEmpty()) {
                failures.add("expected `" + c.rule() + "` to fire, but it stayed silent (findings: "
                        + report.findings().stream().map(AuditFinding::id).distinct().toList() + ")");
            }
            if (c.expect() == RuleCase.Expect.SILENT && !mine.isEmpty()) {
                failures.add("expected `" + c.rule() + "` to stay silent, but it fired: " + mine.get(0).location() + ": " + mine.get(0).message());
            }
            for (AuditFinding f : mine) {
                unfilled("message", f.message()).ifPresent(failures::add);
                unfilled("help", f.help()).ifPresent(failures::add);
            }
            if (c.expect() == RuleCase.Expect.FIRES && !mine.isEmpty()) located(c, mine).ifPresent(failures::add);
            return new CaseResult(c, failures.isEmpty() ? Optional.empty() : Optional.of(joined(failures)));
        } catch (AdvisorException e) { // a rule that loops or throws: where it is, and what it did
            return new CaseResult(c, Optional.of("the audit failed: " + e.problems().stream().map(Problem::toString)
                    .collect(java.util.stream.Collectors.joining("; "))));
        } catch (java.io.IOException e) {
            return new CaseResult(c, Optional.of("cannot write the case's files: " + e.getMessage()));
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    /** The failures of a case on one line, or one below the other when some take several lines (a message diff). */
    private static String joined(List<String> failures) {
        return String.join(failures.stream().anyMatch(f -> f.contains("\n")) ? "\n" : "; ", failures);
    }

    /** A placeholder left in a rendered text: a template names a value the finding does not have. */
    private static Optional<String> unfilled(String field, String text) {
        Matcher m = UNFILLED.matcher(text);
        return m.find() ? Optional.of("the " + field + " still has the placeholder `" + m.group() + "`: " + text) : Optional.empty();
    }

    /** Whether one of the rule's findings is where the case says, with the message it says. */
    private static Optional<String> located(RuleCase c, List<AuditFinding> mine) {
        List<AuditFinding> here = mine.stream().filter(f -> (c.at() == 0 || f.line() == c.at())
                && (c.column() == 0 || f.column() == c.column())).toList();
        if (here.isEmpty()) {
            String where = c.column() == 0 ? "on line " + c.at() : c.at() == 0 ? "at column " + c.column() : "at " + c.at() + ":" + c.column();
            return Optional.of("expected the finding " + where + ", got " + mine.stream().map(AuditFinding::location).toList());
        }
        if (!c.message().isEmpty() && here.stream().noneMatch(f -> f.message().equals(c.message()))) {
            return Optional.of(difference("the message is not the one expected", "expected", c.message(), here.get(0).message()));
        }
        if (!c.messageContains().isEmpty() && here.stream().noneMatch(f -> f.message().contains(c.messageContains()))) {
            return Optional.of("the message does not contain the text expected:\n  expected to contain: " + c.messageContains()
                    + "\n                found: " + here.get(0).message());
        }
        return Optional.empty();
    }

    /** The expected and the found text one above the other, a caret under the first character that differs. */
    private static String difference(String what, String label, String expected, String found) {
        int i = 0;
        while (i < expected.length() && i < found.length() && expected.charAt(i) == found.charAt(i)) i++;
        String pad = " ".repeat(Math.max(0, label.length() - "found".length()));
        return what + ":\n  " + label + ": " + expected + "\n  " + pad + "found: " + found + "\n  "
                + " ".repeat(label.length() + 2 + i) + "^ first difference, at character " + (i + 1);
    }

    /** A case file's path under its scratch directory; {@link RuleCase} already refuses one that would leave it. */
    private static Path inside(Path dir, String relative) {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) throw new IllegalArgumentException("`files` entry `" + relative + "` is outside " + dir);
        return p;
    }

    private static void write(Path p, String text) throws java.io.IOException {
        java.nio.file.Files.createDirectories(p.getParent());
        java.nio.file.Files.writeString(p, text);
    }

    private static void deleteTree(Path dir) {
        try (var walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /**
     * Checks the rule catalogue without running cases: every DRL rule is documented and every documented rule
     * exists, each has a case that fires and (except decision rules, which fire on every request) one that
     * stays silent, every placeholder of its message, fix and parts is a value its consequence supplies and every
     * value it supplies is named, its consequence passes values rather than wording, titles and messages follow
     * the house style, and every trait a condition matches is one some knowledge value has.
     *
     * @param advisor the advisor whose rules to check
     * @return the problems, each at the docs file and line (empty when all is well)
     */
    public static List<Problem> lint(ProfileAdvisor advisor) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleDoc> docs = advisor.rules();
        Map<String, String> locations = advisor.ruleLocations(); // a new map each call: once, not once per rule
        locations.forEach((id, where) -> {
            if (!docs.containsKey(id)) {
                String[] fl = where.split(":(?=\\d+$)");
                problems.add(new Problem(fl[0], Integer.parseInt(fl[1]), 1, "rule `" + id
                        + "` has no docs: add `[rule." + id + "]` to the .toml file beside it"));
            }
        });
        for (RuleDoc d : docs.values()) {
            if (!locations.containsKey(d.id())) {
                problems.add(new Problem(d.file(), d.line(), 1, "docs for `" + d.id() + "`, but no DRL rule has that name"));
                continue;
            }
            if (d.cases().stream().noneMatch(c -> c.expect() == RuleCase.Expect.FIRES)) {
                problems.add(new Problem(d.file(), d.line(), 1, "rule `" + d.id() + "` has no case that fires"));
            }
            if (d.kind() != RuleDoc.Kind.DECISION && d.cases().stream().noneMatch(c -> c.expect() == RuleCase.Expect.SILENT)) {
                problems.add(new Problem(d.file(), d.line(), 1, "rule `" + d.id() + "` has no case that stays silent"));
            }
            templates(problems, d, advisor.suppliedValues().get(d.id()));
            style(problems, d, "title", d.title());
            if (!d.message().isEmpty()) style(problems, d, "message", d.message());
            if (d.why().isBlank()) problems.add(new Problem(d.file(), d.line(), 1, "rule `" + d.id() + "` has no `why`"));
            if (d.kind() == RuleDoc.Kind.FINDING && d.severity().isEmpty()) {
                problems.add(new Problem(d.file(), d.line(), 1, "finding `" + d.id() + "` has no `severity`"));
            }
        }
        traits(problems, advisor);
        return problems;
    }

    /** A trait a condition matches that no value of the knowledge has: the condition never (or, negated, always) holds. */
    private static void traits(List<Problem> problems, ProfileAdvisor advisor) {
        Set<String> known = new java.util.TreeSet<>();
        advisor.knowledge().settings().values().forEach(s -> s.values().forEach(v -> known.addAll(v.traits())));
        for (dev.profileadvisor.catalog.TraitUse t : advisor.traitUses()) {
            if (known.contains(t.trait())) continue;
            String condition = t.negated() ? "`traits not contains` always holds" : "`traits contains` never holds";
            problems.add(new Problem(t.file(), t.line(), t.column(), "`" + t.rule() + "` matches the trait `" + t.trait()
                    + "`, which no value in knowledge/settings.toml has, so " + condition
                    + dev.profileadvisor.knowledge.Suggestions.closest(t.trait(), known).map(c -> "; did you mean `" + c + "`?").orElse("")));
        }
    }

    /**
     * The placeholders of a rule's message, fix and parts against the values its consequence supplies, both ways,
     * and wording written into the consequence instead of the sidecar.
     */
    private static void templates(List<Problem> problems, RuleDoc d, SuppliedValues supplied) {
        if (supplied == null) return;
        if (!supplied.unreadable().isEmpty()) {
            problems.addAll(supplied.unreadable());
            return;
        }
        Set<String> names = supplied.names();
        String supplies = names.isEmpty() ? "it supplies none" : "it supplies: " + String.join(", ", names);
        Set<String> used = new LinkedHashSet<>();
        Set<String> partsNamed = new LinkedHashSet<>();
        for (String field : List.of("message", "fix")) {
            String text = field.equals("message") ? d.message() : d.fix();
            for (String p : MessageTemplate.placeholders(text)) {
                if (d.parts().containsKey(p)) {
                    partsNamed.add(p);
                } else {
                    used.add(p);
                    if (!names.contains(p)) {
                        problems.add(at(d, field, "`" + field + "` of `" + d.id() + "` names `{" + p + "}`, which the rule never supplies ("
                                + supplies + ")"));
                    }
                }
            }
        }
        for (String source : d.sources()) {
            for (String p : MessageTemplate.placeholders(source)) {
                used.add(p);
                if (!names.contains(p)) {
                    problems.add(at(d, "sources", "source `" + source + "` of `" + d.id() + "` names `{" + p
                            + "}`, which the rule never supplies (" + supplies + ")"));
                }
            }
        }
        d.parts().forEach((part, alternatives) -> {
            String where = "parts." + part;
            if (names.contains(part)) {
                problems.add(at(d, where, "part `" + part + "` of `" + d.id() + "` has the name of a value the rule supplies; rename the part"));
            }
            if (!partsNamed.contains(part)) {
                problems.add(at(d, where, "part `" + part + "` of `" + d.id() + "` is named by neither its message nor its fix"));
            }
            for (String alternative : alternatives) {
                for (String p : MessageTemplate.placeholders(alternative)) {
                    used.add(p);
                    if (d.parts().containsKey(p)) {
                        problems.add(at(d, where, "part `" + part + "` of `" + d.id() + "` names the part `{" + p + "}`; a part names values only"));
                    } else if (!names.contains(p)) {
                        problems.add(at(d, where, "part `" + part + "` of `" + d.id() + "` names `{" + p + "}`, which the rule never supplies ("
                                + supplies + ")"));
                    }
                }
            }
        });
        Set<String> reported = new LinkedHashSet<>();
        for (SuppliedValues.Value v : supplied.values()) {
            if (!used.contains(v.name()) && reported.add(v.name())) {
                problems.add(new Problem(v.file(), v.line(), v.column(), "`" + d.id() + "` supplies `" + v.name()
                        + "`, which neither its message, its fix nor a part names"));
            }
            for (String literal : v.literals()) {
                if (literal.contains(" ") || literal.contains("`")) {
                    problems.add(new Problem(v.file(), v.line(), v.column(), "`" + d.id() + "` words `" + v.name()
                            + "` in its consequence (" + literal + "): pass the values, and word them in the sidecar's message, fix or parts"));
                    break;
                }
            }
        }
    }

    private static Problem at(RuleDoc d, String field, String message) {
        RuleDoc.Position p = d.positions().get(field);
        return p == null ? new Problem(d.file(), d.line(), 1, message) : new Problem(d.file(), p.line(), p.column(), message);
    }

    private static void style(List<Problem> problems, RuleDoc d, String field, String text) {
        String where = "`" + field + "` of `" + d.id() + "`";
        if (text.isEmpty()) {
            problems.add(new Problem(d.file(), d.line(), 1, where + " is empty"));
            return;
        }
        char first = text.charAt(0);
        if (Character.isUpperCase(first)) {
            problems.add(new Problem(d.file(), d.line(), 1, where + " must start lowercase (rustc style): `" + text + "`"));
        }
        if (text.endsWith(".")) {
            problems.add(new Problem(d.file(), d.line(), 1, where + " must not end with a period: `" + text + "`"));
        }
        Matcher m = BARE_ASSIGNMENT.matcher(text.replaceAll("`[^`]*`", "``"));
        if (m.find()) {
            problems.add(new Problem(d.file(), d.line(), 1, where + " must put values in backticks: `" + m.group() + "`"));
        }
    }
}
