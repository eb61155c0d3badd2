package dev.profileadvisor.facts;

/**
 * A profile key cargo 1.95 knows only behind an unstable feature, from {@code knowledge/unstable.toml} (audit
 * knowledge fact, one per key).
 *
 * @param key          the key as written in a profile table
 * @param feature      the unstable feature that enables it
 * @param cargoFeature the feature when nightly opts in with {@code cargo-features = ["..."]} in {@code Cargo.toml},
 *                     else empty
 * @param zFlag        the feature when nightly opts in with {@code -Z FEATURE}, else empty
 * @param refused      whether stable cargo refuses to build; otherwise it warns and ignores the key
 */
public record UnstableKeyFact(String key, String feature, String cargoFeature, String zFlag, boolean refused) {
}
