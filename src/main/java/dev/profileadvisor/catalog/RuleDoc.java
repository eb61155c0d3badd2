package dev.profileadvisor.catalog;

import dev.profileadvisor.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule's documentation, kept beside its DRL file.
 *
 * @param id            rule id (the DRL rule name)
 * @param kind          what the rule concludes
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
public record RuleDoc(String id, Kind kind, Optional<Severity> severity, String title, String message, String why, String fix,
                      String knownProblems, List<String> sources, String file, int line, List<RuleCase> cases) {
    /**
     * Checks that the kind and severity are given and copies the lists.
     *
     * @param id            rule id (the DRL rule name)
     * @param kind          what the rule concludes
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
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        sources = List.copyOf(sources);
        cases = List.copyOf(cases);
    }

    /** What a rule concludes, as its sidecar's {@code kind} says. */
    public enum Kind {
        /** a weighted preference for a value ({@code recommend/10-preferences}) */
        PREFERENCE,
        /** a veto: a value that must not be chosen */
        CONSTRAINT,
        /** a tally or the decision per setting; fires on every request */
        DECISION,
        /** a remark on a decided setting */
        NOTE,
        /** an audit finding at a location */
        FINDING;

        /** @return the kind as the sidecar writes it: {@code preference}, {@code constraint}, … */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @return {@link #label()}, so output that prints a kind shows it as the sidecar writes it */
        @Override
        public String toString() {
            return label();
        }

        /**
         * @param label a kind as a sidecar writes it
         * @return the kind, or empty when it names none
         */
        public static Optional<Kind> of(String label) {
            for (Kind k : values()) if (k.label().equals(label)) return Optional.of(k);
            return Optional.empty();
        }
    }
}
