package dev.profileadvisor.audit;

import java.util.List;

/**
 * The audit of one workspace.
 *
 * @param manifest  the manifest the user named (or found)
 * @param root      the workspace root manifest (whose profiles cargo uses)
 * @param cargoDir  the directory cargo is taken to run in, where it starts looking for {@code .cargo/config.toml}
 *                  ({@code .} for the current directory, else relative to it or absolute)
 * @param profiles  every profile cargo provides or the workspace defines
 * @param findings  what is wrong, redundant or in conflict, in file order; the allowed ones included, marked
 *                  ({@link AuditFinding#allowed()})
 * @param target    the target settings every profile's rustc line carries (rustflags, linker), with their origins
 */
public record WorkspaceAudit(String manifest, String root, String cargoDir, List<ProfileReport> profiles, List<AuditFinding> findings,
                             TargetReport target) {
    /**
     * Copies the lists.
     *
     * @param manifest the manifest the user named (or found)
     * @param root     the workspace root manifest (whose profiles cargo uses)
     * @param cargoDir the directory cargo is taken to run in, where it starts looking for {@code .cargo/config.toml} ({@code .} for the current directory, else relative to it or absolute)
     * @param profiles every profile cargo provides or the workspace defines
     * @param findings what is wrong, redundant or in conflict, in file order
     * @param target   the target settings every profile's rustc line carries
     */
    public WorkspaceAudit {
        profiles = List.copyOf(profiles);
        findings = List.copyOf(findings);
    }

    /**
     * An audit as cargo sees the workspace when run from its root directory.
     *
     * @param manifest the manifest the user named (or found)
     * @param root     the workspace root manifest (whose profiles cargo uses)
     * @param profiles every profile cargo provides or the workspace defines
     * @param findings what is wrong, redundant or in conflict, in file order
     * @param target   the target settings every profile's rustc line carries
     */
    public WorkspaceAudit(String manifest, String root, List<ProfileReport> profiles, List<AuditFinding> findings, TargetReport target) {
        this(manifest, root, directoryOf(root), profiles, findings, target);
    }

    /**
     * @param cargoDir the directory cargo is taken to run in, as {@link #cargoDir()} names it
     * @return this audit, assuming cargo runs there
     */
    public WorkspaceAudit runningIn(String cargoDir) {
        return new WorkspaceAudit(manifest, root, cargoDir, profiles, findings, target);
    }

    /** @return whether cargo is taken to run in the workspace root's directory (where it usually runs) */
    public boolean runsInRoot() {
        return cargoDir.equals(directoryOf(root));
    }

    private static String directoryOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : file.substring(0, slash);
    }
}
