package dev.profileadvisor.facts;

import java.util.List;

/**
 * A package the workspace's own crates need both at build time and at run time (audit input fact): a member lists it
 * in {@code [build-dependencies]} (or a proc-macro member in {@code [dependencies]}) and a member in
 * {@code [dependencies]}. Without {@code --target} cargo builds it once when both builds get the same settings, and
 * twice when they differ. Only direct dependencies of members are known: {@code Cargo.lock} does not say which
 * dependencies are build dependencies.
 *
 * @param name      package name
 * @param hostFor   the workspace packages that need it at build time (build script, proc-macro)
 * @param targetFor the workspace packages that depend on it normally
 */
public record SharedDependency(String name, List<String> hostFor, List<String> targetFor) {
    /**
     * Copies the lists.
     *
     * @param name      package name
     * @param hostFor   the workspace packages that need it at build time (build script, proc-macro)
     * @param targetFor the workspace packages that depend on it normally
     */
    public SharedDependency {
        hostFor = List.copyOf(hostFor);
        targetFor = List.copyOf(targetFor);
    }
}
