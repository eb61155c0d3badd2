package dev.profileadvisor.explain;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.Suggestions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The one lookup behind {@code explain}, shared by the CLI, the HTTP server and the Java API. */
public final class Explainer {
    /** What {@code explain} answers with the scopes of a profile (override tables). */
    static final List<String> SCOPE_IDS = List.of("scopes", "scope", "overrides", "override-tables");
    private final Knowledge knowledge;
    private final Map<String, RuleDoc> rules;
    private final Function<String, Optional<String>> ruleLocation;

    /**
     * @param knowledge    settings, goals and corrections
     * @param rules        rule id → its documentation
     * @param ruleLocation rule id → {@code file:line} of its declaration, if known (asked only for a rule)
     */
    public Explainer(Knowledge knowledge, Map<String, RuleDoc> rules, Function<String, Optional<String>> ruleLocation) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.ruleLocation = ruleLocation;
    }

    /**
     * Looks an id up as a setting, then a goal (ids and aliases), then a rule, then a correction.
     *
     * @param id what the user typed
     * @return what it names
     * @throws AdvisorException when nothing has that name; the message names the close ones ({@link Suggestions}) or,
     *                         when none is close, the settings and where goals and rules are listed
     */
    public Explanation lookup(String id) {
        String key = id.trim();
        Optional<Setting> setting = knowledge.setting(key);
        if (setting.isPresent()) return new Explanation.OfSetting(setting.get());
        Optional<Goal> goal = knowledge.goal(key);
        if (goal.isPresent()) return new Explanation.OfGoal(goal.get());
        RuleDoc rule = rules.get(key);
        if (rule != null) return new Explanation.OfRule(rule, ruleLocation.apply(key));
        Correction correction = knowledge.corrections().get(key);
        if (correction != null) return new Explanation.OfCorrection(correction);
        if (SCOPE_IDS.contains(key)) {
            List<dev.profileadvisor.knowledge.Scope> scopes = knowledge.scopes().values().stream()
                    .sorted(java.util.Comparator.comparingInt(dev.profileadvisor.knowledge.Scope::precedence)).toList();
            return new Explanation.OfScopes(scopes, List.copyOf(knowledge.scopeFacts().values()), List.copyOf(knowledge.crates().values()));
        }
        record Named(String id, List<String> names) { }
        List<Named> all = Stream.of(knowledge.settings().keySet().stream().map(k -> new Named(k, List.of(k))),
                knowledge.goals().values().stream().map(g -> new Named(g.id(), Stream.concat(Stream.of(g.id()), g.aliases().stream()).toList())),
                rules.keySet().stream().map(r -> new Named(r, List.of(r))),
                knowledge.corrections().keySet().stream().map(c -> new Named(c, List.of(c))),
                Stream.of(new Named("scopes", SCOPE_IDS))).flatMap(x -> x).toList();
        List<String> near = Suggestions.closest(key, all, Named::names, 3).stream().map(Named::id).distinct().toList();
        throw new AdvisorException(Problem.of("explain", "nothing is called `" + key + "`: not a setting, goal, rule, correction or `scopes`; "
                + (near.isEmpty() ? "settings: " + Suggestions.quoted(knowledge.settings().keySet())
                        + " (`cargo-profile-advisor goals` lists the goals, `cargo-profile-advisor rules list` the rules)"
                        : "closest: " + Suggestions.quoted(near))));
    }
}
