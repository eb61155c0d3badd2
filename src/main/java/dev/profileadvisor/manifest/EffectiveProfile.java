package dev.profileadvisor.manifest;

import dev.profileadvisor.knowledge.SettingValue;

import java.util.List;
import java.util.Map;
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
 * @param implicits  for a key no table sets whose cargo applies an implicit value under a condition
 *                   ({@code strip = "debuginfo"} when no unit has debug info): whether it applies here, and why or
 *                   why not; keys where the condition does not come into question are absent
 */
public record EffectiveProfile(String name, List<String> chain, Optional<String> problem, ChainProblem problemKind,
                               List<EffectiveSetting> settings,
                               List<ProfileEntry> overrides, Optional<List<String>> rustcFlags,
                               boolean dependencyDebuginfo, Map<String, Implicit> implicits) {
    /**
     * What cargo does with a key's implicit value in this profile.
     *
     * @param value   the implicit value ({@code strip = "debuginfo"})
     * @param applied whether cargo applies it: then it is the value in force, and its flags are in {@code rustcFlags}
     * @param why     why it applies, or what keeps it from applying (rustc style, code in backticks)
     */
    public record Implicit(SettingValue value, boolean applied, String why) {
    }

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
     * @param implicits           for a key no table sets whose cargo applies an implicit value under a condition: whether it applies here, and why or why not
     */
    public EffectiveProfile {
        if (problem.isPresent() == (problemKind == ChainProblem.NONE)) {
            throw new IllegalArgumentException("problem " + problem + " does not agree with its kind " + problemKind);
        }
        chain = ProfileChain.unmodifiable(chain); // shared along the chain: copies would be quadratic
        settings = List.copyOf(settings);
        overrides = List.copyOf(overrides);
        implicits = Map.copyOf(implicits);
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
