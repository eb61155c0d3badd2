package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * A place in a profile where settings can be written (knowledge/scopes.toml): the profile's own table, every
 * dependency ({@code package."*"}), one package by name, or build scripts and proc-macros ({@code build-override}).
 *
 * @param id         {@code profile}, {@code dependencies}, {@code package} or {@code build-override}
 * @param title      what it reaches, as a short noun phrase
 * @param table      the table's key path below {@code [profile.P]}; {@code {name}} stands for a package name
 * @param covers     which units it reaches, in a sentence
 * @param precedence 1 is checked first (first match wins)
 * @param why        why a setting belongs in this scope: the justification a plan's line cites
 * @param refuses    keys cargo refuses in the table
 * @param ignored    keys cargo ignores in the table without a warning
 * @param env        the environment variable form, empty when there is none
 * @param since      the Rust version that introduced the table
 * @param sources    source keys
 */
public record Scope(String id, String title, List<String> table, String covers, int precedence, String why,
                    List<String> refuses, List<String> ignored, String env, String since, List<String> sources) {
    /** The scope of the profile's own table. */
    public static final String PROFILE = "profile";
    /** The scope of {@code package."*"}. */
    public static final String DEPENDENCIES = "dependencies";
    /** The scope of {@code package.NAME}. */
    public static final String PACKAGE = "package";
    /** The scope of {@code build-override}. */
    public static final String BUILD_OVERRIDE = "build-override";

    /**
     * Copies the lists.
     *
     * @param id         {@code profile}, {@code dependencies}, {@code package} or {@code build-override}
     * @param title      what it reaches, as a short noun phrase
     * @param table      the table's key path below {@code [profile.P]}; {@code {name}} stands for a package name
     * @param covers     which units it reaches, in a sentence
     * @param precedence 1 is checked first (first match wins)
     * @param why        why a setting belongs in this scope
     * @param refuses    keys cargo refuses in the table
     * @param ignored    keys cargo ignores in the table without a warning
     * @param env        the environment variable form, empty when there is none
     * @param since      the Rust version that introduced the table
     * @param sources    source keys
     */
    public Scope {
        table = List.copyOf(table);
        refuses = List.copyOf(refuses);
        ignored = List.copyOf(ignored);
        sources = List.copyOf(sources);
    }

    /**
     * @param name the package, for the {@code package} scope
     * @return the table's key path below {@code [profile.P]}
     */
    public List<String> tableFor(String name) {
        return table.stream().map(k -> k.equals("{name}") ? name : k).toList();
    }
}
