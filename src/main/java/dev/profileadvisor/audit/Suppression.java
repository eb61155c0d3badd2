package dev.profileadvisor.audit;

import java.util.Objects;

/**
 * Why a finding is allowed: counted, not shown, never a reason to fail. The kinds are SARIF's.
 *
 * @param kind   where the allow is written
 * @param file   for {@link Kind#IN_SOURCE}, the manifest holding the {@code allow} entry; for {@link Kind#EXTERNAL}, empty
 * @param line   the entry's 1-based line, 0 for {@link Kind#EXTERNAL}
 * @param column the entry's 1-based column, 0 for {@link Kind#EXTERNAL}
 * @param reason the entry's {@code reason}, or empty
 */
public record Suppression(Kind kind, String file, int line, int column, String reason) {
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
     * @param kind   where the allow is written
     * @param file   the manifest holding the {@code allow} entry, or empty
     * @param line   the entry's line, or 0
     * @param column the entry's column, or 0
     * @param reason the entry's {@code reason}, or empty
     */
    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }

    /** @return an allow from outside the project ({@code --allow}), with no reason */
    public static Suppression external() {
        return new Suppression(Kind.EXTERNAL, "", 0, 0, "");
    }

    /** @return the entry's {@code file:line:col}; empty for {@link Kind#EXTERNAL} */
    public String location() {
        return file.isEmpty() ? "" : line > 0 ? file + ":" + line + (column > 0 ? ":" + column : "") : file;
    }
}
