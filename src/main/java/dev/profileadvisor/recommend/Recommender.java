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
import dev.profileadvisor.facts.Inherited;
import dev.profileadvisor.facts.OverrideScope;
import dev.profileadvisor.facts.ProfileServes;
import dev.profileadvisor.facts.ProjectFact;
import dev.profileadvisor.knowledge.KnownCrate;
import dev.profileadvisor.knowledge.Scope;

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
    /** The criterion of a preference from a measurement on the user's crate ({@code --measured}). */
    static final String MEASURED = "measured";
    /** The rule that turns a measurement into a preference. */
    static final String MEASURED_RULE = "measured-on-this-crate";
    static final String DECIDE_RULE = "decide-best-value";
    private static final String CATCH_PANICS = "catch-panics";
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
    private final TargetPlan targets;
    /** Setting and value facts per profile whose defaults they carry (facts are immutable, so runs share them). */
    private final Map<String, ProfileFacts> profileFacts = new java.util.concurrent.ConcurrentHashMap<>();
    /** What every request holds whatever its goals: what profiles serve, the keys {@code package."*"} may decide. */
    private final List<Object> scopeFacts;
    /** Criteria the profiles serve without a goal (their effects join every counted run). */
    private final Set<String> servedCriteria;
    /** Each candidate value of {@code package."*"} with the criteria its row there scores: a request gets the candidates its goals weigh. */
    private final Map<OverrideScope, Set<String>> dependencyCandidates;
    /** Root profile → criteria its builds serve without a goal. */
    private final Map<String, Set<String>> servedBy;

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
                    .add(new EffectFact(e.scope(), e.setting(), e.value(), c, score, e.sources())));
        }
        byCriterion.replaceAll((c, l) -> List.copyOf(l));
        this.criterionFacts = Map.copyOf(byCriterion);
        List<GoalCriterion> weighs = new ArrayList<>();
        for (Goal g : knowledge.goals().values()) g.criteria().forEach((c, m) -> weighs.add(new GoalCriterion(g.id(), c, m)));
        this.goalCriteria = List.copyOf(weighs);
        this.reasons = new Reasons(knowledge);
        this.targets = new TargetPlan(knowledge, catalog);
        List<Object> scoped = new ArrayList<>();
        Set<String> served = new LinkedHashSet<>();
        for (ProfileInfo p : knowledge.profiles().values()) {
            p.serves().forEach((c, w) -> {
                scoped.add(new ProfileServes(p.name(), c, w, p.name() + " profile"));
                served.add(c);
            });
        }
        Map<OverrideScope, Set<String>> candidates = new LinkedHashMap<>();
        for (Effect e : knowledge.effects()) {
            if (!e.scope().equals(Scope.DEPENDENCIES)) continue;
            Set<String> criteria = new LinkedHashSet<>();
            e.scores().forEach((c, score) -> { if (score != 0) criteria.add(c); });
            candidates.put(new OverrideScope(Scope.DEPENDENCIES, e.setting(), e.value(), order(e.setting(), e.value()), Scope.PROFILE), Set.copyOf(criteria));
        }
        this.dependencyCandidates = java.util.Collections.unmodifiableMap(candidates);
        Map<String, Set<String>> servedBy = new LinkedHashMap<>();
        for (ProfileInfo p : knowledge.profiles().values()) servedBy.put(p.name(), Set.copyOf(p.serves().keySet()));
        this.servedBy = java.util.Collections.unmodifiableMap(servedBy);
        this.scopeFacts = List.copyOf(scoped);
        this.servedCriteria = Set.copyOf(served);
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
        return assemble(run, new Facts(run.out()));
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
    private record Run(List<GoalWeight> goals, Target target, Map<String, SettingValue> defaults, RuleBase.Outcome out,
                       List<String> basis, Optional<PlanProject> project, TargetPlan.Facts host, Map<String, String> measured) {
    }

    private Run run(Request request, boolean counted) {
        List<GoalWeight> goals = new ArrayList<>(resolveGoals(request.goals()));
        List<String> basis = new ArrayList<>();
        Optional<PlanProject> project = request.project();
        if (project.isPresent() && request.inferGoals() && project.get().catchUnwind().isPresent()
                && goals.stream().noneMatch(g -> g.goal().equals(CATCH_PANICS))) {
            goals.add(new GoalWeight(CATCH_PANICS, 1));
            basis.add("goal `" + CATCH_PANICS + "` added: " + project.get().catchUnwind().get() + " calls `catch_unwind`, which needs "
                    + "`panic = \"unwind\"` (`--no-project-goals` leaves it out)");
        }
        Target target = target(request, goals);
        List<Object> facts = new ArrayList<>();
        for (GoalWeight g : goals) facts.add(new GoalRequest(g.goal(), g.weight()));
        facts.add(new TargetProfile(target.name(), target.root(), target.ignores()));
        // An override candidate joins only when something weighs a criterion its row scores: otherwise it ties with what
        // the dependencies inherit, which wins ties, and the rules would only work that out again.
        Set<String> weighed = new LinkedHashSet<>(servedBy.getOrDefault(target.root(), Set.of()));
        for (GoalWeight g : goals) weighed.addAll(knowledge.goals().get(g.goal()).criteria().keySet());
        Set<String> dependencyKeys = new LinkedHashSet<>();
        dependencyCandidates.forEach((candidate, criteria) -> {
            for (String c : criteria) {
                if (weighed.contains(c)) {
                    facts.add(candidate);
                    dependencyKeys.add(candidate.key());
                    return;
                }
            }
        });
        TargetPlan.Facts host = targets.facts(request);
        facts.addAll(host.facts());
        Map<String, String> measured = new LinkedHashMap<>();
        for (MeasuredChoice m : request.measured()) {
            if (goals.stream().noneMatch(g -> g.goal().equals(m.goal()))) continue;
            facts.add(new dev.profileadvisor.facts.MeasuredValue(m.goal(), m.key(), m.value()));
            measured.merge(m.key(), m.evidence(), (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
        Map<String, String> inherited = Map.of();
        if (project.isPresent()) {
            PlanProject p = project.get();
            basis.add(0, "computed for " + p.manifest() + ": " + p.members().size() + (p.members().size() == 1 ? " package" : " packages")
                    + " of your own, " + (p.packages().size() - p.members().size()) + " dependencies"
                    + (p.lockRead() ? " (from Cargo.lock)" : " (direct only: no Cargo.lock)"));
            inherited = inheritedValues(p, target);
            if (!inherited.isEmpty()) {
                List<String> set = new ArrayList<>();
                PlanProject.ProjectProfile own = p.profiles().get(target.name());
                PlanProject.ProjectProfile from = own != null ? own : p.profiles().get(target.inherits().orElse(""));
                inherited.forEach((k, v) -> set.add(k + " = " + knowledge.setting(k).flatMap(st -> st.value(v)).map(SettingValue::toml).orElse(v)
                        + (from != null && from.setAt().containsKey(k) ? " (" + from.setAt().get(k) + ")" : "")));
                basis.add("already in force for `" + target.name() + "`: " + String.join(", ", set));
            }
            int minor = p.rustVersion().map(PlanProjects::minor).orElse(0);
            if (minor > 0) basis.add("rust-version " + p.rustVersion().get() + ": values that need a newer Rust are ruled out");
            facts.add(new ProjectFact(p.hostCode().isPresent(), p.catchUnwind().isPresent(), minor));
            for (KnownCrate c : knowledge.crates().values()) {
                if (!p.packages().contains(c.name()) || p.members().contains(c.name())) continue;
                String scope = Scope.PACKAGE + "." + c.name();
                c.settings().forEach((key, value) -> {
                    // package.NAME falls back to package."*" where this request decides the key there, else to the profile
                    facts.add(new OverrideScope(scope, key, value, order(key, value),
                            dependencyKeys.contains(key) ? Scope.DEPENDENCIES : Scope.PROFILE));
                    c.effects().forEach((criterion, score) -> facts.add(new EffectFact(scope, key, value, criterion, score, c.sources())));
                });
            }
        } else {
            basis.add("generic: no project given (`--manifest-path` computes the plan against a project's packages, "
                    + "lock file, sources and existing profiles)");
        }
        ProfileFacts settingFacts = profileFacts(target, inherited);
        RuleBase.Outcome out;
        if (counted) {
            Set<String> criteria = new LinkedHashSet<>(servedCriteria);
            for (GoalWeight g : goals) criteria.addAll(knowledge.goals().get(g.goal()).criteria().keySet());
            facts.addAll(goalCriteria);
            facts.addAll(scopeFacts);
            criteria.forEach(c -> facts.addAll(criterionFacts.getOrDefault(c, List.of())));
            facts.addAll(settingFacts.facts());
            out = rules.get().run(facts);
        } else {
            out = rules.get().run(settingFacts.standing(), facts);
        }
        return new Run(List.copyOf(goals), target, settingFacts.defaults(), out, basis, project, host, measured);
    }

    private Trace traced(Run run) {
        Facts facts = new Facts(run.out());
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        for (Preference p : facts.preferences) {
            if (!p.scope().equals(Scope.PROFILE)) continue;
            scores.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).merge(p.value(), p.score(), Integer::sum);
        }
        Set<Trace.Vetoed> vetoed = new LinkedHashSet<>();
        for (Veto v : facts.vetoes) vetoed.add(new Trace.Vetoed(v.key(), v.value()));
        List<Trace.RunnerUp> runnerUps = new ArrayList<>();
        for (dev.profileadvisor.facts.Alternative a : facts.alternatives) runnerUps.add(new Trace.RunnerUp(a.key(), a.value(), a.chosen(), a.gap()));
        runnerUps.sort(java.util.Comparator.comparingInt(Trace.RunnerUp::gap).thenComparing(Trace.RunnerUp::key).thenComparing(Trace.RunnerUp::value));
        return new Trace(assemble(run, facts), run.out().firings(), facts.flatDecisions(), scores, vetoed, runnerUps);
    }

    /** The facts a recommendation is assembled from, sorted out of working memory in one pass. */
    private static final class Facts {
        /** The profile table's decisions. */
        final Map<String, String> decisions = new LinkedHashMap<>();
        /** Override scope → key → decided value. */
        final Map<String, Map<String, String>> scoped = new java.util.TreeMap<>();
        /** Override scope → key → the value its units get without a line there. */
        final Map<String, Map<String, String>> inherited = new java.util.TreeMap<>();
        final List<Preference> preferences = new ArrayList<>();
        final List<Veto> vetoes = new ArrayList<>();
        final List<Note> notes = new ArrayList<>();
        final List<dev.profileadvisor.facts.TargetAdvice> targets = new ArrayList<>();
        final List<dev.profileadvisor.facts.Alternative> alternatives = new ArrayList<>();

        Facts(RuleBase.Outcome out) {
            for (Object f : out.facts()) {
                if (f instanceof Decision d) {
                    if (d.scope().equals(Scope.PROFILE)) decisions.put(d.key(), d.value());
                    else scoped.computeIfAbsent(d.scope(), k -> new LinkedHashMap<>()).put(d.key(), d.value());
                } else if (f instanceof Preference p) preferences.add(p);
                else if (f instanceof Veto v) vetoes.add(v);
                else if (f instanceof Note n) notes.add(n);
                else if (f instanceof dev.profileadvisor.facts.TargetAdvice t) targets.add(t);
                else if (f instanceof dev.profileadvisor.facts.Alternative a) alternatives.add(a);
                else if (f instanceof Inherited i) inherited.computeIfAbsent(i.scope(), k -> new LinkedHashMap<>()).put(i.key(), i.value());
            }
        }

        /** @return the profile's decisions by key, then each override's as {@code package.*.opt-level} */
        Map<String, String> flatDecisions() {
            Map<String, String> out = new LinkedHashMap<>(decisions);
            scoped.forEach((scope, keys) -> keys.forEach((k, v) -> out.put(tablePrefix(scope) + k, v)));
            return out;
        }
    }

    /** {@code dependencies} → {@code package.*.}; {@code package.insta} → {@code package.insta.}. */
    static String tablePrefix(String scope) {
        return scope.equals(Scope.DEPENDENCIES) ? "package.*." : scope + ".";
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
        Map<String, PlanProject.ProjectProfile> defined = request.project().map(PlanProject::profiles).orElse(Map.of());
        PlanProject.ProjectProfile custom = defined.get(name);
        if (custom != null && custom.inherits().isPresent()) {
            if (inherits.isPresent() && !inherits.equals(custom.inherits())) {
                throw new AdvisorException(Problem.of("--inherits", "profile `" + name + "` already inherits `" + custom.inherits().get()
                        + "` in " + request.project().get().manifest() + "; drop `--inherits` or change the file"));
            }
            return new Target(name, custom.inherits(), custom.root(), ignoresOf(custom.root()));
        }
        if (inherits.isPresent() && defined.containsKey(inherits.get()) && !knowledge.profiles().containsKey(inherits.get())) {
            String root = defined.get(inherits.get()).root();
            return new Target(name, inherits, root, ignoresOf(root));
        }
        if (inherits.isEmpty()) {
            String hint = Suggestions.closest(name, knowledge.profiles().keySet()).map(p -> "did you mean `" + p + "`? ")
                    .orElse("known profiles: " + Suggestions.quoted(knowledge.profiles().keySet()) + ". ");
            throw new AdvisorException(Problem.of("--profile", "unknown profile `" + name + "`; " + hint
                    + "A custom profile needs a parent: add `--inherits release` (or `dev`)"));
        }
        String parent = inherits.get();
        if (!knowledge.profiles().containsKey(parent)) {
            throw new AdvisorException(Problem.of("--inherits", "unknown parent profile `" + parent + "`"
                    + (request.project().isPresent() ? " (neither built in nor defined in " + request.project().get().manifest() + ")" : "")
                    + "; "
                    + Suggestions.closest(parent, knowledge.profiles().keySet()).map(p -> "did you mean `" + p + "`?")
                            .orElse("known profiles: " + Suggestions.quoted(knowledge.profiles().keySet()))));
        }
        return new Target(name, inherits, knowledge.rootOf(parent, null), knowledge.profiles().get(parent).ignores());
    }

    private int order(String key, String value) {
        return knowledge.setting(key).flatMap(s -> s.value(value)).map(SettingValue::order).orElse(0);
    }

    private List<String> ignoresOf(String profile) {
        ProfileInfo p = knowledge.profiles().get(profile);
        return p == null ? List.of() : p.ignores();
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

    private ProfileFacts profileFacts(Target target, Map<String, String> inherited) {
        String lookup = knowledge.profiles().containsKey(target.name()) ? target.name()
                : knowledge.profiles().containsKey(target.inherits().orElse("")) ? target.inherits().get() : target.root();
        if (!inherited.isEmpty()) return buildProfileFacts(lookup, inherited); // a project's values: not shared
        return profileFacts.computeIfAbsent(lookup, profile -> buildProfileFacts(profile, Map.of()));
    }

    private ProfileFacts buildProfileFacts(String profile, Map<String, String> inherited) {
        List<Object> facts = new ArrayList<>();
        Map<String, SettingValue> defaults = new LinkedHashMap<>();
        for (Setting s : knowledge.settings().values()) {
            SettingValue dflt = knowledge.defaultValue(profile, null, s.key());
            String given = inherited.get(s.key());
            if (given != null) dflt = s.value(given).orElse(dflt);
            defaults.put(s.key(), dflt);
            facts.add(new SettingFact(s.key(), dflt.id()));
            for (SettingValue v : s.values()) {
                facts.add(new ValueFact(s.key(), v.id(), v.traits(), v.order(), v.id().equals(dflt.id()), PlanProjects.minor(v.since())));
            }
        }
        List<Object> standing = new ArrayList<>(facts);
        standing.addAll(goalCriteria);
        standing.addAll(scopeFacts);
        criterionFacts.values().forEach(standing::addAll);
        return new ProfileFacts(List.copyOf(facts), java.util.Collections.unmodifiableMap(defaults), List.copyOf(standing));
    }

    /**
     * What the target profile gets from the project's files when the plan writes nothing: the values its own table (or,
     * for a new custom profile, its parent's chain) sets, by key.
     */
    private static Map<String, String> inheritedValues(PlanProject project, Target target) {
        PlanProject.ProjectProfile own = project.profiles().get(target.name());
        if (own != null) return own.values();
        PlanProject.ProjectProfile parent = project.profiles().get(target.inherits().orElse(""));
        return parent == null ? Map.of() : parent.values();
    }

    private Recommendation assemble(Run run, Facts facts) {
        List<GoalWeight> goals = run.goals();
        Target target = run.target();
        Map<String, SettingValue> defaults = run.defaults();
        Map<String, String> decisions = facts.decisions;
        Map<String, String> fromFiles = run.project().map(p -> inheritedValues(p, target)).orElse(Map.of());
        List<String> goalOrder = new ArrayList<>(goals.size());
        for (GoalWeight g : goals) goalOrder.add(g.goal());
        // Working memory has no stable order: sort, so the same request always reads the same.
        List<Preference> prefs = new ArrayList<>(facts.preferences);
        prefs.sort(Comparator.comparingInt((Preference p) -> goalOrder.indexOf(p.goal())).thenComparing(PREFERENCE_ORDER));
        List<Veto> vetoes = new ArrayList<>(facts.vetoes);
        vetoes.sort(VETO_ORDER);
        Map<String, Map<String, List<Preference>>> prefsByScope = new java.util.HashMap<>(4);
        for (Preference p : prefs) {
            prefsByScope.computeIfAbsent(p.scope(), k -> new java.util.HashMap<>()).computeIfAbsent(p.key(), k -> new ArrayList<>()).add(p);
        }
        Map<String, List<Preference>> prefsByKey = prefsByScope.getOrDefault(Scope.PROFILE, Map.of());
        Map<String, List<Veto>> vetoesByKey = byKey(vetoes, Veto::key);
        Map<String, List<Note>> notesByKey = new java.util.HashMap<>();
        Map<String, List<Note>> otherNotes = new java.util.TreeMap<>();
        for (Note n : facts.notes) (n.scope().equals(Scope.PROFILE) ? notesByKey : otherNotes).computeIfAbsent(n.key(), k -> new ArrayList<>()).add(n);

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
                String baseline = fromFiles.containsKey(s.key()) ? "the value your files set" : "cargo's default";
                SettingAdvice advice = advise(s, chosen, dflt, mine, myVetoes, myNotes, goalOrder, baseline, run.measured().get(s.key()));
                (advice.changesDefault() ? changed : kept).add(advice);
            }
            addNotes(noteAdvice, s.key(), myNotes);
        }
        List<PlanTable> tables = new ArrayList<>();
        Scope profileScope = knowledge.scopes().get(Scope.PROFILE);
        List<String> profilePath = List.of("profile", target.name());
        tables.add(new PlanTable(profilePath, Scope.PROFILE, profileScope.covers(), profileScope.why(), changed));
        for (Map.Entry<String, Map<String, String>> e : facts.scoped.entrySet()) {
            String scopeId = e.getKey();
            boolean named = scopeId.startsWith(Scope.PACKAGE + ".");
            Scope scope = knowledge.scopes().get(named ? Scope.PACKAGE : scopeId);
            String name = named ? scopeId.substring(Scope.PACKAGE.length() + 1) : "";
            Map<String, String> inherited = facts.inherited.getOrDefault(scopeId, Map.of());
            List<SettingAdvice> lines = new ArrayList<>();
            for (Setting s : knowledge.settings().values()) {
                String chosen = e.getValue().get(s.key());
                String from = inherited.get(s.key());
                if (chosen == null || from == null || chosen.equals(from)) continue;
                SettingValue base = s.value(from).orElseThrow();
                boolean viaStar = named && facts.scoped.getOrDefault(Scope.DEPENDENCIES, Map.of()).containsKey(s.key());
                String fallback = viaStar ? "`package.\"*\"`" : "`[profile." + target.name() + "]`";
                lines.add(advise(s, chosen, base, prefsByScope.getOrDefault(scopeId, Map.of()).getOrDefault(s.key(), List.of()),
                        vetoesByKey.getOrDefault(s.key(), List.of()), List.of(), goalOrder, "what it inherits from " + fallback, null));
            }
            if (lines.isEmpty()) continue;
            List<String> path = new ArrayList<>(profilePath);
            path.addAll(scope.tableFor(name));
            String why = scope.why();
            if (named) {
                KnownCrate crate = knowledge.crates().get(name);
                if (crate != null) why = crate.reason() + "; " + why;
            }
            tables.add(new PlanTable(path, scope.id(), scope.covers(), why, lines));
        }
        otherNotes.forEach((key, notes) -> addNotes(noteAdvice, key, notes));
        String toml = ProfileBlock.render(target.name(), target.inherits(), changed, tables.subList(1, tables.size()));
        TargetPlan.Assembled config = targets.assemble(facts.targets, run.host().host());
        noteAdvice.addAll(config.notes());
        List<String> basis = new ArrayList<>(run.basis());
        if (!config.config().isEmpty() || !config.notes().isEmpty()) basis.addAll(run.host().basis());
        return new Recommendation(target.name(), target.inherits(), goals, changed, kept, noteAdvice, toml, tables, basis,
                config.config(), config.configToml(), config.why());
    }

    private void addNotes(List<NoteAdvice> out, String key, List<Note> notes) {
        if (notes.isEmpty()) return;
        Set<String> noteRules = new java.util.TreeSet<>();
        for (Note n : notes) noteRules.add(n.rule());
        for (String rule : noteRules) {
            RuleDoc doc = catalog.docs().get(rule);
            List<String> urls = new ArrayList<>();
            if (doc != null) for (String source : doc.sourceKeys()) urls.add(knowledge.url(source));
            out.add(new NoteAdvice(key, rule, doc == null ? rule : doc.message(), List.copyOf(urls)));
        }
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
                                 List<Note> notes, List<String> goalOrder, String baseline, String measured) {
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
            reason = reasons.scoresBest(prefs, value, dflt, tied, baseline);
            comment = Reasons.comment(value, goals);
        }
        if (measured != null && prefs.stream().anyMatch(p -> p.value().equals(chosen) && p.criterion().equals(MEASURED))) {
            RuleDoc doc = catalog.docs().get(MEASURED_RULE);
            reason = (doc == null ? "measured on this crate" : doc.message()) + ": " + measured;
            comment = comment.isEmpty() ? "measured on this crate" : comment + " (measured on this crate)";
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
