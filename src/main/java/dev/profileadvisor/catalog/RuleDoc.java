package dev.profileadvisor.catalog;

import dev.profileadvisor.Severity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param parts         optional parts of the message and fix: name → alternatives, the first whose placeholders
 *                       all have values is used ({@link MessageTemplate#fill(String, Map, Map)})
 * @param knownProblems limits of the rule, or empty
 * @param sources       source keys; a key may name a finding's value ({@code cargo-book-profiles-{section}}) to pick,
 *                       per finding, one of the keys listed beside it ({@link #sourcesWith(Map)})
 * @param file          the docs file
 * @param line          line of {@code [rule.ID]}
 * @param positions     where the value of each template is in the docs file: {@code message}, {@code fix},
 *                       {@code parts.NAME}
 * @param cases         its cases
 */
public record RuleDoc(String id, Kind kind, Optional<Severity> severity, String title, String message, String why, String fix,
                      Map<String, List<String>> parts, String knownProblems, List<String> sources, String file, int line,
                      Map<String, Position> positions, List<RuleCase> cases) {
    /**
     * Checks that the kind and severity are given and that every part has some text, and copies the collections.
     *
     * @param id            rule id (the DRL rule name)
     * @param kind          what the rule concludes
     * @param severity      for findings: error, warning or note; empty otherwise
     * @param title         one line, lowercase start
     * @param message       what output shows when the rule applies
     * @param why           why the rule exists
     * @param fix           what to do instead, or empty
     * @param parts         optional parts of the message and fix: name → alternatives, the first whose placeholders
     *                       all have values is used ({@link MessageTemplate#fill(String, Map, Map)})
     * @param knownProblems limits of the rule, or empty
     * @param sources       source keys; a key may name a finding's value ({@code cargo-book-profiles-{section}})
     * @param file          the docs file
     * @param line          line of {@code [rule.ID]}
     * @param positions     where the value of each template is in the docs file: {@code message}, {@code fix},
     *                       {@code parts.NAME}
     * @param cases         its cases
     */
    public RuleDoc {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Map<String, List<String>> copied = new LinkedHashMap<>();
        parts.forEach((name, alternatives) -> {
            if (alternatives.isEmpty()) throw new IllegalArgumentException("part `" + name + "` of `" + id + "` has no text");
            copied.put(name, List.copyOf(alternatives));
        });
        parts = Collections.unmodifiableMap(copied);
        sources = List.copyOf(sources);
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        cases = List.copyOf(cases);
    }

    /**
     * Where a template's text starts in the docs file.
     *
     * @param line   1-based line
     * @param column 1-based column of its opening quote
     */
    public record Position(int line, int column) {
        /**
         * Checks that both are positive.
         *
         * @param line   1-based line
         * @param column 1-based column of its opening quote
         */
        public Position {
            if (line < 1 || column < 1) throw new IllegalArgumentException("no position " + line + ":" + column);
        }
    }

    /**
     * @param args the values a finding supplies
     * @return the message worded with them
     */
    public String messageWith(Map<String, String> args) {
        return MessageTemplate.fill(message, parts, args);
    }

    /**
     * @param args the values a finding supplies
     * @return the fix worded with them, or empty when the rule has none
     */
    public String fixWith(Map<String, String> args) {
        return MessageTemplate.fill(fix, parts, args);
    }

    /** @return the rule's source keys without those that name a finding's value: what its documentation cites */
    public List<String> sourceKeys() {
        return sources.stream().filter(k -> MessageTemplate.placeholders(k).isEmpty()).toList();
    }

    /**
     * The sources of one finding. A key that names a finding's value ({@code cargo-book-profiles-{section}}) picks,
     * filled with it, one of the keys listed beside it; those keys are then left out, so each finding links the
     * section that fits it. A rule without such a key cites all its sources in every finding.
     *
     * @param args the values a finding supplies
     * @return its source keys
     */
    public List<String> sourcesWith(Map<String, String> args) {
        List<String> templates = sources.stream().filter(k -> !MessageTemplate.placeholders(k).isEmpty()).toList();
        List<String> out = new java.util.ArrayList<>();
        for (String t : templates) {
            String filled = MessageTemplate.fill(t, args);
            if (sources.contains(filled) && !out.contains(filled)) out.add(filled);
        }
        for (String k : sourceKeys()) {
            if (templates.stream().noneMatch(t -> MessageTemplate.matches(t, k)) && !out.contains(k)) out.add(k);
        }
        return List.copyOf(out);
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
