package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A profile key cargo 1.95 knows only behind an unstable feature ({@code knowledge/unstable.toml}).
 *
 * @param key     the key as written in a profile table ({@code trim-paths})
 * @param feature the unstable feature that enables it ({@code trim-paths}, {@code profile-rustflags})
 * @param optIn   how nightly cargo opts in to it
 * @param refused whether stable cargo refuses the manifest ({@code feature `X` is required}); otherwise it warns
 *                and ignores the key
 * @param sources source keys
 */
public record UnstableKey(String key, String feature, OptIn optIn, boolean refused, List<String> sources) {
    /** How nightly cargo opts in to an unstable feature, as stable cargo's own message says. */
    public enum OptIn {
        /** {@code cargo-features = ["FEATURE"]} at the top of {@code Cargo.toml} */
        CARGO_FEATURES,
        /** {@code -Z FEATURE} on the command line (or {@code [unstable]} in a config file) */
        Z_FLAG;

        /**
         * @param label {@code cargo-features} or {@code -Z}, as {@code unstable.toml} writes it
         * @return the opt-in, or empty for anything else
         */
        public static java.util.Optional<OptIn> of(String label) {
            return switch (label) {
                case "cargo-features" -> java.util.Optional.of(CARGO_FEATURES);
                case "-Z" -> java.util.Optional.of(Z_FLAG);
                default -> java.util.Optional.empty();
            };
        }
    }

    /**
     * Checks the fields and copies the sources.
     *
     * @param key     the key as written in a profile table
     * @param feature the unstable feature that enables it
     * @param optIn   how nightly cargo opts in to it
     * @param refused whether stable cargo refuses the manifest
     * @param sources source keys
     */
    public UnstableKey {
        Objects.requireNonNull(optIn, "optIn");
        sources = List.copyOf(sources);
    }
}
