package dev.profileadvisor.audit;

import dev.profileadvisor.Problem;
import dev.profileadvisor.Severity;

import java.util.List;
import java.util.Optional;

/**
 * The audit of one or more workspaces.
 *
 * @param workspaces each workspace audited
 * @param errors     inputs that could not be audited (missing file, malformed TOML, …), each with its location;
 *                   the other inputs are still audited
 */
public record AuditReport(List<WorkspaceAudit> workspaces, List<Problem> errors) {
    /**
     * Copies the lists.
     *
     * @param workspaces each workspace audited
     * @param errors     inputs that could not be audited (missing file, malformed TOML, …), each with its location; the other inputs are still audited
     */
    public AuditReport {
        workspaces = List.copyOf(workspaces);
        errors = List.copyOf(errors);
    }

    /** @return every finding of every workspace */
    public List<AuditFinding> findings() {
        return workspaces.stream().flatMap(w -> w.findings().stream()).toList();
    }

    /** @return the most serious severity found, if any finding */
    public Optional<Severity> worst() {
        return findings().stream().map(AuditFinding::severity).min(Enum::compareTo);
    }

    /**
     * @param severity a severity
     * @return how many findings have it
     */
    public long count(Severity severity) {
        return findings().stream().filter(f -> f.severity() == severity).count();
    }
}
