package dev.profileadvisor.audit;

import dev.profileadvisor.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding of an audit.
 *
 * @param id          the rule id (stable; search and suppress by it)
 * @param severity    error, warning or note: the rule's, or {@link Severity#ERROR} when {@link #denied()}
 * @param file        the file, as the user named it (or {@code env VAR})
 * @param line        1-based line, 0 when none
 * @param column      1-based column, 0 when none
 * @param message     what is wrong, with the actual values
 * @param help        what to do, or empty
 * @param sources     URLs
 * @param suppression why it is allowed (counted, not shown, never a reason to fail), or empty when it is not
 * @param denied      whether {@code --deny} (or {@code deny} in an HTTP request) raised it to an error
 */
public record AuditFinding(String id, Severity severity, String file, int line, int column, String message, String help,
                           List<String> sources, Optional<Suppression> suppression, boolean denied) {
    /**
     * Copies the sources.
     *
     * @param id          the rule id (stable; search and suppress by it)
     * @param severity    error, warning or note
     * @param file        the file, as the user named it (or {@code env VAR})
     * @param line        1-based line, 0 when none
     * @param column      1-based column, 0 when none
     * @param message     what is wrong, with the actual values
     * @param help        what to do, or empty
     * @param sources     URLs
     * @param suppression why it is allowed, or empty
     * @param denied      whether {@code --deny} raised it to an error
     */
    public AuditFinding {
        sources = List.copyOf(sources);
        Objects.requireNonNull(suppression, "suppression");
        if (denied && suppression.isPresent()) throw new IllegalArgumentException("a denied finding is not allowed: " + id);
    }

    /**
     * A finding neither allowed nor denied.
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
    public AuditFinding(String id, Severity severity, String file, int line, int column, String message, String help,
                        List<String> sources) {
        this(id, severity, file, line, column, message, help, sources, Optional.empty(), false);
    }

    /** @return {@code file:line:col} (parts that are unknown left out) */
    public String location() {
        return line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    }

    /** @return whether it is allowed: counted, not shown, never a reason to fail */
    public boolean allowed() {
        return suppression.isPresent();
    }

    /**
     * @param why why it is allowed
     * @return this finding, allowed
     */
    public AuditFinding allowedBy(Suppression why) {
        return new AuditFinding(id, severity, file, line, column, message, help, sources, Optional.of(why), false);
    }

    /** @return this finding raised to an error by {@code --deny} */
    public AuditFinding deniedOnRequest() {
        return new AuditFinding(id, Severity.ERROR, file, line, column, message, help, sources, Optional.empty(), true);
    }
}
