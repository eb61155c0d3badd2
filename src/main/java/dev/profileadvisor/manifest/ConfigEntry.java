package dev.profileadvisor.manifest;

import java.util.List;

/**
 * One key of a {@code [build]} or {@code [target.*]} table: in a config file, where cargo reads it, or in a
 * {@code Cargo.toml}, where cargo ignores it ({@code unused manifest key}).
 *
 * @param table    {@code build} or {@code target}
 * @param target   for {@code target}: the table's key, a triple ({@code x86_64-unknown-linux-gnu}) or a
 *                 {@code cfg(…)} expression; empty for {@code build}
 * @param key      the key as written ({@code rustflags}, {@code linker}); empty for a whole {@code [build]} table
 *                 written in a manifest
 * @param value    the TOML value (String, Long, Boolean, a {@code TomlArray} or {@code TomlTable})
 * @param origin   where the key is written
 * @param elements for an array, its string elements with their positions, in order; empty otherwise
 */
public record ConfigEntry(String table, String target, String key, Object value, Origin origin, List<Element> elements) {
    /**
     * One string of an array value.
     *
     * @param value  the string
     * @param origin where it is written
     */
    public record Element(String value, Origin origin) {
    }

    /**
     * Copies the elements.
     *
     * @param table    {@code build} or {@code target}
     * @param target   the target table's key, empty for {@code build}
     * @param key      the key as written
     * @param value    the TOML value
     * @param origin   where the key is written
     * @param elements for an array, its string elements with their positions
     */
    public ConfigEntry {
        elements = List.copyOf(elements);
    }

    /** @return the dotted key as cargo names it ({@code build.rustflags}, {@code target.cfg(unix).linker}) */
    public String dotted() {
        String head = table.equals("target") ? "target." + target : table;
        return key.isEmpty() ? head : head + "." + key;
    }

    /** @return whether the target table's key is a {@code cfg(…)} expression */
    public boolean cfgTable() {
        return target.startsWith("cfg(");
    }

    /** @return whether the value is a table (in {@code [target.<triple>]}: a {@code links} override) */
    public boolean isTable() {
        return value instanceof org.tomlj.TomlTable;
    }

    /** @return whether the value is an array */
    public boolean isArray() {
        return value instanceof org.tomlj.TomlArray;
    }
}
