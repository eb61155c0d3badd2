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

    /** @return every finding of every workspace, the allowed ones included */
    public List<AuditFinding> findings() {
        return workspaces.stream().flatMap(w -> w.findings().stream()).toList();
    }

    /** @return every finding that is not allowed: what is shown, counted by severity and can fail a check */
    public List<AuditFinding> reported() {
        return findings().stream().filter(f -> !f.allowed()).toList();
    }

    /** @return how many findings are allowed (counted, not shown) */
    public long allowedCount() {
        return findings().stream().filter(AuditFinding::allowed).count();
    }

    /** @return the most serious severity of a finding that is not allowed, if there is one */
    public Optional<Severity> worst() {
        return reported().stream().map(AuditFinding::severity).min(Enum::compareTo);
    }

    /**
     * @param severity a severity
     * @return how many findings that are not allowed have it
     */
    public long count(Severity severity) {
        return reported().stream().filter(f -> f.severity() == severity).count();
    }
}
