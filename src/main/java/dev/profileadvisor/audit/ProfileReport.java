package dev.profileadvisor.audit;

import java.util.List;
import java.util.Optional;

/**
 * A profile as cargo would build with it.
 *
 * @param name       profile name
 * @param chain      the profile and its ancestors ({@code dist, release})
 * @param problem    why cargo cannot use it, or empty
 * @param settings   every key with its value and origin
 * @param rustcFlags the {@code -C} flags cargo passes to rustc for the workspace's binary crate, as cargo writes
 *                   them; empty when a value is invalid or the profile cannot be used
 */
public record ProfileReport(String name, List<String> chain, Optional<String> problem, List<SettingReport> settings,
                            Optional<List<String>> rustcFlags) {
    /**
     * Copies the lists.
     *
     * @param name       profile name
     * @param chain      the profile and its ancestors ({@code dist, release})
     * @param problem    why cargo cannot use it, or empty
     * @param settings   every key with its value and origin
     * @param rustcFlags the {@code -C} flags cargo passes to rustc for the workspace's binary crate, as cargo writes them; empty when a value is invalid or the profile cannot be used
     */
    public ProfileReport {
        chain = List.copyOf(chain);
        settings = List.copyOf(settings);
    }
}
