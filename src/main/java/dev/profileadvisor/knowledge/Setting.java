package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code [profile.*]} key such as {@code lto}.
 *
 * @param key                the key as written in Cargo.toml
 * @param title              short noun phrase
 * @param summary            one line
 * @param description        a paragraph or two
 * @param kind               the shape of its values: enum, integer or boolean
 * @param since              the Rust version that introduced the key
 * @param flagsWhen          when cargo passes a value's flags
 * @param allowedInOverrides whether {@code package.*} and {@code build-override} tables may set it
 * @param sources            source keys
 * @param defaults           value id per profile that defines one ({@code dev}, {@code release}, {@code build-override})
 * @param values             the values, in knowledge order
 * @param implicit           what cargo applies when the key is not written, if anything special
 * @param rustcDefaultNote   how rustc picks its own default (for {@code differs-from-rustc-default}), or empty
 * @param versions           notable changes by Rust version
 */
public record Setting(String key, String title, String summary, String description, SettingKind kind, String since,
                      FlagsWhen flagsWhen, boolean allowedInOverrides, List<String> sources,
                      Map<String, String> defaults, List<SettingValue> values, Optional<Implicit> implicit,
                      String rustcDefaultNote, List<VersionNote> versions) {

    /** When cargo passes a value's rustc flags. */
    public enum FlagsWhen {
        /** whenever the value is in effect */
        ALWAYS,
        /** only when the value differs from what rustc would pick by itself */
        DIFFERS_FROM_RUSTC_DEFAULT,
        /** only when debug info is on */
        DEBUGINFO_ON
    }

    /**
     * What cargo applies when the key is not written (release's implicit {@code strip = "debuginfo"}).
     *
     * @param value   value id applied
     * @param when    condition name ({@code debuginfo-off})
     * @param since   Rust version
     * @param note    explanation
     * @param sources source keys
     */
    public record Implicit(String value, String when, String since, String note, List<String> sources) {
        /**
         * Copies the sources.
         *
         * @param value   value id applied
         * @param when    condition name ({@code debuginfo-off})
         * @param since   Rust version
         * @param note    explanation
         * @param sources source keys
         */
        public Implicit {
            sources = List.copyOf(sources);
        }
    }

    /**
     * Checks that the kind is given and copies the collections.
     *
     * @param key                the key as written in Cargo.toml
     * @param title              short noun phrase
     * @param summary            one line
     * @param description        a paragraph or two
     * @param kind               the shape of its values: enum, integer or boolean
     * @param since              the Rust version that introduced the key
     * @param flagsWhen          when cargo passes a value's flags
     * @param allowedInOverrides whether {@code package.*} and {@code build-override} tables may set it
     * @param sources            source keys
     * @param defaults           value id per profile that defines one ({@code dev}, {@code release}, {@code build-override})
     * @param values             the values, in knowledge order
     * @param implicit           what cargo applies when the key is not written, if anything special
     * @param rustcDefaultNote   how rustc picks its own default (for {@code differs-from-rustc-default}), or empty
     * @param versions           notable changes by Rust version
     */
    public Setting {
        java.util.Objects.requireNonNull(kind, "kind");
        sources = List.copyOf(sources);
        defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
        values = List.copyOf(values);
        versions = List.copyOf(versions);
    }

    /**
     * @param id a value id
     * @return the value with that id
     */
    public Optional<SettingValue> value(String id) {
        return values.stream().filter(v -> v.id().equals(id)).findFirst();
    }
}
