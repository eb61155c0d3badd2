package dev.profileadvisor.facts;

import java.util.Set;

/**
 * The value a key ends up with in a profile (audit input fact).
 *
 * @param profile  profile name
 * @param root     dev or release
 * @param key      setting key
 * @param valueId  knowledge value id
 * @param toml     the value as written, or the default's literal ({@code unset (…)} when it has none)
 * @param unwritten whether the value is a default with no TOML spelling: cargo passes nothing, the key is left unset
 * @param traits   the value's traits
 * @param explicit whether a table sets it (else cargo's default)
 * @param file     where it is set (empty for defaults)
 * @param line     line
 * @param column   column
 * @param writtenIn the profile whose table sets it (named so, not {@code setIn}: Drools reads {@code set…} as a setter)
 */
public record EffectiveFact(String profile, String root, String key, String valueId, String toml, boolean unwritten,
                            Set<String> traits, boolean explicit, String file, int line, int column, String writtenIn) {
    /**
     * Checks that only a default can be unwritten, and copies the traits.
     *
     * @param profile   profile name
     * @param root      dev or release
     * @param key       setting key
     * @param valueId   knowledge value id
     * @param toml      the value as written, or the default's literal ({@code unset (…)} when it has none)
     * @param unwritten whether the value is a default with no TOML spelling: cargo passes nothing, the key is left unset
     * @param traits    the value's traits
     * @param explicit  whether a table sets it (else cargo's default)
     * @param file      where it is set (empty for defaults)
     * @param line      line
     * @param column    column
     * @param writtenIn the profile whose table sets it (named so, not {@code setIn}: Drools reads {@code set…} as a setter)
     */
    public EffectiveFact {
        if (unwritten && explicit) throw new IllegalArgumentException("`" + key + "` is written, so it has a spelling");
        traits = Set.copyOf(traits);
    }

    /** @return {@code key = value} as written, or as the default would be written */
    public String assignment() {
        return key + " = " + toml;
    }
}
