package dev.profileadvisor.facts;

/** What cargo makes of a key written in a profile table ({@link AuditEntry#status()}). */
public enum ValueStatus {
    /** a known key with a value cargo and rustc accept */
    VALID,
    /** a known key with a value cargo or rustc rejects */
    INVALID,
    /** a known key with a value cargo accepts and silently drops */
    IGNORED,
    /** a key cargo does not know (it warns and ignores it) */
    UNKNOWN_KEY,
    /** a key cargo knows only behind an unstable feature ({@link UnstableKeyFact}): stable cargo refuses or ignores it */
    UNSTABLE_KEY,
    /** {@code inherits}, {@code package} and {@code build-override} themselves: structure, not a setting */
    OTHER
}
