package dev.profileadvisor.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/** What a workspace's {@code Cargo.lock} says: the names of every package in the resolved graph. */
public final class LockFile {
    private LockFile() {
    }

    /**
     * @param workspaceRoot the directory of the workspace root manifest
     * @return the name of every {@code [[package]]} in its {@code Cargo.lock}; empty when there is none or it cannot be
     *         read (an unreadable lock file only makes the audit's package-spec check less precise)
     */
    public static Set<String> packageNames(Path workspaceRoot) {
        Path lock = workspaceRoot.resolve("Cargo.lock");
        if (!Files.isRegularFile(lock)) return new LinkedHashSet<>();
        try {
            return packageNamesOf(Files.readString(lock));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /**
     * @param text a {@code Cargo.lock}'s text
     * @return the name of every {@code [[package]]} in it; empty when it is not a lock file tomlj can read
     */
    public static Set<String> packageNamesOf(String text) {
        Set<String> out = new LinkedHashSet<>();
        try {
            var toml = org.tomlj.Toml.parse(text);
            var pkgs = toml.getArray("package");
            if (pkgs != null) for (int i = 0; i < pkgs.size(); i++) {
                if (pkgs.get(i) instanceof org.tomlj.TomlTable t && t.get("name") instanceof String n) out.add(n);
            }
        } catch (RuntimeException e) {
            return Set.of();
        }
        return out;
    }
}
