package dev.profileadvisor.explain;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.Text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one lookup behind {@code explain}, shared by the CLI, the HTTP server and the Java API. */
public final class Explainer {
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
     * @throws AdvisorException when nothing has that name; the message suggests the closest names
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
        List<String> all = Stream.of(knowledge.settings().keySet(), knowledge.goals().keySet(), rules.keySet(),
                knowledge.corrections().keySet()).flatMap(Collection::stream).toList();
        String near = all.stream().sorted(Comparator.comparingInt(x -> Text.distance(x, key))).limit(3)
                .map(x -> "`" + x + "`").collect(Collectors.joining(", "));
        throw new AdvisorException(Problem.of("explain", "nothing is called `" + key
                + "`: not a setting, goal, rule or correction; closest: " + near));
    }
}
