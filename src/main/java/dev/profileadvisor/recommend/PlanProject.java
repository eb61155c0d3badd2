package dev.profileadvisor.recommend;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a project says that a plan uses ({@code recommend --manifest-path}): which packages are its own and which are
 * dependencies, whether it has host code, whether it catches panics, the oldest Rust it must build with, and what its
 * files already make of each profile.
 *
 * @param manifest      the workspace root manifest, as messages name it
 * @param members       the workspace's own packages
 * @param packages      every package name the project's manifests and {@code Cargo.lock} mention, members included
 * @param lockRead      whether a {@code Cargo.lock} was read (then {@code packages} includes indirect dependencies)
 * @param hostCode      where a build script or proc-macro was found ({@code crates/x/build.rs}), empty when none
 * @param catchUnwind   where the sources call {@code catch_unwind} ({@code src/lib.rs:12}), empty when nowhere
 * @param rustVersion   the lowest {@code rust-version} among the members, empty when none says
 * @param profiles      profile name → what the project's files and environment make of it
 */
public record PlanProject(String manifest, List<String> members, Set<String> packages, boolean lockRead,
                          Optional<String> hostCode, Optional<String> catchUnwind, Optional<String> rustVersion,
                          Map<String, ProjectProfile> profiles) {
    /**
     * Copies the collections, keeping their order.
     *
     * @param manifest      the workspace root manifest
     * @param members       the workspace's own packages
     * @param packages      every package name the project mentions
     * @param lockRead      whether a {@code Cargo.lock} was read
     * @param hostCode      where a build script or proc-macro was found
     * @param catchUnwind   where the sources call {@code catch_unwind}
     * @param rustVersion   the lowest {@code rust-version} among the members
     * @param profiles      profile name → what the project's files make of it
     */
    public PlanProject {
        members = List.copyOf(members);
        packages = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(packages));
        profiles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(profiles));
    }

    /**
     * @return the same project with no value in force in any profile (names and parents kept): for a caller that
     *         compares the plan with the file itself, as {@code apply} does, so that the plan is against cargo's defaults
     */
    public PlanProject withoutValuesInForce() {
        Map<String, ProjectProfile> bare = new java.util.LinkedHashMap<>();
        profiles.forEach((n, p) -> bare.put(n, new ProjectProfile(p.name(), p.inherits(), p.root(), Map.of(), Map.of(), p.overrides())));
        return new PlanProject(manifest, members, packages, lockRead, hostCode, catchUnwind, rustVersion, bare);
    }

    /**
     * A profile as the project defines or changes it.
     *
     * @param name     profile name
     * @param inherits its parent, for a custom profile
     * @param root     the built-in profile its chain ends in
     * @param values   key → value id in force where a file or the environment sets it (inherited ones included)
     * @param setAt    key → where that value is written ({@code Cargo.toml:12:1})
     * @param overrides table ({@code package."*"}, {@code build-override}) → key → value id its files write,
     *                 ancestors' included
     */
    public record ProjectProfile(String name, Optional<String> inherits, String root, Map<String, String> values,
                                 Map<String, String> setAt, Map<String, Map<String, String>> overrides) {
        /**
         * Copies the maps.
         *
         * @param name      profile name
         * @param inherits  its parent
         * @param root      the built-in profile its chain ends in
         * @param values    key → value id in force where a file sets it
         * @param setAt     key → where that value is written
         * @param overrides table → key → value id
         */
        public ProjectProfile {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            setAt = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(setAt));
            overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        }
    }
}
