package dev.profileadvisor.recommend;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;

import dev.profileadvisor.knowledge.Effect;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.ProfileInfo;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.Suggestions;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.facts.Decision;
import dev.profileadvisor.facts.EffectFact;
import dev.profileadvisor.facts.GoalCriterion;
import dev.profileadvisor.facts.GoalRequest;
import dev.profileadvisor.facts.Note;
import dev.profileadvisor.facts.Preference;
import dev.profileadvisor.engine.RuleBase;
import dev.profileadvisor.catalog.RuleCatalog;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.facts.SettingFact;
import dev.profileadvisor.facts.TargetProfile;
import dev.profileadvisor.facts.ValueFact;
import dev.profileadvisor.facts.Veto;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a request into facts, runs the recommend rules, and assembles the justified {@link Recommendation}. Used
 * by the facade, and by audit and apply for the decisions behind their notes; thread-safe.
 */
public final class Recommender {
    static final String DECIDE_RULE = "decide-best-value";
    private static final java.util.regex.Pattern PROFILE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

    private static final Comparator<Preference> PREFERENCE_ORDER = Comparator.comparing(Preference::criterion)
            .thenComparing(Preference::key).thenComparing(Preference::value).thenComparing(Preference::rule);
    private static final Comparator<Veto> VETO_ORDER = Comparator.comparing(Veto::key).thenComparing(Veto::value)
            .thenComparing(Veto::by).thenComparing(Veto::rule);

