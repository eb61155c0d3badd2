package dev.profileadvisor.facts;

import java.util.Map;

/**
 * Something an audit rule concluded about a location (derived fact). Its text is the rule's documented message
 * and fix, with {@code {name}} placeholders filled from {@code args}.
 *
 * @param rule   rule id
 * @param file   file (or {@code env VAR})
 * @param line   line, 0 when none
 * @param column column, 0 when none
 * @param args   placeholder values
 */
public record Finding(String rule, String file, int line, int column, Map<String, String> args) {
    /**
     * Copies the args.
     *
     * @param rule   rule id
     * @param file   file (or {@code env VAR})
     * @param line   line, 0 when none
     * @param column column, 0 when none
     * @param args   placeholder values
     */
    public Finding {
        args = Map.copyOf(args);
    }

    /**
     * @param rule   rule id
     * @param file   file
     * @param line   line
     * @param column column
     * @param kv     alternating names and values
     * @return a finding
     */
    public static Finding at(String rule, String file, int line, int column, String... kv) {
        java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) args.put(kv[i], kv[i + 1] == null ? "" : kv[i + 1]);
        return new Finding(rule, file, line, column, args);
    }
}
