package dev.profileadvisor.manifest;

import java.util.List;
import java.util.Optional;

/**
 * A profile as cargo would build with it.
 *
 * @param name       profile name
 * @param chain      the profile and its ancestors, the profile first ({@code dist, release})
 * @param problem    why cargo cannot use the profile (missing parent, cycle), or empty
 * @param problemKind which of those problems it is, {@link ChainProblem#NONE} when {@code problem} is empty
 * @param settings   every key, in knowledge order (empty when {@code problem} is present)
 * @param overrides  the {@code package.*} and {@code build-override} keys in force, ancestors' included
 * @param rustcFlags the {@code -C} flags cargo passes to rustc for the workspace's binary crate; empty when some
 *                   value is invalid (the build fails) or the profile cannot be used
 * @param dependencyDebuginfo whether a {@code package.*} or {@code build-override} table gives a dependency of the
 *                   binary debug info (a workspace dependency, or a proc-macro), which turns off release's implicit strip
 */
public record EffectiveProfile(String name, List<String> chain, Optional<String> problem, ChainProblem problemKind,
                               List<EffectiveSetting> settings,
                               List<ProfileEntry> overrides, Optional<List<String>> rustcFlags,
                               boolean dependencyDebuginfo) {
    /**
     * Checks that the problem and its kind agree, and copies the lists.
     *
     * @param name                profile name
     * @param chain               the profile and its ancestors, the profile first ({@code dist, release})
     * @param problem             why cargo cannot use the profile (missing parent, cycle), or empty
     * @param problemKind         which of those problems it is, {@link ChainProblem#NONE} when {@code problem} is empty
     * @param settings            every key, in knowledge order (empty when {@code problem} is present)
     * @param overrides           the {@code package.*} and {@code build-override} keys in force, ancestors' included
     * @param rustcFlags          the {@code -C} flags cargo passes to rustc for the workspace's binary crate; empty when some value is invalid (the build fails) or the profile cannot be used
     * @param dependencyDebuginfo whether a {@code package.*} or {@code build-override} table gives a dependency of the binary debug info (a workspace dependency, or a proc-macro), which turns off release's implicit strip
     */
    public EffectiveProfile {
        if (problem.isPresent() == (problemKind == ChainProblem.NONE)) {
            throw new IllegalArgumentException("problem " + problem + " does not agree with its kind " + problemKind);
        }
        chain = List.copyOf(chain);
        settings = List.copyOf(settings);
        overrides = List.copyOf(overrides);
    }

    /**
     * @param key setting key
     * @return its effective setting
     */
    public Optional<EffectiveSetting> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** @return the root profile (dev or release) the chain ends at */
    public String root() {
        return chain.get(chain.size() - 1);
    }
}
