package dev.profileadvisor.audit;

import dev.profileadvisor.manifest.EffectiveProfile;
import dev.profileadvisor.manifest.EffectiveSetting;

/**
 * The effective value of one key of a profile.
 *
 * @param key      setting key
 * @param value    the value as the audit's table shows it: as written ({@code "thin"}, {@code 3}) or cargo's default,
 *                 {@code unset (…)} when cargo passes nothing
 * @param toml     the value as TOML text ({@code "thin"} with its quotes, {@code 3}); empty when the key is unset
 * @param typed    the value itself (a {@code String}, {@code Long}, {@code Double}, {@code Boolean}, or a tomlj array or
 *                 table for a malformed value); null when the key is unset
 * @param valueId  the knowledge value id, empty when the value is invalid
 * @param origin   {@code file:line:col}, {@code env VAR}, {@code default}, or {@code implicit} for a value cargo applies
 *                 when no table sets the key ({@code strip = "debuginfo"} when no unit has debug info)
 * @param setIn    the profile whose table set it (an ancestor for inherited values), empty for defaults
 * @param why      why cargo applies an implicit value, or what keeps it from applying one here; empty otherwise
 */
public record SettingReport(String key, String value, String toml, Object typed, String valueId, String origin, String setIn,
                            String why) {
    /**
     * @param s        the effective setting
     * @param profile  its profile, for the key's implicit value
     * @return the report of the value in force: the implicit value where cargo applies one
     */
    static SettingReport of(EffectiveSetting s, EffectiveProfile profile) {
        EffectiveProfile.Implicit i = profile.implicits().get(s.key());
        if (i != null && i.applied()) {
            return new SettingReport(s.key(), i.value().toml(), i.value().toml(), dev.profileadvisor.manifest.Literals.parseKnown(i.value().toml()),
                    i.value().id(), "implicit", "", i.why());
        }
        String toml = s.entry().map(e -> e.toml()).orElse(s.value().map(v -> v.toml()).orElse(""));
        Object typed = s.entry().map(e -> e.value()).orElse(dev.profileadvisor.manifest.Literals.parseKnown(toml));
        return new SettingReport(s.key(), s.display(), toml, typed, s.valueId().orElse(""), s.origin().toString(), s.setIn(),
                i == null ? "" : i.why());
    }
}
