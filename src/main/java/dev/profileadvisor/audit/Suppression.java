package dev.profileadvisor.audit;

import java.util.Objects;

/**
 * Why a finding is allowed: counted, not shown, never a reason to fail. The kinds are SARIF's.
 *
 * @param kind     where the allow is written
 * @param location for {@link Kind#IN_SOURCE}, the {@code allow} entry's {@code file:line:col}; for
 *                 {@link Kind#EXTERNAL}, empty
 * @param reason   the entry's {@code reason}, or empty
 */
public record Suppression(Kind kind, String location, String reason) {
    /** Where an allow is written. */
    public enum Kind {
        /** outside the project: {@code --allow} on the command line, {@code allow} in an HTTP request */
        EXTERNAL,
        /** in the project: an {@code allow} entry of the manifest's {@code [*.metadata.profile-advisor]} */
        IN_SOURCE
    }

    /**
     * Checks that the parts are there.
     *
     * @param kind     where the allow is written
     * @param location the {@code allow} entry's {@code file:line:col}, or empty
     * @param reason   the entry's {@code reason}, or empty
     */
    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }
}
