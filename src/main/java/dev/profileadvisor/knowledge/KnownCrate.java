package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A crate experts optimise on its own in dev (knowledge/crates.toml): when a project depends on it, a plan may give
 * it its own {@code [profile.P.package.NAME]} table.
 *
 * @param name     the package name
 * @param reason   why it is slow unoptimised
 * @param settings setting → value id its table sets
 * @param effects  criterion → score (−3 … +3) of those settings on this crate
 * @param sources  source keys
 */
public record KnownCrate(String name, String reason, Map<String, String> settings, Map<String, Integer> effects,
                         List<String> sources) {
    /**
     * Copies the collections, keeping their order.
     *
     * @param name     the package name
     * @param reason   why it is slow unoptimised
     * @param settings setting → value id its table sets
     * @param effects  criterion → score of those settings on this crate
     * @param sources  source keys
     */
    public KnownCrate {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        effects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effects));
        sources = List.copyOf(sources);
    }
}
