package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * Another spelling cargo accepts for a value, e.g. {@code lto = true} for {@code "fat"}.
 *
 * @param toml       the TOML literal
 * @param flags      the rustc flags cargo passes for this spelling
 * @param since      the Rust version that introduced it, or empty
 * @param documented false for spellings that work but the Cargo Book does not list
 */
public record Alias(String toml, List<String> flags, String since, boolean documented) {
    /**
     * Copies the flags.
     *
     * @param toml       the TOML literal
     * @param flags      the rustc flags cargo passes for this spelling
     * @param since      the Rust version that introduced it, or empty
     * @param documented false for spellings that work but the Cargo Book does not list
     */
    public Alias {
        flags = List.copyOf(flags);
    }
}
