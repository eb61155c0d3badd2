package dev.profileadvisor.manifest;

/** Why cargo cannot resolve a profile's {@code inherits} chain, as {@link ProfileResolver} finds it. */
public enum ChainProblem {
    /** the chain reaches {@code dev} or {@code release} */
    NONE,
    /** a custom profile of the chain names no parent */
    MISSING_INHERITS,
    /** a profile of the chain inherits from a profile nobody defines */
    UNKNOWN_INHERITS,
    /** the chain comes back to a profile it has already passed */
    CYCLE
}
