package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A built-in or well-known Cargo profile.
 *
 * @param name     profile name
 * @param builtIn  true for dev, release, test, bench
 * @param inherits parent profile, empty for the root profiles dev and release
 * @param usedBy   which cargo commands use it
 * @param ignores  keys cargo ignores in this profile
 * @param summary  one line
 * @param serves   criterion → weight a build of this profile serves unless a goal says otherwise (dev: readable backtraces)
 */
public record ProfileInfo(String name, boolean builtIn, Optional<String> inherits, String usedBy,
                          List<String> ignores, String summary, java.util.Map<String, Integer> serves) {
    /**
     * Copies the list.
     *
     * @param name     profile name
     * @param builtIn  true for dev, release, test, bench
     * @param inherits parent profile, empty for the root profiles dev and release
     * @param usedBy   which cargo commands use it
     * @param ignores  keys cargo ignores in this profile
     * @param summary  one line
     * @param serves   criterion → weight the profile serves unless a goal says otherwise
     */
    public ProfileInfo {
        ignores = List.copyOf(ignores);
        serves = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serves));
    }
}
