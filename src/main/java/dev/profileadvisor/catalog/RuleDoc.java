package dev.profileadvisor.catalog;

import java.util.List;

/**
 * A rule's documentation, kept beside its DRL file.
 *
 * @param id            rule id (the DRL rule name)
 * @param kind          preference, constraint, decision, note or finding
 * @param severity      for findings: error, warning or note; empty otherwise
 * @param title         one line, lowercase start
 * @param message       what output shows when the rule applies
 * @param why           why the rule exists
 * @param fix           what to do instead, or empty
 * @param knownProblems limits of the rule, or empty
 * @param sources       source keys
 * @param file          the docs file
 * @param line          line of {@code [rule.ID]}
 * @param cases         its cases
 */
public record RuleDoc(String id, String kind, String severity, String title, String message, String why, String fix,
                      String knownProblems, List<String> sources, String file, int line, List<RuleCase> cases) {
    /**
     * Copies the lists.
     *
     * @param id            rule id (the DRL rule name)
     * @param kind          preference, constraint, decision, note or finding
     * @param severity      for findings: error, warning or note; empty otherwise
     * @param title         one line, lowercase start
     * @param message       what output shows when the rule applies
     * @param why           why the rule exists
     * @param fix           what to do instead, or empty
     * @param knownProblems limits of the rule, or empty
     * @param sources       source keys
     * @param file          the docs file
     * @param line          line of {@code [rule.ID]}
     * @param cases         its cases
     */
    public RuleDoc {
        sources = List.copyOf(sources);
        cases = List.copyOf(cases);
    }
}
