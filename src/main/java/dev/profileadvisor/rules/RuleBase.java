package dev.profileadvisor.rules;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** Most firings one request may take before the engine calls it a loop. */
    public static final int FIRING_LIMIT = 10_000;

    static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern LINE_COL = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    private static final Pattern PARSER_LINE_COL = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?)(?::\\s*\\[Error|\\s*\\[Near|$)", Pattern.DOTALL);

    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final StandingSessions standingSessions;
    /** Why these rules cannot share standing sessions ({@link StandingSessions#unsafe}), if they cannot. */
    private final Optional<String> noStanding;
    /**
     * Sessions without Drools' internal locking: a session is only ever used by one thread at a time (the pools
     * hand it over through concurrent queues). Measured: the rules of an unseen recommendation ran in 52-54 us with
     * locks and 50 us without (same minute, alternating jars).
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
     * @throws AdvisorException with {@code file:line:col} for every syntax or type error, and for duplicate rule names
     */
    public static RuleBase compile(List<RuleFile> files) {
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        // Consequences are Java, compiled by ECJ: a recommendation took 125 us instead of 154 with interpreted MVEL
        // (README, Measurements); conditions are DRL either way, with record accessors read as properties.
        conf.setProperty("drools.dialect.default", "java");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        Map<String, Location> rules = new LinkedHashMap<>();
        Map<String, RuleFile> byName = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (RuleFile f : files) {
            if (!f.isDrl()) continue;
            byName.put(f.name(), f);
            Matcher m = RULE_DECL.matcher(f.text());
            while (m.find()) {
                Location loc = new Location(f.name(), lineOf(f.text(), m.start(1)));
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
                    problems.add(locate(byName.get(file), file, e.getLines(), msg));
                }
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        return new RuleBase(builder.newKieBase(), rules, builder.getKnowledgePackages(), StandingSessions.unsafe(files));
    }

    /**
     * {@link #compile}, through a file that keeps the compiled packages (Drools serialization) for the next run:
     * reading them back skips the DRL parser and the MVEL compiler, most of a cold start. The caller names the file
     * after everything the result depends on (the jar, the JVM, the rule texts). A file that cannot be read back
     * (corrupt, truncated, from another build) is ignored and replaced; failing to write one only costs time.
     *
     * @param files     the rule tree
     * @param cacheFile where the compiled packages are kept
     * @return the compiled rule base
     * @throws AdvisorException as {@link #compile}
     */
    public static RuleBase compile(List<RuleFile> files, Path cacheFile) {
        if (Files.isRegularFile(cacheFile)) {
            try (ObjectInputStream in = new DroolsObjectInputStream(new BufferedInputStream(Files.newInputStream(cacheFile)),
                    RuleBase.class.getClassLoader())) {
                List<KiePackage> packages = new ArrayList<>();
                for (Object o : (List<?>) in.readObject()) packages.add((KiePackage) o);
                InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
                kieBase.addPackages(packages);
                return new RuleBase(kieBase, declarations(files), List.of(), StandingSessions.unsafe(files));
            } catch (Exception | LinkageError e) {
                // not a usable cache: compile and replace it below
            }
        }
        RuleBase compiled = compile(files);
        Path tmp = cacheFile.resolveSibling(cacheFile.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(cacheFile.getParent());
            try (ObjectOutputStream out = new DroolsObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeObject(new ArrayList<>(compiled.packages));
            }
            Files.move(tmp, cacheFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file in a cache directory is harmless
            }
        }
        return compiled;
    }

    private static Map<String, Location> declarations(List<RuleFile> files) {
        Map<String, Location> rules = new LinkedHashMap<>();
        for (RuleFile f : files) {
            if (!f.isDrl()) continue;
            Matcher m = RULE_DECL.matcher(f.text());
            while (m.find()) rules.putIfAbsent(m.group(1), new Location(f.name(), lineOf(f.text(), m.start(1))));
        }
        return rules;
    }

    /** Finds the best line and column for a Drools error, which sometimes reports line 0, -1 or the rule's line. */
    static Problem locate(RuleFile f, String file, int[] lines, String msg) {
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int col = 0;
        Matcher lc = LINE_COL.matcher(msg);
        Matcher plc = PARSER_LINE_COL.matcher(msg);
        if (plc.find()) {
            line = Integer.parseInt(plc.group(1));
            col = Integer.parseInt(plc.group(2)) + 1;
        }
        String text = f == null ? "" : f.text();
        Matcher ex = EXPRESSION.matcher(msg);
        if (ex.find() && !text.isEmpty()) {
            // Drools reports consequence errors at the `rule` line: find the expression itself.
            String expr = ex.group(1).trim().replaceFirst("^drools\\.", "");
            String probe = expr.length() > 40 ? expr.substring(0, 40) : expr;
            int at = indexIgnoringSpace(text, probe, line);
            if (at >= 0) {
                line = lineOf(text, at);
                col = at - text.lastIndexOf('\n', at - 1);
            }
        } else if (lc.find() && line <= 0) {
            line = Integer.parseInt(lc.group(1));
        }
        if (line <= 0 && !text.isEmpty()) {
            Matcher m = RULE_DECL.matcher(text);
            while (m.find()) {
                if (msg.contains(m.group(1))) {
                    line = lineOf(text, m.start());
                    col = 1;
                    break;
                }
            }
        }
        return new Problem(file, Math.max(line, 0), col, summarise(msg));
    }

    private static int indexIgnoringSpace(String text, String probe, int fromLine) {
        String squeezed = probe.replaceAll("\\s+", "");
        if (squeezed.isEmpty()) return -1;
        String[] lines = text.split("\n", -1);
        int offset = 0;
        int best = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replaceAll("\\s+", "");
            String head = squeezed.length() > l.length() ? squeezed.substring(0, Math.max(1, Math.min(squeezed.length(), l.length()))) : squeezed;
            if (!l.isEmpty() && l.contains(head) && head.length() >= Math.min(8, squeezed.length())) {
                int indent = lines[i].length() - lines[i].stripLeading().length();
                if (best < 0 || i + 1 >= fromLine) {
                    best = offset + indent;
                    if (i + 1 >= fromLine) return best;
                }
            }
            offset += lines[i].length() + 1;
        }
        return best;
    }

    private static final Pattern STRICT_METHOD = Pattern.compile(
            "Unable to Analyse Expression (.+?):\\s*\\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)]", Pattern.DOTALL);
    private static final Pattern NO_CONSTRUCTOR = Pattern.compile(
            "Unable to Analyse Expression (.+?):.*could not resolve constructor ([\\w.$]+)\\[([^\\]]*)]", Pattern.DOTALL);
    private static final Pattern NO_IDENTIFIER = Pattern.compile(
            "Unable to Analyse Expression (.+?):\\s*\\[Error: no such identifier: (\\w+)]", Pattern.DOTALL);

    /** Rewrites the common Drools/MVEL messages into what a rule author needs to know. */
    static String summarise(String msg) {
        Matcher m = NO_CONSTRUCTOR.matcher(msg);
        if (m.find()) {
            String args = m.group(3).replaceAll("class java\\.lang\\.", "").replaceAll("class ", "").replaceAll("\\s+", " ");
            return "no constructor `" + simple(m.group(2)) + "(" + args + ")` in `" + squeeze(m.group(1)) + "`: check the number and types of the arguments";
        }
        m = STRICT_METHOD.matcher(msg);
        if (m.find()) {
            String type = simple(m.group(2));
            String name = m.group(3);
            if (type.equals("KnowledgeHelper")) {
                return "`" + name + "` is not bound in the rule's conditions (in `" + squeeze(m.group(1)) + "`)";
            }
            return "`" + type + "` has no field `" + name + "` (in `" + squeeze(m.group(1)) + "`)";
        }
        m = NO_IDENTIFIER.matcher(msg);
        if (m.find()) return "unknown name `" + m.group(2) + "` (in `" + squeeze(m.group(1)) + "`)";
        String s = msg.replaceAll("\\s+", " ").trim();
        s = s.replaceFirst("^\\[ERR \\d+] Line \\d+:\\d+ ", "");
        s = s.replaceFirst("^Unable to resolve ObjectType '(\\w+)'", "unknown fact type `$1` (is it imported, and spelled right?)");
        return s.isEmpty() ? "rule compilation failed" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").replaceFirst("^drools\\.", "").trim();
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
     * @throws AdvisorException when a rule keeps firing past {@link #FIRING_LIMIT} (a loop), naming the rule
     */
    public Outcome run(Collection<?> facts) {
        KieSession session = sessions.newKieSession(ONE_THREAD_AT_A_TIME);
        Map<String, Integer> firings = new HashMap<>();
        DefaultAgendaEventListener counter = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        };
        try {
            session.addEventListener(counter);
            for (Object f : facts) session.insert(f);
            int fired = session.fireAllRules(FIRING_LIMIT);
            if (fired >= FIRING_LIMIT) throw loop(firings);
            return new Outcome(List.copyOf(session.getObjects()), Map.copyOf(firings));
        } finally {
            session.removeEventListener(counter);
            session.dispose();
        }
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
        Optional<Outcome> out = noStanding.isEmpty() ? standingSessions.run(standing, facts, FIRING_LIMIT) : Optional.empty();
        return out.orElseGet(() -> {
            List<Object> all = new ArrayList<>(standing); // also for a loop: a new session names the looping rule
            all.addAll(facts);
            return run(all);
        });
    }

    /**
     * @return empty when {@link #run(List, Collection)} keeps standing sessions; otherwise the first place in the
     *         rules ({@code file:line: what}) that prevents it
     */
    public Optional<String> standingSessions() {
        return noStanding;
    }

    private AdvisorException loop(Map<String, Integer> firings) {
        String worst = firings.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        Location loc = rules.getOrDefault(worst, new Location("rules", 0));
        return new AdvisorException(new Problem(loc.file(), loc.line(), 1, "rule `" + worst + "` fired "
                + firings.get(worst) + " times without reaching a fixpoint (firing limit " + FIRING_LIMIT
                + "): it keeps re-triggering itself or another rule; derive a new fact instead of modifying the one it matches"));
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
