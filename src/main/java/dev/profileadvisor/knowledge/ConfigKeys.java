package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * The keys cargo 1.95 reads in a config file's {@code [build]} and {@code [target.*]} tables
 * ({@code knowledge/targets.toml} {@code [config-keys]}); any other key is unused.
 *
 * @param build        keys of {@code [build]}
 * @param targetTriple keys of {@code [target.<triple>]} (a table there is a {@code links} override, not a key)
 * @param targetCfg    keys of {@code [target.'cfg(…)']}
 * @param sources      source keys
 */
public record ConfigKeys(List<String> build, List<String> targetTriple, List<String> targetCfg, List<String> sources) {
    /**
     * Copies the lists.
     *
     * @param build        keys of {@code [build]}
     * @param targetTriple keys of {@code [target.<triple>]}
     * @param targetCfg    keys of {@code [target.'cfg(…)']}
     * @param sources      source keys
     */
    public ConfigKeys {
        build = List.copyOf(build);
        targetTriple = List.copyOf(targetTriple);
        targetCfg = List.copyOf(targetCfg);
        sources = List.copyOf(sources);
    }
}
