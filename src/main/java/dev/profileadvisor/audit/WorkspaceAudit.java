package dev.profileadvisor.audit;

import java.util.List;

/**
 * The audit of one workspace.
 *
 * @param manifest  the manifest the user named (or found)
 * @param root      the workspace root manifest (whose profiles cargo uses)
 * @param profiles  every profile cargo provides or the workspace defines
 * @param findings  what is wrong, redundant or in conflict, in file order
 */
public record WorkspaceAudit(String manifest, String root, List<ProfileReport> profiles, List<AuditFinding> findings) {
    /**
     * Copies the lists.
     *
     * @param manifest the manifest the user named (or found)
     * @param root     the workspace root manifest (whose profiles cargo uses)
     * @param profiles every profile cargo provides or the workspace defines
     * @param findings what is wrong, redundant or in conflict, in file order
     */
    public WorkspaceAudit {
        profiles = List.copyOf(profiles);
        findings = List.copyOf(findings);
    }
}
