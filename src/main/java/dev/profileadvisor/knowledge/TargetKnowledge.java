package dev.profileadvisor.knowledge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code knowledge/targets.toml} holds: the settings beside the profiles that decide a build (extra rustc
 * flags and where they come from, linkers, CPU levels, frame pointers, {@code build.incremental}). Immutable.
 *
 * @param assumedHost        the host triple assumed when rustc cannot be asked
 * @param assumedRust        the Rust version assumed then ({@code 1.95}, the one the knowledge was verified with)
 * @param rustflagSources    the sources of extra flags, highest precedence first (exactly one is used)
 * @param profileFlags       codegen options that a profile key also sets, by option
 * @param configKeys         the keys cargo reads in {@code [build]} and {@code [target.*]} of a config file
 * @param incrementalSources where a unit's incremental setting comes from, highest precedence first
 * @param linkers            id → linker choice, in file order
 * @param cpuLevels          id → CPU level, in file order
 * @param framePointers      {@code -C force-frame-pointers=yes}: what it helps and costs
 * @param facts              id → verified statements, in file order
 * @param tripleCfgs         triple → the {@code cfg} values {@code target.'cfg(…)'} tables see for it
 *                           ({@code unix}, {@code target_os="linux"})
 */
public record TargetKnowledge(String assumedHost, String assumedRust, List<SourceLayer> rustflagSources, Map<String, ProfileFlag> profileFlags,
                              ConfigKeys configKeys, List<SourceLayer> incrementalSources, Map<String, Linker> linkers,
                              Map<String, CpuLevel> cpuLevels, FramePointers framePointers, Map<String, TargetFact> facts,
                              Map<String, List<String>> tripleCfgs) {
    /**
     * Copies the collections, keeping their order.
     *
     * @param assumedHost        the host triple assumed when rustc cannot be asked
     * @param assumedRust        the Rust version assumed then
     * @param rustflagSources    the sources of extra flags, highest precedence first
     * @param profileFlags       codegen options that a profile key also sets, by option
     * @param configKeys         the keys cargo reads in {@code [build]} and {@code [target.*]}
     * @param incrementalSources where a unit's incremental setting comes from, highest precedence first
     * @param linkers            id → linker choice
     * @param cpuLevels          id → CPU level
     * @param framePointers      {@code -C force-frame-pointers=yes}
     * @param facts              id → verified statements
     * @param tripleCfgs         triple → its {@code cfg} values
     */
    public TargetKnowledge {
        rustflagSources = List.copyOf(rustflagSources);
        profileFlags = copy(profileFlags);
        incrementalSources = List.copyOf(incrementalSources);
        linkers = copy(linkers);
        cpuLevels = copy(cpuLevels);
        facts = copy(facts);
        Map<String, List<String>> cfgs = new LinkedHashMap<>();
        tripleCfgs.forEach((k, v) -> cfgs.put(k, List.copyOf(v)));
        tripleCfgs = Collections.unmodifiableMap(cfgs);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * @param id a linker id ({@code mold})
     * @return the linker
     */
    public Optional<Linker> linker(String id) {
        return Optional.ofNullable(linkers.get(id));
    }

    /**
     * @param id a {@code target-cpu} value; a name with no row of its own is a named CPU
     * @return its row ({@code named} for a CPU name knowledge has no row for)
     */
    public Optional<CpuLevel> cpuLevel(String id) {
        CpuLevel exact = cpuLevels.get(id);
        if (exact != null) return Optional.of(exact);
        return cpuLevels.values().stream().filter(c -> c.kind() == CpuLevel.Kind.NAMED).findFirst();
    }

    /**
     * @param id a fact id
     * @return the fact
     */
    public Optional<TargetFact> fact(String id) {
        return Optional.ofNullable(facts.get(id));
    }

    /**
     * @param id a rustflags source id ({@code rustflags-env})
     * @return the source
     */
    public Optional<SourceLayer> rustflagSource(String id) {
        return rustflagSources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * @param option a {@code -C} option ({@code opt-level})
     * @return the profile key that also sets it
     */
    public Optional<ProfileFlag> profileFlag(String option) {
        return Optional.ofNullable(profileFlags.get(option));
    }
}
