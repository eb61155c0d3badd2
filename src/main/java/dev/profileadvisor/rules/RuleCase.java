package dev.profileadvisor.rules;

import java.util.List;
import java.util.Map;

/**
 * A small scenario that proves a rule works: inputs, and whether the rule must fire or stay silent.
 *
 * @param rule     the rule id
 * @param name     what the case shows
 * @param file     the TOML file it is in
 * @param line     its line
 * @param goals    goal arguments as a user types them ({@code "fast-runtime=2"})
 * @param profile  target profile, or empty for the goals' natural profile
 * @param inherits parent of a custom profile, or empty
 * @param expect   {@code fires} or {@code silent}
 * @param settings expected decided value ids, setting → value id (may be empty)
 */
public record RuleCase(String rule, String name, String file, int line, List<String> goals, String profile,
                       String inherits, String expect, Map<String, String> settings) {
    /**
     * Copies the collections.
     *
     * @param rule     the rule id
     * @param name     what the case shows
     * @param file     the TOML file it is in
     * @param line     its line
     * @param goals    goal arguments as a user types them ({@code "fast-runtime=2"})
     * @param profile  target profile, or empty for the goals' natural profile
     * @param inherits parent of a custom profile, or empty
     * @param expect   {@code fires} or {@code silent}
     * @param settings expected decided value ids, setting → value id (may be empty)
     */
    public RuleCase {
        goals = List.copyOf(goals);
        settings = Map.copyOf(settings);
    }

    /** @return {@code file:line} for messages */
    public String where() {
        return file + ":" + line;
    }
}
