package dev.profileadvisor.manifest;

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
        List<Locked> out = new ArrayList<>();
        if (!Files.isRegularFile(lock)) return out;
        try {
            var toml = org.tomlj.Toml.parse(Files.readString(lock));
            var pkgs = toml.getArray("package");
            if (pkgs != null) for (int i = 0; i < pkgs.size(); i++) {
                if (!(pkgs.get(i) instanceof org.tomlj.TomlTable t) || !(t.get("name") instanceof String n)) continue;
                String source = t.get("source") instanceof String s ? s : "";
                String kind = source.isEmpty() ? "path" : source.startsWith("git+") ? "git" : "registry";
                out.add(new Locked(n, t.get("version") instanceof String v ? v : "", kind));
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }
}
