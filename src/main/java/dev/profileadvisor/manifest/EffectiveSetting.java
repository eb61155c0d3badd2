package dev.profileadvisor.manifest;

import dev.profileadvisor.knowledge.SettingValue;

import java.util.Optional;

/**
 * The value a key ends up with in a profile, and where it came from.
 *
 * @param key     setting key
 * @param entry   the entry that set it, empty for cargo's default
 * @param value   the knowledge value, empty when the written value is invalid
 * @param check   what cargo makes of the written value (VALID for defaults)
 * @param origin  where it came from
 * @param setIn   the profile whose table set it (an ancestor for inherited values), empty for defaults
 */
public record EffectiveSetting(String key, Optional<ProfileEntry> entry, Optional<SettingValue> value, ValueCheck check,
                               Origin origin, String setIn) {

    /** @return whether a table (manifest, config or env) sets it, rather than cargo's default */
    public boolean explicit() {
        return entry.isPresent();
    }

    /** @return the value as the user would write it; {@code unset (…)} for a default cargo passes nothing for */
    public String display() {
        if (entry.isPresent()) return entry.get().toml();
        SettingValue v = value.orElseThrow();
        return v.isUnwritten() ? "unset (" + v.title() + ")" : v.toml();
    }

    /** @return the value id, or empty when invalid */
    public Optional<String> valueId() {
        return value.map(SettingValue::id);
    }
}
