package dev.profileadvisor.facts;

import java.util.Set;

/**
 * A key written in a profile table that cargo reads (root manifest, config file or environment), with what cargo
 * makes of it (audit input fact).
 *
 * @param profile            profile name
 * @param table              {@code ""}, {@code build-override} or {@code package.SPEC}
 * @param key                the key as written
 * @param toml               the value as written ({@code "thin"}, {@code 3})
 * @param file               file (or {@code env VAR}) it is in
 * @param line               line, 0 for env
 * @param column             column, 0 for env
 * @param status             {@code valid}, {@code invalid}, {@code ignored} or {@code unknown-key}; {@code other} for
 *                           {@code inherits}, {@code package} and {@code build-override} themselves
 * @param settingKind        {@code enum}, {@code integer} or {@code boolean}; empty for unknown keys
 * @param failsIn            for invalid values: {@code cargo} or {@code rustc}
 * @param reason             for invalid or ignored values: what is wrong
 * @param valueId            the knowledge value id, empty when not valid
 * @param traits             the value's traits
 * @param inheritedValueId   the value the key would have without this entry (parent chain or default), empty if unknown
 * @param allowedInOverrides whether the key may appear in {@code package.*} and {@code build-override}
 * @param ignoredByProfile   whether cargo ignores the key in this profile ({@code panic} in test and bench)
 * @param since              the Rust version this spelling needs, or empty
 * @param closestKey         for unknown keys: the known key it is closest to, or empty
 */
public record AuditEntry(String profile, String table, String key, String toml, String file, int line, int column,
                         String status, String settingKind, String failsIn, String reason, String valueId,
                         Set<String> traits, String inheritedValueId, boolean allowedInOverrides,
                         boolean ignoredByProfile, String since, String closestKey) {
    /**
     * Copies the traits.
     *
     * @param profile            profile name
     * @param table              {@code ""}, {@code build-override} or {@code package.SPEC}
     * @param key                the key as written
     * @param toml               the value as written ({@code "thin"}, {@code 3})
     * @param file               file (or {@code env VAR}) it is in
     * @param line               line, 0 for env
     * @param column             column, 0 for env
     * @param status             {@code valid}, {@code invalid}, {@code ignored} or {@code unknown-key}; {@code other} for {@code inherits}, {@code package} and {@code build-override} themselves
     * @param settingKind        {@code enum}, {@code integer} or {@code boolean}; empty for unknown keys
     * @param failsIn            for invalid values: {@code cargo} or {@code rustc}
     * @param reason             for invalid or ignored values: what is wrong
     * @param valueId            the knowledge value id, empty when not valid
     * @param traits             the value's traits
     * @param inheritedValueId   the value the key would have without this entry (parent chain or default), empty if unknown
     * @param allowedInOverrides whether the key may appear in {@code package.*} and {@code build-override}
     * @param ignoredByProfile   whether cargo ignores the key in this profile ({@code panic} in test and bench)
     * @param since              the Rust version this spelling needs, or empty
     * @param closestKey         for unknown keys: the known key it is closest to, or empty
     */
    public AuditEntry {
        traits = Set.copyOf(traits);
    }

    /** @return {@code key = value} as written */
    public String assignment() {
        return key + " = " + toml;
    }

    /** @return whether it is in the profile's own table */
    public boolean inProfileTable() {
        return table.isEmpty();
    }
}
