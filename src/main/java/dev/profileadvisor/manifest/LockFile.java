package dev.profileadvisor.manifest;

import dev.profileadvisor.toml.TomlText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a workspace's {@code Cargo.lock} says: every package in the resolved graph, with its version and where it
 * comes from. It does not say how a package depends on another (normal, build or dev dependency): its
 * {@code dependencies} lists merge the three.
 */
public final class LockFile {
    private LockFile() {
    }

    /**
     * One {@code [[package]]} of the lock file.
     *
     * @param name    package name
     * @param version its version
     * @param source  {@code registry} ({@code registry+…} or {@code sparse+…}), {@code git} ({@code git+…}), or
     *                {@code path} when the entry has no {@code source} (a workspace member or a path dependency)
     */
    public record Locked(String name, String version, String source) {
    }

    /**
     * @param workspaceRoot the directory of the workspace root manifest
     * @return the name of every {@code [[package]]} in its {@code Cargo.lock}; empty when there is none or it cannot be
     *         read (an unreadable lock file only makes the audit's package-spec check less precise)
     */
    public static Set<String> packageNames(Path workspaceRoot) {
        Set<String> out = new LinkedHashSet<>();
        for (Locked p : packages(workspaceRoot)) out.add(p.name());
        return out;
    }

    /**
     * @param workspaceRoot the directory of the workspace root manifest
     * @return every {@code [[package]]} of its {@code Cargo.lock}, in order; empty when there is none or it cannot
     *         be read
     */
    public static List<Locked> packages(Path workspaceRoot) {
        Path lock = workspaceRoot.resolve("Cargo.lock");
        if (!Files.isRegularFile(lock)) return new ArrayList<>();
        try {
            return packagesOf(Files.readString(lock));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * @param text a {@code Cargo.lock}'s text
     * @return the name of every {@code [[package]]} in it; empty when it is not a lock file tomlj can read
     */
    public static Set<String> packageNamesOf(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Locked p : packagesOf(text)) out.add(p.name());
        return out;
    }

    /**
     * @param text a {@code Cargo.lock}'s text
     * @return every {@code [[package]]} in it, in order; empty when it is not a lock file tomlj can read
     */
    public static List<Locked> packagesOf(String text) {
        List<Locked> out = new ArrayList<>();
        try {
            var toml = TomlText.parse(text).table();
            var pkgs = toml.getArray("package");
            if (pkgs != null) for (int i = 0; i < pkgs.size(); i++) {
                if (!(pkgs.get(i) instanceof org.tomlj.TomlTable t) || !(t.get("name") instanceof String n)) continue;
                String source = t.get("source") instanceof String s ? s : "";
                String kind = source.isEmpty() ? "path" : source.startsWith("git+") ? "git" : "registry";
                out.add(new Locked(n, t.get("version") instanceof String v ? v : "", kind));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
