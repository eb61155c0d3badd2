package dev.profileadvisor.explain;

import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.catalog.RuleCase;
import dev.profileadvisor.catalog.RuleDoc;

import java.util.List;
import java.util.Optional;

/**
 * What an id names, as {@link dev.profileadvisor.ProfileAdvisor#explain(String)} finds it: a setting, a goal, a rule or a correction
 * of a published claim. The CLI's {@code explain} and the HTTP {@code GET /v1/explain/{id}} both render one of
 * these.
 */
public sealed interface Explanation
        permits Explanation.OfSetting, Explanation.OfGoal, Explanation.OfRule, Explanation.OfCorrection, Explanation.OfScopes {

    /** @return the canonical id of what is explained (a goal alias resolves to the goal's id) */
    String id();

    /**
     * A profile setting such as {@code lto}.
     *
     * @param setting the setting, with its values, defaults and sources
     */
    record OfSetting(Setting setting) implements Explanation {
        /** @return the setting key */
        @Override
        public String id() {
            return setting.key();
        }
    }

    /**
     * A goal such as {@code small-binary}.
     *
     * @param goal the goal, with its aliases and criteria
     */
    record OfGoal(Goal goal) implements Explanation {
        /** @return the goal id */
        @Override
        public String id() {
            return goal.id();
        }
    }

    /**
     * A rule of the rule base.
     *
     * @param rule      its documentation and cases
     * @param definedAt {@code file:line} of the DRL rule; empty when the docs name a rule no DRL file declares
     */
    record OfRule(RuleDoc rule, Optional<String> definedAt) implements Explanation {
        /** @return the rule id */
        @Override
        public String id() {
            return rule.id();
        }

        /**
         * What clippy's lint docs call "Example": for an audit rule, a manifest it reports.
         *
         * @return the rule's first case that fires; empty when it has none
         */
        public Optional<RuleCase> example() {
            return rule.cases().stream().filter(c -> c.expect() == RuleCase.Expect.FIRES).findFirst();
        }

        /**
         * What clippy's lint docs call "Use instead": for an audit rule, a manifest it leaves alone.
         *
         * @return the rule's first case that stays silent; empty when it has none
         */
        public Optional<RuleCase> useInstead() {
            return rule.cases().stream().filter(c -> c.expect() == RuleCase.Expect.SILENT).findFirst();
        }
    }

    /**
     * A published claim that cargo contradicts, and the correct fact.
     *
     * @param correction the correction
     */
    record OfCorrection(Correction correction) implements Explanation {
        /** @return the correction id */
        @Override
        public String id() {
            return correction.id();
        }
    }

    /**
     * Where in a profile settings can be written ({@code explain scopes}): each scope, the verified facts about override
     * tables, and the crates experts optimise on their own in dev.
     *
     * @param scopes the scopes, in precedence order (first match wins)
     * @param facts  statements about override tables, each verified with cargo 1.95 or sourced
     * @param crates crates a plan may give their own table
     */
    record OfScopes(List<dev.profileadvisor.knowledge.Scope> scopes, List<dev.profileadvisor.knowledge.ScopeFact> facts,
                    List<dev.profileadvisor.knowledge.KnownCrate> crates) implements Explanation {
        /**
         * Copies the lists.
         *
         * @param scopes the scopes, in precedence order
         * @param facts  statements about override tables
         * @param crates crates a plan may give their own table
         */
        public OfScopes {
            scopes = List.copyOf(scopes);
            facts = List.copyOf(facts);
            crates = List.copyOf(crates);
        }

        /** @return {@code scopes} */
        @Override
        public String id() {
            return "scopes";
        }
    }
}
