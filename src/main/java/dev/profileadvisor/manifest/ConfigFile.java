package dev.profileadvisor.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A cargo config file's {@code [profile.*]}, {@code [build]} and {@code [target.*]} tables.
 *
 * @param path         absolute path
 * @param display      its name in messages
 * @param entries      its profile keys
 * @param declarations profile name → where its table is declared
 * @param settings     the keys of its {@code [build]} and {@code [target.*]} tables, in file order
 */
public record ConfigFile(Path path, String display, List<ProfileEntry> entries, Map<String, Origin> declarations,
                         List<ConfigEntry> settings) {
    /**
     * Copies the collections.
     *
     * @param path         absolute path
     * @param display      its name in messages
     * @param entries      its profile keys
     * @param declarations profile name → where its table is declared
     * @param settings     the keys of its {@code [build]} and {@code [target.*]} tables, in file order
     */
    public ConfigFile {
        entries = List.copyOf(entries);
        settings = List.copyOf(settings);
        declarations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declarations));
    }

    /**
     * A config file with profile tables only.
     *
     * @param path         absolute path
     * @param display      its name in messages
     * @param entries      its profile keys
     * @param declarations profile name → where its table is declared
     */
    public ConfigFile(Path path, String display, List<ProfileEntry> entries, Map<String, Origin> declarations) {
        this(path, display, entries, declarations, List.of());
    }

    /**
     * @param table {@code build} or {@code target}
     * @param key   the key ({@code rustflags})
     * @return the entries of that key, in file order (for {@code target}: one per target table that sets it)
     */
    public List<ConfigEntry> settings(String table, String key) {
        return settings.stream().filter(e -> e.table().equals(table) && e.key().equals(key)).toList();
    }
}
