package dev.profileadvisor.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code Cargo.toml}, as far as profiles care.
 *
 * @param path          absolute path
 * @param display       how to name it in messages (relative to where the user ran the tool)
 * @param packageName   {@code package.name}, empty for a virtual manifest
 * @param rustVersion   {@code package.rust-version}; {@link ManifestReader#INHERIT_FROM_WORKSPACE} for
 *                      {@code rust-version.workspace = true} (see {@link Project#workspaceRustVersion()}); empty when unset
 * @param workspaceRustVersion {@code workspace.package.rust-version}, empty when unset
 * @param workspace     whether it has a {@code [workspace]} table
 * @param workspacePath {@code package.workspace}, empty when unset
 * @param members       {@code workspace.members} globs
 * @param exclude       {@code workspace.exclude} paths
 * @param hasLib        it builds a library target
 * @param hasBin        it builds a binary, cdylib or staticlib (a target where LTO happens)
 * @param procMacro     its library is a proc-macro
 * @param dependencies  names of every dependency, in any dependency table, {@code [workspace.dependencies]}
 *                      included (by package name: {@code package = "..."} renames are followed)
 * @param pathDependencies relative paths of path dependencies
 * @param entries       every key written in its {@code [profile.*]} tables
 * @param declarations  profile name → where its table is declared
 * @param membersAt     where {@code workspace.members} is written ({@link Origin#DEFAULT} when it is not)
 * @param declaredDependencies every dependency of every dependency table, {@code [workspace.dependencies]} included,
 *                      with its kind and source
 * @param patched       the package names its {@code [patch.*]} and {@code [replace]} tables redirect
 * @param configTables  keys of {@code [build]} and {@code [target.*]} tables that belong in a config file (cargo
 *                      ignores them here: {@code unused manifest key}); {@code [target.*]} dependency tables are not among them
 * @param distMetadata  where {@code [workspace.metadata.dist]} or {@code [package.metadata.dist]} (cargo-dist) is
 *                      written, {@link Origin#DEFAULT} when neither is
 * @param advisorMetadata the advisor's own {@code [workspace.metadata.profile-advisor]} and
 *                      {@code [package.metadata.profile-advisor]} tables (the finding ids they allow)
 */
public record Manifest(Path path, String display, String packageName, String rustVersion, String workspaceRustVersion, boolean workspace,
                       String workspacePath, List<String> members, List<String> exclude, boolean hasLib, boolean hasBin, boolean procMacro,
                       Set<String> dependencies, List<String> pathDependencies, List<ProfileEntry> entries,
                       Map<String, Origin> declarations, Origin membersAt, List<Dependency> declaredDependencies,
                       Set<String> patched, List<ConfigEntry> configTables, Origin distMetadata,
                       AdvisorMetadata advisorMetadata) {
    /**
     * Copies the collections.
     *
     * @param path                 absolute path
     * @param display              how to name it in messages (relative to where the user ran the tool)
     * @param packageName          {@code package.name}, empty for a virtual manifest
     * @param rustVersion          {@code package.rust-version}; {@link ManifestReader#INHERIT_FROM_WORKSPACE} for {@code rust-version.workspace = true} (see {@link Project#workspaceRustVersion()}); empty when unset
     * @param workspaceRustVersion {@code workspace.package.rust-version}, empty when unset
     * @param workspace            whether it has a {@code [workspace]} table
     * @param workspacePath        {@code package.workspace}, empty when unset
     * @param members              {@code workspace.members} globs
     * @param exclude              {@code workspace.exclude} paths
     * @param hasLib               it builds a library target
     * @param hasBin               it builds a binary, cdylib or staticlib (a target where LTO happens)
     * @param procMacro            its library is a proc-macro
     * @param dependencies         names of every dependency, in any dependency table
     * @param pathDependencies     relative paths of path dependencies
     * @param entries              every key written in its {@code [profile.*]} tables
     * @param declarations         profile name → where its table is declared
     * @param membersAt            where {@code workspace.members} is written ({@link Origin#DEFAULT} when it is not)
     * @param declaredDependencies every dependency of every dependency table, with its kind and source
     * @param patched              the package names its {@code [patch.*]} and {@code [replace]} tables redirect
     * @param configTables         keys of {@code [build]} and {@code [target.*]} tables that belong in a config file
     * @param distMetadata         where cargo-dist's metadata table is written, {@link Origin#DEFAULT} when it is not
     * @param advisorMetadata      the advisor's own metadata tables
     */
    public Manifest {
        members = List.copyOf(members);
        exclude = List.copyOf(exclude);
        dependencies = Set.copyOf(dependencies);
        pathDependencies = List.copyOf(pathDependencies);
        entries = List.copyOf(entries);
        declarations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(declarations));
        java.util.Objects.requireNonNull(membersAt, "membersAt");
        declaredDependencies = List.copyOf(declaredDependencies);
        patched = Set.copyOf(patched);
        configTables = List.copyOf(configTables);
        java.util.Objects.requireNonNull(distMetadata, "distMetadata");
        java.util.Objects.requireNonNull(advisorMetadata, "advisorMetadata");
    }

    /** @return the directory holding the manifest */
    public Path dir() {
        return path.getParent();
    }

    /** @return whether it declares any {@code [profile.*]} table */
    public boolean hasProfiles() {
        return !declarations.isEmpty();
    }

    /**
     * @param name profile name
     * @return where {@code [profile.NAME]} is declared
     */
    public Optional<Origin> declaration(String name) {
        return Optional.ofNullable(declarations.get(name));
    }
}
