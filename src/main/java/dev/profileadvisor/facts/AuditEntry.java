package dev.profileadvisor.facts;

import dev.profileadvisor.knowledge.SettingKind;
import dev.profileadvisor.manifest.Origin;

import java.util.Objects;
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
 * @param origin             the layer it is in: manifest, config file or environment
 * @param line               line, 0 for env
 * @param column             column, 0 for env
 * @param status             what cargo makes of it ({@link ValueStatus#OTHER} for {@code inherits}, {@code package}
 *                           and {@code build-override} themselves)
 * @param settingKind        the kind of the setting it writes; null for unknown and unstable keys and {@code OTHER}
 *                           entries, which write no setting
 * @param failsIn            for invalid values: {@code cargo} or {@code rustc}
 * @param reason             for invalid or ignored values: what is wrong
 * @param valueId            the knowledge value id, empty when not valid
 * @param traits             the value's traits
 * @param inheritedValueId   the value the key would have without this entry (parent chain or default), empty if unknown;
 *                           for an override table, the value every unit the table reaches would have without it, empty
 *                           when those units would not all have the same one (release's dependencies and its build
 *                           scripts differ in {@code opt-level}) or it is not known
 * @param allowedInOverrides whether the key may appear in {@code package.*} and {@code build-override}
 * @param ignoredByProfile   whether cargo ignores the key in this profile ({@code panic} in test and bench)
 * @param since              the Rust version this spelling needs, or empty
 * @param closestKey         for unknown keys: the known key it is closest to, or empty
 * @param header             the table it is in as its TOML header reads, without brackets: {@code profile.dev},
 *                           {@code profile.release.build-override}, {@code profile.dev.package."*"}
 * @param inheritedFrom      for an override table: the header of the table {@code inheritedValueId} comes from (a
 *                           parent's same table, the profile's own table, the profile's {@code package."*"}), empty
 *                           when it is cargo's default; empty for the profile's own table
 * @param inheritedIn        the profile whose table {@code inheritedFrom} is (an ancestor for a value the profile
 *                           inherits), empty when {@code inheritedFrom} is
 */
public record AuditEntry(String profile, String table, String key, String toml, String file, Origin.Kind origin,
                         int line, int column, ValueStatus status, SettingKind settingKind, String failsIn, String reason, String valueId,
                         Set<String> traits, String inheritedValueId, boolean allowedInOverrides,
                         boolean ignoredByProfile, String since, String closestKey, String header,
                         String inheritedFrom, String inheritedIn) {
    /**
     * Checks that the status, the setting kind and the origin agree, and copies the traits.
     *
     * @param profile            profile name
     * @param table              {@code ""}, {@code build-override} or {@code package.SPEC}
     * @param key                the key as written
     * @param toml               the value as written ({@code "thin"}, {@code 3})
     * @param file               file (or {@code env VAR}) it is in
     * @param origin             the layer it is in: manifest, config file or environment
     * @param line               line, 0 for env
     * @param column             column, 0 for env
     * @param status             what cargo makes of it ({@link ValueStatus#OTHER} for {@code inherits}, {@code package} and {@code build-override} themselves)
     * @param settingKind        the kind of the setting it writes; null for unknown and unstable keys and {@code OTHER} entries, which write no setting
     * @param failsIn            for invalid values: {@code cargo} or {@code rustc}
     * @param reason             for invalid or ignored values: what is wrong
     * @param valueId            the knowledge value id, empty when not valid
     * @param traits             the value's traits
     * @param inheritedValueId   the value the key would have without this entry (parent chain or default), empty if unknown; for an override table, the value every unit it reaches would have without it
     * @param allowedInOverrides whether the key may appear in {@code package.*} and {@code build-override}
     * @param ignoredByProfile   whether cargo ignores the key in this profile ({@code panic} in test and bench)
     * @param since              the Rust version this spelling needs, or empty
     * @param closestKey         for unknown keys: the known key it is closest to, or empty
     * @param header             the table it is in as its TOML header reads, without brackets
     * @param inheritedFrom      for an override table: the header of the table {@code inheritedValueId} comes from, empty for cargo's default
     * @param inheritedIn        the profile whose table {@code inheritedFrom} is, empty when {@code inheritedFrom} is
     */
    public AuditEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(origin, "origin");
        if (origin == Origin.Kind.DEFAULT) throw new IllegalArgumentException("an entry is written somewhere, not a default");
        boolean setting = status != ValueStatus.UNKNOWN_KEY && status != ValueStatus.UNSTABLE_KEY && status != ValueStatus.OTHER;
        if (setting != (settingKind != null)) {
            throw new IllegalArgumentException("`" + key + "` is " + status + " but has setting kind " + settingKind);
        }
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
