package dev.profileadvisor;

import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.Text;
import dev.profileadvisor.rules.RuleDoc;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The one lookup behind {@link ProfileAdvisor#explain(String)}, shared by the CLI and the HTTP server. */
final class Explainer {
    private Explainer() {
    }

    /**
     * Looks an id up as a setting, then a goal (ids and aliases), then a rule, then a correction.
     *
     * @param advisor the advisor whose knowledge and rules to search
     * @param id      what the user typed
     * @return what it names
     * @throws AdvisorException when nothing has that name; the message suggests the closest names
     */
    static Explanation lookup(ProfileAdvisor advisor, String id) {
        Knowledge k = advisor.knowledge();
        String key = id.trim();
        Optional<Setting> setting = k.setting(key);
        if (setting.isPresent()) return new Explanation.OfSetting(setting.get());
        Optional<Goal> goal = k.goal(key);
        if (goal.isPresent()) return new Explanation.OfGoal(goal.get());
        RuleDoc rule = advisor.rules().get(key);
        if (rule != null) return new Explanation.OfRule(rule, Optional.ofNullable(advisor.ruleLocations().get(key)));
        Correction correction = k.corrections().get(key);
        if (correction != null) return new Explanation.OfCorrection(correction);
        List<String> all = Stream.of(k.settings().keySet(), k.goals().keySet(), advisor.rules().keySet(), k.corrections().keySet())
                .flatMap(Collection::stream).toList();
        String near = all.stream().sorted(Comparator.comparingInt(x -> Text.distance(x, key))).limit(3)
                .map(x -> "`" + x + "`").collect(Collectors.joining(", "));
        throw new AdvisorException(Problem.of("explain", "nothing is called `" + key
                + "`: not a setting, goal, rule or correction; closest: " + near));
    }
}
