package dev.profileadvisor.audit;

import dev.profileadvisor.Severity;

import java.util.List;

/**
 * One finding of an audit.
 *
 * @param id       the rule id (stable; search and suppress by it)
 * @param severity error, warning or note
 * @param file     the file, as the user named it (or {@code env VAR})
 * @param line     1-based line, 0 when none
 * @param column   1-based column, 0 when none
 * @param message  what is wrong, with the actual values
 * @param help     what to do, or empty
 * @param sources  URLs
 */
public record AuditFinding(String id, Severity severity, String file, int line, int column, String message, String help,
                           List<String> sources) {
    /**
     * Copies the sources.
     *
     * @param id       the rule id (stable; search and suppress by it)
     * @param severity error, warning or note
     * @param file     the file, as the user named it (or {@code env VAR})
     * @param line     1-based line, 0 when none
     * @param column   1-based column, 0 when none
     * @param message  what is wrong, with the actual values
     * @param help     what to do, or empty
     * @param sources  URLs
     */
    public AuditFinding {
        sources = List.copyOf(sources);
    }

    /** @return {@code file:line:col} (parts that are unknown left out) */
    public String location() {
        return line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    }
}
