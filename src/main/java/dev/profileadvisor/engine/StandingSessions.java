package dev.profileadvisor.engine;

import dev.profileadvisor.catalog.RuleFile;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sessions that keep the facts many runs share (the knowledge) and, between runs, the facts of the last run. A
 * run changes only the difference: it deletes the last run's facts it does not have, inserts its own new ones
 * (facts are compared with {@code equals}) and fires. Truth maintenance withdraws whatever the deleted facts
 * justified and the rules derive the rest, so the session reaches the state the standing facts and this run's
 * facts derive, without rebuilding the part two runs share, which is much faster than deleting each run's facts
 * again afterwards (figures: docs/architecture.md).
 *
 * <p>This only holds when every fact a rule derives is inserted with {@code insertLogical}, no rule updates or
 * deletes a fact, and firing depends only on matches (no activation or agenda groups). {@link #unsafe} reads the
 * rules for anything else, and {@link RuleBase} then runs each request in a new session instead. The answer is
 * the same as in an empty session, because the rules are stratified (preferences and vetoes, then tallies, then
 * decisions, then notes) and so have one fixpoint: {@code StandingSessionsTest} checks it against new sessions for
 * every combination of goals, in changing orders.
 */
final class StandingSessions {
    /** Idle sessions kept per set of standing facts; more are created when threads need them at once. */
    private static final int IDLE_PER_SET = 4;
    private static final Pattern UNSAFE = Pattern.compile("\\b(?:insert|update|modify|delete|retract)\\s*\\(|\\b(?:activation-group|agenda-group|"
            + "ruleflow-group|lock-on-active|auto-focus|timer|duration|calendars)\\b|getKieRuntime|getEntryPoint");

    private final KieBase kieBase;
    private final Map<IdentityKey, Queue<Standing>> idle = new ConcurrentHashMap<>();

    StandingSessions(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /**
     * Runs the rules over standing facts plus a run's own facts.
     *
     * @param standing the shared facts; the same list instance for every run that shares them (it is the key)
     * @param facts    this run's facts
     * @param limit    the firing limit
     * @return every fact in working memory at the fixpoint (the standing ones included; no firings are counted),
     *         or empty when the run reached the firing limit
     */
    Optional<RuleBase.Outcome> run(List<?> standing, Collection<?> facts, int limit) {
        Queue<Standing> queue = idle.computeIfAbsent(new IdentityKey(standing), k -> new ConcurrentLinkedQueue<>());
        Standing s = queue.poll();
        if (s == null) s = new Standing(kieBase.newKieSession(RuleBase.ONE_THREAD_AT_A_TIME, null), standing, limit);
        boolean reusable = false;
        try {
            s.replaceFacts(facts);
            if (s.session.fireAllRules(limit) >= limit) return Optional.empty();
            RuleBase.Outcome out = new RuleBase.Outcome(List.copyOf(s.session.getObjects()), Map.of());
            reusable = true;
            return Optional.of(out);
        } finally {
            if (reusable && queue.size() < IDLE_PER_SET) {
                queue.offer(s);
            } else {
                s.session.dispose();
            }
        }
    }

    /** A list compared by identity: finding its sessions needs no hashing of its elements. */
    private record IdentityKey(List<?> list) {
        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.list == list;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(list);
        }
    }

    /** One session holding the standing facts, and the facts of its last run with their handles. */
    private static final class Standing {
        final KieSession session;
        private Map<Object, Deque<FactHandle>> current = new HashMap<>();

        Standing(KieSession session, List<?> standing, int limit) {
            this.session = session;
            for (Object f : standing) session.insert(f);
            session.fireAllRules(limit);
        }

        /** Deletes the last run's facts that are not among {@code facts} and inserts those that are new. */
        void replaceFacts(Collection<?> facts) {
            Map<Object, Deque<FactHandle>> next = new HashMap<>();
            for (Object f : facts) {
                Deque<FactHandle> kept = current.get(f);
                FactHandle h = kept == null || kept.isEmpty() ? session.insert(f) : kept.poll();
                next.computeIfAbsent(f, k -> new ArrayDeque<>(1)).add(h);
            }
            for (Deque<FactHandle> stale : current.values()) for (FactHandle h : stale) session.delete(h);
            current = next;
        }
    }

    /**
     * Why a rule set cannot use standing sessions, if it cannot: the first call or attribute in its DRL that makes
     * a session's state depend on more than its current facts. Inserts without justification, updates and deletes
     * would outlive the run that made them; activation and agenda groups, lock-on-active and timers make firing
     * depend on what fired before. The check reads the text, comments included: a false alarm only costs speed.
     *
     * @param files the rule files of one concern
     * @return {@code file:line: what}, or empty when every run may share a session
     */
    static Optional<String> unsafe(List<RuleFile> files) {
        for (RuleFile f : files) {
            if (!f.isDrl()) continue;
            Matcher m = UNSAFE.matcher(f.text());
            if (m.find()) return Optional.of(f.name() + ":" + RuleBase.lineOf(f.text(), m.start()) + ": `" + m.group().trim() + "`");
        }
        return Optional.empty();
    }
}
