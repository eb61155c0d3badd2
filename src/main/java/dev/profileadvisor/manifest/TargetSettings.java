package dev.profileadvisor.manifest;

import java.util.List;
import java.util.Optional;

/**
 * What cargo 1.95 adds to the rustc line of a target's units beside the profile, and where each part comes from:
 * the one rustflags source in force, the sources it displaced, the linker.
 *
 * @param triple         the target triple the units are built for
 * @param explicitTarget whether cargo is given a target ({@code --target}, {@code build.target}): then build
 *                       scripts and proc-macros get no rustflags and the line has {@code --target}
 * @param targetOrigin   where the target comes from ({@code env CARGO_BUILD_TARGET}, a config file, the command
 *                       line as {@code default}); empty without an explicit target
 * @param source         the id of the rustflags source in force ({@code knowledge/targets.toml}), empty when none is present
 * @param rustflags      the extra flags, one rustc argument each, in cargo's order, with where each is written
 * @param displaced      every source present but not used, highest precedence first
 * @param linker         {@code -C linker=}, when some table or variable sets it
 */
public record TargetSettings(String triple, boolean explicitTarget, Optional<Origin> targetOrigin, String source,
                             List<Flag> rustflags, List<Displaced> displaced, Optional<Setting> linker) {
    /**
     * One rustc argument from a rustflags source.
     *
     * @param value  the argument, as rustc gets it
     * @param origin where it is written: the array element, the key of a string form, or {@code env VAR}
     * @param key    the key or variable it belongs to ({@code build.rustflags}, {@code RUSTFLAGS})
     */
    public record Flag(String value, Origin origin, String key) {
    }

    /**
     * A rustflags key or variable cargo ignores because another wins.
     *
     * @param source    the id of its source ({@code build}, {@code target}); the same as the winner's when a deeper
     *                  config file's string form replaces it
     * @param key       the key or variable ({@code build.rustflags}, {@code target.cfg(unix).rustflags})
     * @param origin    where it is written
     * @param flags     its flags
     * @param winnerKey the key or variable that wins
     * @param winnerAt  where that is written
     */
    public record Displaced(String source, String key, Origin origin, List<String> flags, String winnerKey, Origin winnerAt) {
        /**
         * Copies the flags.
         *
         * @param source    the id of its source
         * @param key       the key or variable
         * @param origin    where it is written
         * @param flags     its flags
         * @param winnerKey the key or variable that wins
         * @param winnerAt  where that is written
         */
        public Displaced {
            flags = List.copyOf(flags);
        }
    }

    /**
     * A string setting and where it is written.
     *
     * @param value  the value as cargo passes it
     * @param origin where it is written
     * @param key    the key or variable ({@code target.x86_64-unknown-linux-gnu.linker})
     */
    public record Setting(String value, Origin origin, String key) {
    }

    /**
     * Copies the lists.
     *
     * @param triple         the target triple the units are built for
     * @param explicitTarget whether cargo is given a target
     * @param targetOrigin   where the target comes from
     * @param source         the id of the rustflags source in force, empty when none is present
     * @param rustflags      the extra flags, one rustc argument each, in cargo's order
     * @param displaced      every source present but not used
     * @param linker         {@code -C linker=}, when some table or variable sets it
     */
    public TargetSettings {
        rustflags = List.copyOf(rustflags);
        displaced = List.copyOf(displaced);
    }

    /** @return the rustflags as rustc gets them */
    public List<String> flagValues() {
        return rustflags.stream().map(Flag::value).toList();
    }
}
