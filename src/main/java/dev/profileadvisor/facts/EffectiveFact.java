package dev.profileadvisor.facts;

import java.util.Set;

/**
 * The value a key ends up with in a profile (audit input fact).
 *
 * @param profile  profile name
 * @param root     dev or release
 * @param key      setting key
 * @param valueId  knowledge value id
 * @param toml     the value as written, or the default's literal
 * @param traits   the value's traits
 * @param explicit whether a table sets it (else cargo's default)
 * @param file     where it is set (empty for defaults)
 * @param line     line
 * @param column   column
 * @param writtenIn the profile whose table sets it (named so, not {@code setIn}: Drools reads {@code set…} as a setter)
 */
public record EffectiveFact(String profile, String root, String key, String valueId, String toml, Set<String> traits,
                            boolean explicit, String file, int line, int column, String writtenIn) {
    /**
     * Copies the traits.
     *
     * @param profile   profile name
     * @param root      dev or release
     * @param key       setting key
     * @param valueId   knowledge value id
     * @param toml      the value as written, or the default's literal
     * @param traits    the value's traits
     * @param explicit  whether a table sets it (else cargo's default)
     * @param file      where it is set (empty for defaults)
     * @param line      line
     * @param column    column
     * @param writtenIn the profile whose table sets it (named so, not {@code setIn}: Drools reads {@code set…} as a setter)
     */
    public EffectiveFact {
        traits = Set.copyOf(traits);
    }
}
