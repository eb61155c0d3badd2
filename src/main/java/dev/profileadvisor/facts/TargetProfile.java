package dev.profileadvisor.facts;

import java.util.List;

/**
 * The profile being recommended (input fact).
 *
 * @param name    profile name
 * @param root    {@code dev} or {@code release}: the root profile it descends from
 * @param ignores keys cargo ignores in this profile
 */
public record TargetProfile(String name, String root, List<String> ignores) {
    /**
     * Copies the list.
     *
     * @param name    profile name
     * @param root    {@code dev} or {@code release}: the root profile it descends from
     * @param ignores keys cargo ignores in this profile
     */
    public TargetProfile {
        ignores = List.copyOf(ignores);
    }
}
