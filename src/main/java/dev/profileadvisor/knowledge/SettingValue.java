package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Set;

/**
 * One value of a profile setting, e.g. {@code lto = "fat"}.
 *
 * @param setting the setting key
 * @param id      canonical id ({@code "fat"}, {@code "thin-local"}, {@code "default"})
 * @param title   short noun phrase
 * @param toml    the TOML literal this tool writes; empty when the value means "not written"
 * @param flags   what cargo 1.95 passes to rustc for {@link #toml()}
 * @param summary one line, lowercase start
 * @param since   the Rust version that introduced it, or empty
 * @param traits  properties rules match on ({@code aborts-on-panic}, {@code removes-symbols}, …)
 * @param aliases other spellings cargo accepts
 * @param order   position in the setting's value list (ties in a decision go to the lower one)
 */
public record SettingValue(String setting, String id, String title, String toml, List<String> flags,
                           String summary, String since, Set<String> traits, List<Alias> aliases, int order) {
    /**
     * Copies the collections.
     *
     * @param setting the setting key
     * @param id      canonical id ({@code "fat"}, {@code "thin-local"}, {@code "default"})
     * @param title   short noun phrase
     * @param toml    the TOML literal this tool writes; empty when the value means "not written"
     * @param flags   what cargo 1.95 passes to rustc for {@link #toml()}
     * @param summary one line, lowercase start
     * @param since   the Rust version that introduced it, or empty
     * @param traits  properties rules match on ({@code aborts-on-panic}, {@code removes-symbols}, …)
     * @param aliases other spellings cargo accepts
     * @param order   position in the setting's value list (ties in a decision go to the lower one)
     */
    public SettingValue {
        flags = List.copyOf(flags);
        traits = Set.copyOf(traits);
        aliases = List.copyOf(aliases);
    }

    /** @return true when this value is written by leaving the key out */
    public boolean isUnwritten() {
        return toml.isEmpty();
    }

    /** @return {@code key = literal}, or {@code key unset} for an unwritten value */
    public String assignment() {
        return isUnwritten() ? setting + " unset" : setting + " = " + toml;
    }
}
