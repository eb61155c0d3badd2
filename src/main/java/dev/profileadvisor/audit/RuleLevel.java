package dev.profileadvisor.audit;

import java.util.Objects;

/**
 * A level asked for one finding id from outside the project (the command line's {@code --allow}/{@code --deny}, the
 * HTTP request's {@code allow}/{@code deny}), like clippy's {@code -A}/{@code -D}. It beats what the manifest's
 * metadata allows; of several for one id, the last one counts.
 *
 * @param id    a finding id
 * @param level what to do with its findings
 */
public record RuleLevel(String id, Level level) {
    /** What a level does to a finding. */
    public enum Level {
        /** counted, not shown, and never a reason to fail ({@code --allow}) */
        ALLOW,
        /** raised to an error ({@code --deny}) */
        DENY
    }

    /**
     * Checks that both parts are there.
     *
     * @param id    a finding id
     * @param level what to do with its findings
     */
    public RuleLevel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
    }

    /**
     * @param id a finding id
     * @return {@code --allow id}
     */
    public static RuleLevel allow(String id) {
        return new RuleLevel(id, Level.ALLOW);
    }

    /**
     * @param id a finding id
     * @return {@code --deny id}
     */
    public static RuleLevel deny(String id) {
        return new RuleLevel(id, Level.DENY);
    }
}
