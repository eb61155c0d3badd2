package dev.profileadvisor.audit;

import java.util.List;
import java.util.Optional;

/**
 * What the audited target adds to every rustc line beside the profiles, and where it comes from.
 *
 * @param triple    the target triple the units are built for
 * @param how       how the triple is known: {@code host (rustc -vV, rustc 1.95.0)}, {@code assumed: …}, {@code --target},
 *                  or the config key that sets {@code build.target}
 * @param explicit  whether cargo is given the target ({@code --target}, {@code build.target}): build scripts and
 *                  proc-macros then get no rustflags
 * @param source    the rustflags source in force, as knowledge names it ({@code the `RUSTFLAGS` environment variable}),
 *                  empty when there are no rustflags
 * @param rustflags the extra flags with where each is written
 * @param displaced the rustflags cargo ignores, with what displaces them
 * @param linker    the linker cargo passes ({@code -C linker=}), with where it is set
 */
public record TargetReport(String triple, String how, boolean explicit, String source, List<Flag> rustflags, List<Displaced> displaced,
                           Optional<Flag> linker) {
    /**
     * A value and where it is written.
     *
     * @param value  the flag or value
     * @param origin {@code file:line:col} or {@code env VAR}
     * @param key    the key or variable ({@code build.rustflags})
     */
    public record Flag(String value, String origin, String key) {
    }

    /**
     * Rustflags cargo ignores.
     *
     * @param key      the key or variable
     * @param origin   where it is written
     * @param flags    its flags
     * @param winner   the key or variable used instead
     * @param winnerAt where that is written
     */
    public record Displaced(String key, String origin, List<String> flags, String winner, String winnerAt) {
        /**
         * Copies the flags.
         *
         * @param key      the key or variable
         * @param origin   where it is written
         * @param flags    its flags
         * @param winner   the key or variable used instead
         * @param winnerAt where that is written
         */
        public Displaced {
            flags = List.copyOf(flags);
        }
    }

    /**
     * Copies the lists.
     *
     * @param triple    the target triple the units are built for
     * @param how       how the triple is known
     * @param explicit  whether cargo is given the target
     * @param source    the rustflags source in force, empty when there are no rustflags
     * @param rustflags the extra flags with where each is written
     * @param displaced the rustflags cargo ignores
     * @param linker    the linker cargo passes
     */
    public TargetReport {
        rustflags = List.copyOf(rustflags);
        displaced = List.copyOf(displaced);
    }
}
