package dev.profileadvisor.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the workspace's manifests and its {@code Cargo.lock} say about the packages its profiles reach: where a
 * package comes from, which dependencies lie outside the workspace, and which packages the workspace's own crates
 * need both at build time (build scripts, proc-macros) and at run time.
 *
 * <p>Only direct dependencies of workspace members are known by kind: {@code Cargo.lock} lists each package's
 * dependencies without saying which are build dependencies, so a package reached through a dependency's build script
 * or a registry proc-macro is not seen as built for the host.
 */
public final class DependencyGraph {
    private final Project project;
    private final java.util.function.Supplier<List<LockFile.Locked>> lock;
    private final List<Dependency> declared;
    /** each manifest's dependencies, {@code workspace = true} resolved, by package name ({@code ""} for the virtual root) */
    private final Map<Manifest, List<Dependency>> byManifest = new java.util.IdentityHashMap<>();

    private DependencyGraph(Project project, java.util.function.Supplier<List<LockFile.Locked>> lock) {
        this.project = project;
        this.lock = lock;
        Map<String, Dependency> inherited = new LinkedHashMap<>();
        for (Dependency d : project.root().declaredDependencies()) {
            if (d.kind() == Dependency.Kind.WORKSPACE) inherited.putIfAbsent(d.key(), d);
        }
        List<Dependency> out = new ArrayList<>();
        for (Manifest m : project.manifests()) {
            List<Dependency> own = new ArrayList<>();
            for (Dependency d : m.declaredDependencies()) {
                if (d.kind() == Dependency.Kind.WORKSPACE) continue;
                Dependency w = d.source().equals("workspace") ? inherited.get(d.key()) : null;
                own.add(w == null ? d : new Dependency(d.key(), w.name(), d.kind(), w.source(), w.version(), d.optional()));
            }
            byManifest.put(m, own);
            out.addAll(own);
        }
        this.declared = List.copyOf(out);
    }

    /**
     * @param project the workspace
     * @param lock    its {@code Cargo.lock} packages ({@link LockFile#packages}), empty when there is none; asked
     *                only when an answer needs them (the caller may read the file then, and once)
     * @return the graph
     */
    public static DependencyGraph of(Project project, java.util.function.Supplier<List<LockFile.Locked>> lock) {
        return new DependencyGraph(project, lock);
    }

    /** @return the packages of {@code Cargo.lock}, empty when there is none */
    public List<LockFile.Locked> lockPackages() {
        return lock.get();
    }

    /**
     * Where cargo takes a package from, which decides for instance whether it may be built incrementally.
     *
     * @param name a package name
     * @return {@code path} (a workspace member or a path dependency), {@code registry} or {@code git}; empty when it is
     *         not known, or differs between the versions in the graph, or a {@code [patch]} or {@code [replace]}
     *         table redirects it
     */
    public String source(String name) {
        if (project.packageNames().contains(name)) return "path";
        if (project.manifests().stream().anyMatch(m -> m.patched().contains(name))) return "";
        Set<String> kinds = new LinkedHashSet<>();
        for (LockFile.Locked l : lock.get()) if (l.name().equals(name)) kinds.add(l.source());
        if (kinds.isEmpty()) {
            for (Dependency d : declared) if (d.name().equals(name)) kinds.add(d.source());
        }
        return kinds.size() == 1 && !kinds.contains("workspace") ? kinds.iterator().next() : "";
    }

    /** @return the dependencies any manifest of the workspace names that are not workspace packages, in order */
    public List<String> outsideDependencies() {
        Set<String> out = new LinkedHashSet<>(project.dependencyNames());
        out.removeAll(project.packageNames());
        return List.copyOf(out);
    }

    /**
     * A package the workspace's crates need both for the host and for the target.
     *
     * @param name     package name
     * @param hostFor  the workspace packages that need it at build time: as a build dependency, or as a dependency
     *                 of a proc-macro
     * @param targetFor the workspace packages that depend on it normally
     */
    public record Shared(String name, List<String> hostFor, List<String> targetFor) {
    }

    /**
     * The packages a workspace member declares as a build dependency (or a proc-macro member as a dependency) and a
     * member as a normal dependency, neither optional. Left out when {@code Cargo.lock} has more than one version of
     * the name, or, with no lock file, when the two declarations ask for different versions: the two sides may then
     * be different packages.
     *
     * @return the shared packages, in the order first declared
     */
    public List<Shared> hostAndTarget() {
        Map<String, Set<String>> host = new LinkedHashMap<>();
        Map<String, Set<String>> target = new LinkedHashMap<>();
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        for (Manifest m : project.manifests()) {
            if (m.packageName().isEmpty()) continue;
            for (Dependency r : byManifest.get(m)) {
                if (r.optional()) continue;
                boolean forHost = r.kind() == Dependency.Kind.BUILD || r.kind() == Dependency.Kind.NORMAL && m.procMacro();
                boolean forTarget = r.kind() == Dependency.Kind.NORMAL && !m.procMacro();
                if (forHost) host.computeIfAbsent(r.name(), k -> new LinkedHashSet<>()).add(m.packageName());
                if (forTarget) target.computeIfAbsent(r.name(), k -> new LinkedHashSet<>()).add(m.packageName());
                if (forHost || forTarget) versions.computeIfAbsent(r.name(), k -> new LinkedHashSet<>()).add(r.version());
            }
        }
        List<Shared> out = new ArrayList<>();
        for (var h : host.entrySet()) {
            String name = h.getKey();
            if (!target.containsKey(name)) continue;
            long locked = lock.get().stream().filter(l -> l.name().equals(name)).map(LockFile.Locked::version).distinct().count();
            if (locked > 1 || locked == 0 && versions.get(name).size() > 1) continue;
            out.add(new Shared(name, List.copyOf(h.getValue()), List.copyOf(target.get(name))));
        }
        return out;
    }
}
