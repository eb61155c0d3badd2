package dev.profileadvisor.audit;

import dev.profileadvisor.manifest.ProfileChain;
import java.util.List;
import java.util.Optional;

/**
 * A profile as cargo would build with it.
 *
 * @param name       profile name
 * @param chain      the profile and its ancestors ({@code dist, release})
 * @param problem    why cargo cannot use it, or empty
 * @param settings   every key with its value and origin
 * @param rustcFlags the {@code -C} flags the profile makes cargo pass to rustc for the workspace's binary crate, as cargo
 *                   writes them; empty when a value is invalid or the profile cannot be used
 * @param rustcLine  the whole part of that rustc line settings decide, one argument per element, in cargo's order: the
 *                   profile's flags, {@code --target} and {@code -C linker=} where cargo puts them, then the rustflags;
 *                   empty when {@code rustcFlags} is
 */
public record ProfileReport(String name, List<String> chain, Optional<String> problem, List<SettingReport> settings,
                            Optional<List<String>> rustcFlags, Optional<List<String>> rustcLine) {
    /**
     * Copies the lists.
     *
     * @param name       profile name
     * @param chain      the profile and its ancestors ({@code dist, release})
     * @param problem    why cargo cannot use it, or empty
     * @param settings   every key with its value and origin
     * @param rustcFlags the {@code -C} flags the profile makes cargo pass for the binary crate; empty when a value is invalid or the profile cannot be used
     * @param rustcLine  the whole part of that rustc line settings decide, in cargo's order; empty when {@code rustcFlags} is
     */
    public ProfileReport {
        chain = ProfileChain.unmodifiable(chain); // shared along the chain: copies would be quadratic
        settings = List.copyOf(settings);
        rustcFlags = rustcFlags.map(List::copyOf);
        rustcLine = rustcLine.map(List::copyOf);
    }
}
