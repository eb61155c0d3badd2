package dev.profileadvisor.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A cargo config file's {@code [profile.*]} tables.
 *
 * @param path         absolute path
 * @param display      its name in messages
 * @param entries      its profile keys
 * @param declarations profile name → where its table is declared
 */
public record ConfigFile(Path path, String display, List<ProfileEntry> entries, Map<String, Origin> declarations) {
    /**
     * Copies the collections.
     *
     * @param path         absolute path
     * @param display      its name in messages
     * @param entries      its profile keys
     * @param declarations profile name → where its table is declared
     */
    public ConfigFile {
        entries = List.copyOf(entries);
        declarations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declarations));
    }
}
