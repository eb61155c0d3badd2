package dev.profileadvisor;

import java.util.ArrayList;
import java.util.List;

/** Every id `explain` answers for (settings, goals, rules, corrections) and one goal alias typed with a space. */
public final class ExplainableIds {
    private ExplainableIds() {
    }

    /**
     * @param advisor the advisor whose knowledge and rules to list
     * @return the ids, in that order
     */
    public static List<String> of(ProfileAdvisor advisor) {
        List<String> ids = new ArrayList<>();
        ids.addAll(advisor.knowledge().settings().keySet());
        ids.addAll(advisor.knowledge().goals().keySet());
        ids.addAll(advisor.rules().keySet());
        ids.addAll(advisor.knowledge().corrections().keySet());
        ids.add("smallest binary");
        ids.add("scopes");
        return ids;
    }
}
