package dev.profileadvisor.audit;

/** Hears how far a batch audit has got, e.g. to draw a progress bar. Called from several threads. */
public interface AuditProgress {
    /** Does nothing. */
    AuditProgress NONE = new AuditProgress() {
        @Override
        public void started(int workspaces) {
        }

        @Override
        public void audited() {
        }
    };

    /**
     * @param workspaces how many workspaces will be audited
     */
    void started(int workspaces);

    /** One more workspace is audited. */
    void audited();
}
