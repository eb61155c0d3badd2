package dev.profileadvisor.engine;

import dev.profileadvisor.catalog.RuleFile;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL rules compiled once into a Drools {@link KieBase}, shared by all threads; {@link #run(Collection)} runs
 * each call in a pooled session reset afterwards, {@link #run(List, Collection)} in a standing session that keeps
 * the facts many calls share.
 */
public final class RuleBase {
    /** Most firings one request may take before the engine calls it a loop, over {@link #FIRINGS_PER_FACT} per fact. */
    public static final int FIRING_LIMIT = 10_000;
    /**
     * Firings each input fact adds to {@link #FIRING_LIMIT}: a large input (10,001 unknown keys, each a finding) fires
     * in proportion to its size, a loop without end.
     */
    public static final int FIRINGS_PER_FACT = 20;
    /**
     * Most times one rule may fire on the same facts (the same fact handles, which {@code modify} and {@code update}
     * keep) before the engine calls it a loop, however large the input.
     */
    public static final int SAME_MATCH_LIMIT = 100;

    static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final StandingSessions standingSessions;
    /** Why these rules cannot share standing sessions ({@link StandingSessions#unsafe}), if they cannot. */
    private final Optional<String> noStanding;
    /**
     * Sessions without Drools' internal locking: a session is only ever used by one thread at a time (the pools
     * hand it over through concurrent queues), so the locks would only cost time (figures: docs/architecture.md).
     */
    static final org.kie.api.runtime.KieSessionConfiguration ONE_THREAD_AT_A_TIME = oneThreadAtATime();
    private final List<KiePackage> packages; // what compile() built, kept until it is written to a cache file
    private final Map<String, Location> rules;

    /**
     * Where a rule is declared.
     *
     * @param file file name for messages
     * @param line 1-based line of {@code rule "…"}
     */
    public record Location(String file, int line) {
    }

    private static org.kie.api.runtime.KieSessionConfiguration oneThreadAtATime() {
        org.kie.api.runtime.KieSessionConfiguration conf = org.kie.api.KieServices.Factory.get().newKieSessionConfiguration();
        conf.setOption(org.kie.api.runtime.conf.ThreadSafeOption.NO);
        return conf;
    }

    /** A rule base read back from compiled packages (see {@link CompiledRulesCache}). */
    static RuleBase ofPackages(KieBase kieBase, List<RuleFile> files) {
        return new RuleBase(kieBase, declarations(files), List.of(), StandingSessions.unsafe(files));
    }

    /** @return the packages {@link #compile} built, for {@link CompiledRulesCache} to keep (empty when read back) */
    List<KiePackage> packages() {
        return packages;
    }

    private RuleBase(KieBase kieBase, Map<String, Location> rules, Collection<KiePackage> packages, Optional<String> noStanding) {
        this.noStanding = noStanding;
        this.kieBase = kieBase;
        this.packages = List.copyOf(packages);
        this.sessions = kieBase.newKieSessionsPool(2);
        this.standingSessions = new StandingSessions(kieBase);
        this.rules = Collections.unmodifiableMap(rules);
    }

    /**
     * Compiles DRL files (files that are not DRL are skipped).
     *
     * @param files the rule tree
     * @return the compiled rule base
     * @throws AdvisorException with {@code file:line:col} for every syntax or type error, for duplicate rule names
     *                          and for a consequence that could end the process ({@link ConsequenceCalls}); also
     *                          when compiling runs out of memory, with the rule count and the heap limit
     */
    public static RuleBase compile(List<RuleFile> files) {
        try {
            return compileAll(files);
        } catch (OutOfMemoryError e) { // the builder is garbage once this is thrown: there is memory to say so
            long rules = files.stream().filter(RuleFile::isDrl).mapToLong(f -> RULE_DECL.matcher(f.text()).results().count()).sum();
            String where = files.stream().filter(RuleFile::isDrl).map(RuleFile::name).findFirst().orElse("rules");
            throw new AdvisorException(Problem.of(where.contains("/") ? where.substring(0, where.lastIndexOf('/')) : where,
                    "ran out of memory compiling " + rules + " rules (the JVM's heap is at most "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB); give it more, e.g. CPA_JAVA_OPTS=-Xmx1g"));
        }
    }

    private static RuleBase compileAll(List<RuleFile> files) {
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // Consequences are Java, compiled by ECJ: faster than interpreted MVEL (docs/architecture.md); conditions are
        // DRL either way, with record accessors read as properties.
        conf.setProperty("drools.dialect.default", "java");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        Map<String, Location> rules = new LinkedHashMap<>();
        Map<String, RuleFile> byName = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (RuleFile f : files) {
            if (!f.isDrl()) continue;
            byName.put(f.name(), f);
            problems.addAll(ConsequenceCalls.read(f));
            Matcher m = RULE_DECL.matcher(f.text());
            ConsequenceCalls.Lines lines = new ConsequenceCalls.Lines(f.text());
            while (m.find()) {
                Location loc = new Location(f.name(), lines.line(m.start(1)));
                Location prev = rules.putIfAbsent(m.group(1), loc);
                if (prev != null) {
                    problems.add(new Problem(f.name(), loc.line(), 1, "rule `" + m.group(1) + "` is already defined at "
                            + prev.file() + ":" + prev.line() + "; rule ids must be unique"));
                }
            }
            builder.add(ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath(f.name()), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            for (KnowledgeBuilderError e : builder.getErrors()) {
                String msg = e.getMessage() == null ? "" : e.getMessage().trim();
                if (msg.contains("Parser returned a null Package")) continue;
                String file = e.getResource() == null ? "rules" : e.getResource().getSourcePath();
                if (msg.startsWith(ConsequenceErrors.PREFIX)) {
                    int line = e.getLines() != null && e.getLines().length > 0 ? e.getLines()[0] : 0;
                    problems.addAll(ConsequenceErrors.locate(byName.get(file), file, line, msg));
                } else {
                    problems.add(DrlErrors.locate(byName.get(file), file, e.getLines(), msg));
                }
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        return new RuleBase(builder.newKieBase(), rules, builder.getKnowledgePackages(), StandingSessions.unsafe(files));
    }

    static Map<String, Location> declarations(List<RuleFile> files) {
        Map<String, Location> rules = new LinkedHashMap<>();
        for (RuleFile f : files) {
            if (!f.isDrl()) continue;
            Matcher m = RULE_DECL.matcher(f.text());
            ConsequenceCalls.Lines lines = new ConsequenceCalls.Lines(f.text());
            while (m.find()) rules.putIfAbsent(m.group(1), new Location(f.name(), lines.line(m.start(1))));
        }
        return rules;
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** @return rule id → where it is declared, in file order */
    public Map<String, Location> rules() {
        return rules;
    }

    /**
     * Runs the rules over a set of facts to a fixpoint.
     *
     * @param facts input facts
     * @return every fact in working memory afterwards, and how often each rule fired
     * @throws AdvisorException when a rule fires {@link #SAME_MATCH_LIMIT} times on the same facts, or the run goes past
     *                          {@link #firingLimit} (a loop), naming the rule that drives it, or when a consequence throws,
     *                          naming the rule and the exception's message
     */
    public Outcome run(Collection<?> facts) {
        KieSession session = sessions.newKieSession(ONE_THREAD_AT_A_TIME);
        Map<String, Integer> firings = new HashMap<>();
        RunWatch watch = RunWatch.current();
        Map<List<Object>, Integer> perMatch = new HashMap<>();
        String[] looping = {null};
        DefaultAgendaEventListener counter = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                if (watch != null) watch.entered(event.getMatch().getRule().getName());
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                if (watch != null) watch.left();
                String rule = event.getMatch().getRule().getName();
                firings.merge(rule, 1, Integer::sum);
                List<Object> match = new ArrayList<>(event.getMatch().getFactHandles().size() + 1);
                match.add(rule);
                match.addAll(event.getMatch().getFactHandles());
                if (perMatch.merge(match, 1, Integer::sum) > SAME_MATCH_LIMIT && looping[0] == null) {
                    looping[0] = rule;
                    session.halt();
                }
            }
        };
        try {
            session.addEventListener(counter);
            for (Object f : facts) session.insert(f);
            int limit = firingLimit(facts.size());
            int fired = session.fireAllRules(limit);
            // either way the blame comes from a diagnosis run: with `update`, every rule matching the updated fact
            // re-fires on the same facts as often as the rule that updates it
            if (looping[0] != null) throw loop(firings, facts, limit, SAME_MATCH_LIMIT + 1 + " times on the same facts");
            if (fired >= limit) throw loop(firings, facts, limit, "past the firing limit (" + FIRING_LIMIT + " plus " + FIRINGS_PER_FACT + " per input fact)");
            return new Outcome(List.copyOf(session.getObjects()), Map.copyOf(firings));
        } catch (ConsequenceException e) {
            throw thrown(e);
        } finally {
            if (watch != null) watch.left();
            session.removeEventListener(counter);
            session.dispose();
        }
    }

    /**
     * A consequence that threw, as a problem at its rule: the rule, the exception and its message (Drools wraps it
     * once or twice; the innermost cause is the consequence's own).
     */
    private AdvisorException thrown(ConsequenceException e) {
        String rule = e.getMatch() != null && e.getMatch().getRule() != null ? e.getMatch().getRule().getName() : "?";
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String what = cause == e ? "an exception" : "`" + cause.getClass().getSimpleName() + "`";
        String message = cause == e || cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage());
        Location loc = rules.getOrDefault(rule, new Location("rules", 0));
        return new AdvisorException(new Problem(loc.file(), loc.line(), 1, "rule `" + rule + "` threw " + what + " in its consequence"
                + message + "; a consequence only inserts a fact, so make its conditions match only what it can handle"));
    }

    private static String firstLine(String s) {
        String line = s.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /**
     * Runs the rules like {@link #run(Collection)}, in a session that already holds the {@code standing} facts,
     * which many runs share; only the difference from the session's last run goes in and out (see
     * {@link StandingSessions}). The facts at the end are the same; no firings are counted. Rules that derive
     * facts other than with {@code insertLogical} (see {@link #standingSessions()}) run in a new session each time.
     *
     * @param standing facts shared by many runs; pass the same list instance each time (it identifies the sessions)
     * @param facts    this run's facts
     * @return every fact in working memory afterwards, the standing ones included
     * @throws AdvisorException as {@link #run(Collection)}
     */
    public Outcome run(List<?> standing, Collection<?> facts) {
        Optional<Outcome> out = noStanding.isEmpty() ? standing(standing, facts) : Optional.empty();
        return out.orElseGet(() -> {
            List<Object> all = new ArrayList<>(standing); // also for a loop: a new session names the looping rule
            all.addAll(facts);
            return run(all);
        });
    }

    private Optional<Outcome> standing(List<?> standing, Collection<?> facts) {
        try {
            return standingSessions.run(standing, facts, firingLimit(standing.size() + facts.size()));
        } catch (ConsequenceException e) {
            throw thrown(e);
        }
    }

    /**
     * @return empty when {@link #run(List, Collection)} keeps standing sessions; otherwise the first place in the
     *         rules ({@code file:line: what}) that prevents it
     */
    public Optional<String> standingSessions() {
        return noStanding;
    }

    /** How many of the last firings before the limit {@link #loop} looks at to tell which rules keep the loop going. */
    static final int LOOP_WINDOW = 1_000;

    /**
     * The rule a run that reached the firing limit loops on. The most frequent rule is not it: a rule that
     * {@code update}s a fact makes every rule matching that fact fire again, as often as itself. So the run is
     * repeated (it is deterministic) counting, over its last {@link #LOOP_WINDOW} firings, the activations each
     * firing created: the rule whose consequences keep creating them drives the loop. This costs a second run, and
     * only when a run has already failed.
     */
    private AdvisorException loop(Map<String, Integer> firings, Collection<?> facts, int limit, String how) {
        Map<String, Integer> caused = new LinkedHashMap<>();
        KieSession session = sessions.newKieSession(ONE_THREAD_AT_A_TIME);
        int[] fired = {0};
        String[] current = {null};
        DefaultAgendaEventListener diagnosis = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                current[0] = ++fired[0] > limit - LOOP_WINDOW ? event.getMatch().getRule().getName() : null;
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                current[0] = null;
            }

            @Override
            public void matchCreated(MatchCreatedEvent event) {
                if (current[0] != null) caused.merge(current[0], 1, Integer::sum);
            }
        };
        try {
            session.addEventListener(diagnosis);
            for (Object f : facts) session.insert(f);
            session.fireAllRules(limit);
        } catch (RuntimeException e) {
            caused.clear(); // not deterministic after all: fall back to the firing counts
        } finally {
            session.removeEventListener(diagnosis);
            session.dispose();
        }
        Map<String, Integer> score = caused.isEmpty() ? firings : caused;
        int most = score.values().stream().max(Integer::compare).orElse(0);
        List<String> drivers = new ArrayList<>();
        for (String id : rules.keySet()) if (score.getOrDefault(id, 0) == most) drivers.add(id); // declaration order
        if (drivers.isEmpty()) drivers.add(score.keySet().stream().findFirst().orElse("?"));
        String worst = drivers.get(0);
        String with = drivers.size() == 1 ? "" : " (with " + String.join(", ", drivers.subList(1, drivers.size()).stream()
                .map(id -> "`" + id + "` at " + rules.get(id).file() + ":" + rules.get(id).line()).toList()) + ")";
        return loop(worst, how, with);
    }

    /**
     * @param facts how many facts a run starts from
     * @return the firings it may take: {@link #FIRING_LIMIT} plus {@link #FIRINGS_PER_FACT} per fact
     */
    public static int firingLimit(int facts) {
        return (int) Math.min(Integer.MAX_VALUE, FIRING_LIMIT + (long) FIRINGS_PER_FACT * facts);
    }

    private AdvisorException loop(String rule, String fired, String with) {
        Location loc = rules.getOrDefault(rule, new Location("rules", 0));
        return new AdvisorException(new Problem(loc.file(), loc.line(), 1, "rule `" + rule + "` fired " + fired
                + " without reaching a fixpoint: it keeps re-triggering itself or another rule" + with
                + "; derive a new fact instead of modifying the one it matches"));
    }

    /**
     * What a run left in working memory.
     *
     * @param facts   all facts
     * @param firings rule id → times fired
     */
    public record Outcome(List<Object> facts, Map<String, Integer> firings) {
        /**
         * @param type a fact type
         * @param <T>  the type
         * @return the facts of that type
         */
        public <T> List<T> all(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Object f : facts) if (type.isInstance(f)) out.add(type.cast(f));
            return out;
        }
    }
}