    private final Knowledge knowledge;
    private final java.util.function.Supplier<RuleBase> rules;
    private final RuleCatalog catalog;
    private final Map<String, List<Object>> criterionFacts;
    /** What each goal weighs, for every goal: knowledge, matched together with the request's GoalRequest facts. */
    private final List<GoalCriterion> goalCriteria;
    private final Reasons reasons;
    /** Setting and value facts per profile whose defaults they carry (facts are immutable, so runs share them). */
    private final Map<String, ProfileFacts> profileFacts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param knowledge what the rules reason about
     * @param rules     the compiled recommend rules, asked for when first needed
     * @param catalog   the rules' documentation, for the messages of notes and vetoes
     */
    public Recommender(Knowledge knowledge, java.util.function.Supplier<RuleBase> rules, RuleCatalog catalog) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.catalog = catalog;
        // Effect facts by criterion: a new session gets only the effects its request's goals weigh (the others can
        // never join); a standing session holds them all.
        Map<String, List<Object>> byCriterion = new LinkedHashMap<>();
        for (Effect e : knowledge.effects()) {
            e.scores().forEach((c, score) -> byCriterion.computeIfAbsent(c, k -> new ArrayList<>())
                    .add(new EffectFact(e.setting(), e.value(), c, score, e.sources())));
        }
        byCriterion.replaceAll((c, l) -> List.copyOf(l));
        this.criterionFacts = Map.copyOf(byCriterion);
        List<GoalCriterion> weighs = new ArrayList<>();
        for (Goal g : knowledge.goals().values()) g.criteria().forEach((c, m) -> weighs.add(new GoalCriterion(g.id(), c, m)));
        this.goalCriteria = List.copyOf(weighs);
        this.reasons = new Reasons(knowledge);
    }

    /**
     * What every request for one profile inserts about settings: a {@link SettingFact} per key and a {@link ValueFact}
     * per value, marked when it is cargo's default in that profile.
     *
     * @param facts    the facts, in knowledge order
     * @param defaults cargo's default value per key in that profile
     * @param standing {@code facts} plus what every goal weighs and every effect: what a standing session holds
     */
    private record ProfileFacts(List<Object> facts, Map<String, SettingValue> defaults, List<Object> standing) {
    }

    /**
     * The resolved target of a request.
     *
     * @param name     the profile
     * @param inherits its parent, for a custom profile
     * @param root     the built-in profile its chain ends in
     * @param ignores  keys cargo ignores in that profile
     */
    public record Target(String name, Optional<String> inherits, String root, List<String> ignores) {
    }

    /**
     * @param request goals, weights and optionally the profile
     * @return the justified recommendation
     * @throws dev.profileadvisor.AdvisorException for an unknown goal, a bad weight or a bad profile name
     */
    public Recommendation recommend(Request request) {
        Run run = run(request, false);
        return assemble(run.goals(), run.target(), run.defaults(), new Facts(run.out()));
    }

    /**
     * Runs the rules in a new session, counting every firing (rule cases, {@code rules test}).
     *
     * @param request the request
     * @return the recommendation with the rules that fired
     */
    public Trace trace(Request request) {
        return traced(run(request, true));
    }

    /**
     * Runs the rules in a standing session (faster; {@link Trace#firings()} is empty).
     *
     * @param request the request
     * @return the recommendation with its decisions, scores and vetoes
     */
    public Trace decide(Request request) {
        return traced(run(request, false));
    }

    /** A request resolved and run through the rules. */
    private record Run(List<GoalWeight> goals, Target target, Map<String, SettingValue> defaults, RuleBase.Outcome out) {
    }

    private Run run(Request request, boolean counted) {
        List<GoalWeight> goals = resolveGoals(request.goals());
        Target target = target(request, goals);
        List<Object> facts = new ArrayList<>();
        for (GoalWeight g : goals) facts.add(new GoalRequest(g.goal(), g.weight()));
        facts.add(new TargetProfile(target.name(), target.root(), target.ignores()));
        ProfileFacts settingFacts = profileFacts(target);
        RuleBase.Outcome out;
        if (counted) {
            Set<String> criteria = new LinkedHashSet<>();
            for (GoalWeight g : goals) criteria.addAll(knowledge.goals().get(g.goal()).criteria().keySet());
            facts.addAll(goalCriteria);
            criteria.forEach(c -> facts.addAll(criterionFacts.getOrDefault(c, List.of())));
            facts.addAll(settingFacts.facts());
            out = rules.get().run(facts);
        } else {
            out = rules.get().run(settingFacts.standing(), facts);
        }
        return new Run(goals, target, settingFacts.defaults(), out);
    }

    private Trace traced(Run run) {
        Facts facts = new Facts(run.out());
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        for (Preference p : facts.preferences) {
            scores.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).merge(p.value(), p.score(), Integer::sum);
        }
        Set<Trace.Vetoed> vetoed = new LinkedHashSet<>();
        for (Veto v : facts.vetoes) vetoed.add(new Trace.Vetoed(v.key(), v.value()));
        return new Trace(assemble(run.goals(), run.target(), run.defaults(), facts), run.out().firings(),
                facts.decisions, scores, vetoed);
    }

    /** The facts a recommendation is assembled from, sorted out of working memory in one pass. */
    private static final class Facts {
        final Map<String, String> decisions = new LinkedHashMap<>();
        final List<Preference> preferences = new ArrayList<>();
        final List<Veto> vetoes = new ArrayList<>();
        final List<Note> notes = new ArrayList<>();

        Facts(RuleBase.Outcome out) {
            for (Object f : out.facts()) {
                if (f instanceof Decision d) decisions.put(d.key(), d.value());
                else if (f instanceof Preference p) preferences.add(p);
                else if (f instanceof Veto v) vetoes.add(v);
                else if (f instanceof Note n) notes.add(n);
            }
        }
    }

    /**
     * @param requested goals by id or alias, with weights
     * @return the goals by id, in the order given
     * @throws dev.profileadvisor.AdvisorException for no goal, an unknown goal, a goal given twice or a bad weight
     */
    public List<GoalWeight> resolveGoals(List<GoalWeight> requested) {
        if (requested.isEmpty()) {
            throw new AdvisorException(Problem.of("--goal", "no goal given: name at least one, e.g. `--goal small-binary` "
                    + "(known goals: " + String.join(", ", knowledge.goals().keySet()) + ")"));
        }
        Map<String, GoalWeight> out = new LinkedHashMap<>();
        Map<String, String> typed = new LinkedHashMap<>();
        for (GoalWeight gw : requested) {
            if (gw.weight() < 1 || gw.weight() > GoalWeight.MAX_WEIGHT) {
                throw new AdvisorException(Problem.of("--goal", "invalid weight `" + gw.weight() + "` for goal `" + gw.goal()
                        + "`: expected a whole number from 1 to " + GoalWeight.MAX_WEIGHT));
            }
            Goal goal = knowledge.goal(gw.goal()).orElseThrow(() -> new AdvisorException(Problem.of("--goal",
                    unknownGoal(gw.goal()))));
            String prev = typed.put(goal.id(), gw.goal());
            if (prev != null) {
                throw new AdvisorException(Problem.of("--goal", "goal `" + goal.id() + "` is given twice (as `" + prev
                        + "` and `" + gw.goal() + "`); give it once, with a weight if it matters more (`" + goal.id() + "=2`)"));
            }
            out.put(goal.id(), new GoalWeight(goal.id(), gw.weight()));
        }
        return List.copyOf(out.values());
    }

    private String unknownGoal(String name) {
        List<String> close = knowledge.closestGoals(name);
        String known = close.isEmpty() ? "known goals: " + Suggestions.quoted(knowledge.goals().keySet())
                : "closest known: " + Suggestions.quoted(close);
        return "unknown goal `" + name + "`; " + known + " (`cargo-profile-advisor goals` lists them with aliases)";
    }

    /**
     * @param request the request
     * @param goals   its resolved goals
     * @return the profile the request is for
     * @throws dev.profileadvisor.AdvisorException for a bad, reserved, deprecated or unknown profile name
     */
    public Target target(Request request, List<GoalWeight> goals) {
        String name = request.profile().orElseGet(() -> naturalProfile(goals));
        Optional<String> inherits = request.inherits();
        if (!PROFILE_NAME.matcher(name).matches()) {
            throw new AdvisorException(Problem.of("--profile", "invalid profile name `" + name
                    + "`: only letters, digits, `_` and `-` are allowed"));
        }
        if (knowledge.deprecatedNames().contains(name)) {
            throw new AdvisorException(Problem.of("--profile", "profile `" + name + "` is deprecated and has no effect in cargo; "
                    + "use `dev` or `release`"));
        }
        if (knowledge.reservedNames().contains(name) || name.startsWith("cargo")) {
            throw new AdvisorException(Problem.of("--profile", "profile name `" + name + "` is reserved by cargo; "
                    + "choose another name for a custom profile"));
        }
        ProfileInfo known = knowledge.profiles().get(name);
        if (known != null) {
            if (inherits.isPresent() && !inherits.equals(known.inherits())) {
                throw new AdvisorException(Problem.of("--inherits", "profile `" + name + "` "
                        + known.inherits().map(p -> "already inherits `" + p + "`").orElse("is a root profile and cannot inherit")
                        + "; `--inherits` is for custom profiles"));
            }
            inherits = known.builtIn() ? Optional.empty() : known.inherits();
            return new Target(name, inherits, knowledge.rootOf(name, null), known.ignores());
        }
        if (inherits.isEmpty()) {
            String hint = Suggestions.closest(name, knowledge.profiles().keySet()).map(p -> "did you mean `" + p + "`? ")
                    .orElse("known profiles: " + Suggestions.quoted(knowledge.profiles().keySet()) + ". ");
            throw new AdvisorException(Problem.of("--profile", "unknown profile `" + name + "`; " + hint
                    + "A custom profile needs a parent: add `--inherits release` (or `dev`)"));
        }
        String parent = inherits.get();
        if (!knowledge.profiles().containsKey(parent)) {
            throw new AdvisorException(Problem.of("--inherits", "unknown parent profile `" + parent + "`; "
                    + Suggestions.closest(parent, knowledge.profiles().keySet()).map(p -> "did you mean `" + p + "`?")
                            .orElse("known profiles: " + Suggestions.quoted(knowledge.profiles().keySet()))));
        }
        return new Target(name, inherits, knowledge.rootOf(parent, null), knowledge.profiles().get(parent).ignores());
    }

    /** The profile of the heaviest goal that has one (ties: knowledge order); release when none has one. */
    private String naturalProfile(List<GoalWeight> goals) {
        int max = 0;
        for (GoalWeight gw : goals) {
            if (!knowledge.goals().get(gw.goal()).profile().isEmpty()) max = Math.max(max, gw.weight());
        }
        for (Goal g : knowledge.goals().values()) {
            for (GoalWeight gw : goals) {
                if (gw.goal().equals(g.id()) && gw.weight() == max && !g.profile().isEmpty()) return g.profile();
            }
        }
        return "release";
    }

    private ProfileFacts profileFacts(Target target) {
        String lookup = knowledge.profiles().containsKey(target.name()) ? target.name() : target.inherits().orElseThrow();
        return profileFacts.computeIfAbsent(lookup, profile -> {
            List<Object> facts = new ArrayList<>();
            Map<String, SettingValue> defaults = new LinkedHashMap<>();
            for (Setting s : knowledge.settings().values()) {
                SettingValue dflt = knowledge.defaultValue(profile, null, s.key());
                defaults.put(s.key(), dflt);
                facts.add(new SettingFact(s.key(), dflt.id()));
                for (SettingValue v : s.values()) {
                    facts.add(new ValueFact(s.key(), v.id(), v.traits(), v.order(), v.id().equals(dflt.id())));
                }
            }
            List<Object> standing = new ArrayList<>(facts);
            standing.addAll(goalCriteria);
            criterionFacts.values().forEach(standing::addAll);
            return new ProfileFacts(List.copyOf(facts), java.util.Collections.unmodifiableMap(defaults), List.copyOf(standing));
        });
    }

    private Recommendation assemble(List<GoalWeight> goals, Target target, Map<String, SettingValue> defaults, Facts facts) {
        Map<String, String> decisions = facts.decisions;
        List<String> goalOrder = new ArrayList<>(goals.size());
        for (GoalWeight g : goals) goalOrder.add(g.goal());
        // Working memory has no stable order: sort, so the same request always reads the same.
        List<Preference> prefs = new ArrayList<>(facts.preferences);
        prefs.sort(Comparator.comparingInt((Preference p) -> goalOrder.indexOf(p.goal())).thenComparing(PREFERENCE_ORDER));
        List<Veto> vetoes = new ArrayList<>(facts.vetoes);
        vetoes.sort(VETO_ORDER);
        Map<String, List<Preference>> prefsByKey = byKey(prefs, Preference::key);
        Map<String, List<Veto>> vetoesByKey = byKey(vetoes, Veto::key);
        Map<String, List<Note>> notesByKey = byKey(facts.notes, Note::key);

        List<SettingAdvice> changed = new ArrayList<>();
        List<SettingAdvice> kept = new ArrayList<>();
        List<NoteAdvice> noteAdvice = new ArrayList<>();
        for (Setting s : knowledge.settings().values()) {
            String chosen = decisions.get(s.key());
            if (chosen == null) {
                throw new IllegalStateException("no decision for `" + s.key() + "`: every value was vetoed");
            }
            SettingValue dflt = defaults.get(s.key());
            List<Preference> mine = prefsByKey.getOrDefault(s.key(), List.of());
            List<Veto> myVetoes = vetoesByKey.getOrDefault(s.key(), List.of());
            List<Note> myNotes = notesByKey.getOrDefault(s.key(), List.of());
            if (!chosen.equals(dflt.id()) || contested(mine, myVetoes, dflt)) {
                SettingAdvice advice = advise(s, chosen, dflt, mine, myVetoes, myNotes, goalOrder);
                (advice.changesDefault() ? changed : kept).add(advice);
            }
            if (myNotes.isEmpty()) continue;
            Set<String> noteRules = new java.util.TreeSet<>();
            for (Note n : myNotes) noteRules.add(n.rule());
            for (String rule : noteRules) {
                RuleDoc doc = catalog.docs().get(rule);
                List<String> urls = new ArrayList<>();
                if (doc != null) for (String source : doc.sourceKeys()) urls.add(knowledge.url(source));
                noteAdvice.add(new NoteAdvice(s.key(), rule, doc == null ? rule : doc.message(), List.copyOf(urls)));
            }
        }
        String toml = ProfileBlock.render(target.name(), target.inherits(), changed);
        return new Recommendation(target.name(), target.inherits(), goals, changed, kept, noteAdvice, toml);
    }

    /** Whether a goal argued for a value other than cargo's default, or for a value that was then vetoed. */
    private static boolean contested(List<Preference> prefs, List<Veto> vetoes, SettingValue dflt) {
        for (Preference p : prefs) {
            if (p.score() <= 0) continue;
            if (!p.value().equals(dflt.id())) return true;
            for (Veto v : vetoes) if (p.value().equals(v.value())) return true;
        }
        return false;
    }

    private SettingAdvice advise(Setting s, String chosen, SettingValue dflt, List<Preference> prefs, List<Veto> vetoes,
                                 List<Note> notes, List<String> goalOrder) {
        SettingValue value = null;
        for (SettingValue v : s.values()) if (v.id().equals(chosen)) value = v;
        if (value == null) throw new IllegalStateException("`" + chosen + "` is not a value of `" + s.key() + "`");

        Set<String> goals = new LinkedHashSet<>();
        Set<String> ruleIds = new LinkedHashSet<>();
        Set<String> sourceKeys = new LinkedHashSet<>();
        for (String g : goalOrder) {
            for (Preference p : prefs) {
                if (p.score() > 0 && p.value().equals(chosen) && p.goal().equals(g)) {
                    goals.add(g);
                    break;
                }
            }
        }
        for (Preference p : prefs) {
            if (p.score() > 0 && p.value().equals(chosen)) {
                ruleIds.add(p.rule());
                sourceKeys.addAll(p.sources());
            }
        }
        ruleIds.add(DECIDE_RULE);

        List<Overruled> overruled = new ArrayList<>();
        for (SettingValue v : s.values()) {
            if (v.id().equals(chosen)) continue;
            boolean isDefault = v.id().equals(dflt.id());
            if (!isWanted(prefs, v.id()) && !isDefault) continue;
            Veto x = null;
            for (Veto candidate : vetoes) {
                if (candidate.value().equals(v.id())) {
                    x = candidate;
                    break;
                }
            }
            if (x != null) {
                ruleIds.add(x.rule());
                RuleDoc doc = catalog.docs().get(x.rule());
                if (doc != null) sourceKeys.addAll(doc.sourceKeys());
                overruled.add(new Overruled(v.id(), v.toml(), x.by(), Reasons.forbidden(x, doc == null ? "" : doc.message())));
            } else {
                Set<String> against = new LinkedHashSet<>();
                for (Preference p : prefs) if (p.value().equals(v.id()) && p.score() < 0) against.add(p.goal());
                String by = String.join(", ", !against.isEmpty() ? against : goals.isEmpty() ? Set.of(DECIDE_RULE) : goals);
                overruled.add(new Overruled(v.id(), v.toml(), by, reasons.outscored(prefs, v.id(), value)));
            }
        }
        notes.forEach(n -> {
            ruleIds.add(n.rule());
            RuleDoc doc = catalog.docs().get(n.rule());
            if (doc != null) sourceKeys.addAll(doc.sourceKeys());
        });
        Set<String> urlSet = new LinkedHashSet<>();
        for (String key : sourceKeys) urlSet.add(knowledge.url(key));
        List<String> urls = List.copyOf(urlSet);
        String reason;
        String comment;
        if (chosen.equals(dflt.id())) {
            reason = reasons.defaultStays(value, overruled);
            comment = "";
        } else {
            List<SettingValue> tied = new ArrayList<>();
            for (SettingValue v : s.values()) {
                if (v.id().equals(chosen) || total(prefs, v.id()) != total(prefs, chosen) || isVetoed(vetoes, v.id())) continue;
                tied.add(v);
            }
            reason = reasons.scoresBest(prefs, value, dflt, tied);
            comment = Reasons.comment(value, goals);
        }
        return new SettingAdvice(s.key(), chosen, value.toml(), dflt.id(), dflt.toml(), List.copyOf(goals),
                List.copyOf(ruleIds), urls, overruled, reason, comment);
    }

    /** The sum of a value's preferences (a setting has a handful: summing again is cheaper than a map). */
    static int total(List<Preference> prefs, String value) {
        int sum = 0;
        for (Preference p : prefs) if (p.value().equals(value)) sum += p.score();
        return sum;
    }

    /** Whether some preference scores a value above zero. */
    private static boolean isWanted(List<Preference> prefs, String value) {
        for (Preference p : prefs) if (p.score() > 0 && p.value().equals(value)) return true;
        return false;
    }

    private static boolean isVetoed(List<Veto> vetoes, String value) {
        for (Veto x : vetoes) if (x.value().equals(value)) return true;
        return false;
    }

    /** Groups facts by setting key, keeping their order (each setting then reads only its own). */
    private static <T> Map<String, List<T>> byKey(List<T> facts, java.util.function.Function<T, String> key) {
        Map<String, List<T>> out = new java.util.HashMap<>();
        for (T f : facts) out.computeIfAbsent(key.apply(f), k -> new ArrayList<>()).add(f);
        return out;
    }
}
