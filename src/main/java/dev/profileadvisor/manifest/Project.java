package dev.profileadvisor.manifest;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.SettingKind;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A workspace as cargo 1.95 sees it when run from one directory (the workspace root unless told otherwise): the root
 * manifest (whose profiles are the only ones cargo uses), the member manifests, the config files from that
 * directory up to {@code /} and then {@code $CARGO_HOME} (cargo looks for them from where it runs, not from the
 * manifest: verified with cargo 1.95), and the {@code CARGO_PROFILE_*} environment.
 *
 * @param root    the workspace root manifest
 * @param members the other member manifests (not the root)
 * @param configs config files, lowest precedence first ({@code $CARGO_HOME/config.toml} first, the deepest last)
 * @param env     profile entries from the environment
 * @param buildEnv the other variables cargo reads for a build ({@code RUSTFLAGS}, {@code CARGO_ENCODED_RUSTFLAGS},
 *                 {@code CARGO_BUILD_*}, {@code CARGO_TARGET_*}, {@code CARGO_INCREMENTAL}) and {@code PATH}
 */
public record Project(Manifest root, List<Manifest> members, List<ConfigFile> configs, List<ProfileEntry> env,
                      Map<String, String> buildEnv) {
    /**
     * Copies the lists.
     *
     * @param root     the workspace root manifest
     * @param members  the other member manifests (not the root)
     * @param configs  config files, lowest precedence first ({@code $CARGO_HOME/config.toml} first, the deepest last)
     * @param env      profile entries from the environment
     * @param buildEnv the other variables cargo reads for a build, and {@code PATH}
     */
    public Project {
        members = List.copyOf(members);
        configs = List.copyOf(configs);
        env = List.copyOf(env);
        buildEnv = Map.copyOf(buildEnv);
    }

    /**
     * A project without build variables.
     *
     * @param root    the workspace root manifest
     * @param members the other member manifests (not the root)
     * @param configs config files, lowest precedence first
     * @param env     profile entries from the environment
     */
    public Project(Manifest root, List<Manifest> members, List<ConfigFile> configs, List<ProfileEntry> env) {
        this(root, members, configs, env, Map.of());
    }

    /**
     * @param env an environment
     * @return the variables of it that decide target settings: {@code RUSTFLAGS}, {@code CARGO_ENCODED_RUSTFLAGS},
     *         {@code CARGO_BUILD_*}, {@code CARGO_TARGET_*}, {@code CARGO_INCREMENTAL}, and {@code PATH}
     */
    public static Map<String, String> buildVariables(Map<String, String> env) {
        Map<String, String> out = new java.util.TreeMap<>();
        env.forEach((k, v) -> {
            if (k.equals("RUSTFLAGS") || k.equals("CARGO_ENCODED_RUSTFLAGS") || k.equals("CARGO_INCREMENTAL") || k.equals("PATH")
                    || k.startsWith("CARGO_BUILD_") || k.startsWith("CARGO_TARGET_")) out.put(k, v);
        });
        return out;
    }

    /**
     * Finds and reads the workspace of a manifest: its own {@code [workspace]}, the one {@code package.workspace}
     * names, or the nearest ancestor whose {@code [workspace]} lists it as a member.
     *
     * @param manifest  absolute path of a {@code Cargo.toml}
     * @param base      directory messages name files relative to
     * @param env       the environment ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
     * @param knowledge knowledge, to split environment variable names into profile and key
     * @return the project
     * @throws AdvisorException when a manifest or config file cannot be read or parsed
     */
    public static Project load(Path manifest, Path base, Map<String, String> env, Knowledge knowledge) {
        return new Loader(base, env, knowledge).load(manifest);
    }

    /**
     * {@link #load(Path, Path, Map, Knowledge)} as cargo sees it when run in {@code cargoDir}.
     *
     * @param manifest  absolute path of a {@code Cargo.toml}
     * @param base      directory messages name files relative to
     * @param env       the environment ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
     * @param knowledge knowledge, to split environment variable names into profile and key
     * @param cargoDir  the directory cargo runs in, where it starts looking for config files
     * @return the project
     * @throws AdvisorException when a manifest or config file cannot be read or parsed
     */
    public static Project load(Path manifest, Path base, Map<String, String> env, Knowledge knowledge, Path cargoDir) {
        return new Loader(base, env, knowledge, Optional.of(cargoDir)).load(manifest);
    }

    /**
     * Loads the projects of many manifests for one audit, reading each file and looking into each directory once:
     * the members of a workspace share its root manifest, its member list and its config files, and a tree of
     * crates shares the directories above it. Thread-safe. Meant to live for one request: it does not see files
     * change afterwards.
     */
    public static final class Loader {
        private final Path base;
        private final Map<String, String> env;
        private final List<ProfileEntry> envEntries;
        private final Map<Path, Manifest> manifests = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, Optional<Manifest>> ancestors = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, Set<Path>> members = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, Optional<Path>> configsIn = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, Optional<Path>> homeConfigs = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<Path, ConfigFile> configs = new java.util.concurrent.ConcurrentHashMap<>();
        private final Optional<Path> cargoDir;

        /**
         * Config files as cargo reads them when run from each workspace's root directory.
         *
         * @param base      directory messages name files relative to
         * @param env       the environment ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
         * @param knowledge knowledge, to split environment variable names into profile and key
         */
        public Loader(Path base, Map<String, String> env, Knowledge knowledge) {
            this(base, env, knowledge, Optional.empty());
        }

        /**
         * @param base      directory messages name files relative to
         * @param env       the environment ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
         * @param knowledge knowledge, to split environment variable names into profile and key
         * @param cargoDir  the directory cargo runs in, where it starts looking for config files (absolute); empty:
         *                  each workspace's root directory
         */
        public Loader(Path base, Map<String, String> env, Knowledge knowledge, Optional<Path> cargoDir) {
            this.base = base;
            this.env = env;
            this.envEntries = envEntries(env, knowledge);
            this.cargoDir = cargoDir.map(d -> d.toAbsolutePath().normalize());
        }

        /**
         * {@link Project#load}, sharing what earlier calls read.
         *
         * @param manifest absolute path of a {@code Cargo.toml}
         * @return the project
         * @throws AdvisorException when a manifest or config file cannot be read or parsed
         */
        public Project load(Path manifest) {
            Path start = manifest.toAbsolutePath().normalize();
            Manifest own = manifest(start);
            Manifest root = findRoot(own);
            List<Manifest> others = new ArrayList<>();
            for (Path p : members.computeIfAbsent(root.path(), r -> memberPaths(root))) {
                if (p.equals(root.path())) continue;
                others.add(p.equals(own.path()) ? own : manifest(p));
            }
            if (!own.path().equals(root.path()) && others.stream().noneMatch(m -> m.path().equals(own.path()))) {
                others.add(own);
            }
            List<ConfigFile> found = configs(cargoDir.orElse(root.dir()));
            TargetResolver.checkMerge(found);
            return new Project(root, others, found, envEntries, buildVariables(env));
        }

        private Manifest manifest(Path path) {
            Manifest m = manifests.get(path);
            if (m != null) return m;
            m = ManifestReader.manifest(path, display(base, path)); // a failure is not kept: it is rare, and reported
            manifests.put(path, m);
            return m;
        }

        private Manifest findRoot(Manifest own) {
            if (own.workspace()) return own;
            if (!own.workspacePath().isEmpty()) {
                Path p = own.dir().resolve(own.workspacePath()).normalize();
                return manifest(Files.isDirectory(p) ? p.resolve("Cargo.toml") : p);
            }
            for (Path dir = own.dir().getParent(); dir != null; dir = dir.getParent()) {
                Optional<Manifest> m = ancestors.computeIfAbsent(dir, this::workspaceIn);
                if (m.isPresent() && members.computeIfAbsent(m.get().path(), r -> memberPaths(m.get())).contains(own.path())) {
                    return m.get();
                }
            }
            return own;
        }

        /** The manifest of a directory above the one audited, if it declares a workspace. */
        private Optional<Manifest> workspaceIn(Path dir) {
            Path candidate = dir.resolve("Cargo.toml");
            if (!Files.isRegularFile(candidate)) return Optional.empty();
            try {
                Manifest m = manifest(candidate);
                return m.workspace() ? Optional.of(m) : Optional.empty();
            } catch (AdvisorException e) {
                return Optional.empty(); // cargo would fail too; the audit of the manifest below stands alone
            }
        }

        private List<ConfigFile> configs(Path from) {
            List<Path> found = new ArrayList<>();
            for (Path dir = from; dir != null; dir = dir.getParent()) {
                configsIn.computeIfAbsent(dir, d -> Optional.ofNullable(configIn(d.resolve(".cargo")))).ifPresent(found::add);
            }
            String cargoHome = env.getOrDefault("CARGO_HOME", env.containsKey("HOME") ? env.get("HOME") + "/.cargo" : "");
            if (!cargoHome.isEmpty()) {
                Path home = Path.of(cargoHome);
                homeConfigs.computeIfAbsent(home, h -> Optional.ofNullable(configIn(h)))
                        .filter(c -> !found.contains(c)).ifPresent(found::add);
            }
            List<ConfigFile> out = new ArrayList<>();
            for (int i = found.size() - 1; i >= 0; i--) {
                Path c = found.get(i);
                ConfigFile read = configs.get(c);
                if (read == null) {
                    read = ManifestReader.config(c, display(base, c));
                    configs.put(c, read);
                }
                out.add(read);
            }
            return out;
        }
    }

    /**
     * The same for text supplied directly (the HTTP API): one root manifest, optional config text, env.
     *
     * @param manifestText the root {@code Cargo.toml}
     * @param configText   a {@code .cargo/config.toml}, or empty
     * @param env          {@code CARGO_PROFILE_*} variables
     * @param knowledge    knowledge
     * @return the project
     * @throws AdvisorException when the text is not valid TOML
     */
    public static Project ofText(String manifestText, Optional<String> configText, Map<String, String> env, Knowledge knowledge) {
        Path dir = Path.of("/nonexistent-request-dir");
        var toml = ManifestReader.parseText(manifestText, "Cargo.toml");
        Manifest m = ManifestReader.manifest(toml, dir.resolve("Cargo.toml"), "Cargo.toml");
        List<ConfigFile> configs = configText.map(t -> List.of(ManifestReader.config(ManifestReader.parseText(t,
                ".cargo/config.toml"), dir.resolve(".cargo/config.toml"), ".cargo/config.toml"))).orElse(List.of());
        TargetResolver.checkMerge(configs);
        return new Project(m, List.of(), configs, envEntries(env, knowledge), buildVariables(env));
    }

    /** The manifests cargo treats as members of a workspace root: members globs minus exclude, plus path deps inside it. */
    static Set<Path> memberPaths(Manifest root) {
        Set<Path> out = new LinkedHashSet<>();
        out.add(root.path());
        if (!root.workspace()) return out;
        Path dir = root.dir();
        List<Path> excluded = root.exclude().stream().map(e -> dir.resolve(e).normalize()).toList();
        for (String glob : root.members()) {
            if (!glob.contains("*") && !glob.contains("?") && !glob.contains("[")) {
                add(out, dir.resolve(glob).normalize(), excluded);
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + dir.toString().replace("\\", "/") + "/" + glob);
            try (Stream<Path> walk = Files.walk(dir, glob.contains("**") ? 8 : glob.split("/").length)) {
                walk.filter(Files::isDirectory).filter(matcher::matches).forEach(p -> add(out, p.normalize(), excluded));
            } catch (IOException e) {
                // an unreadable directory is simply not a member, as for cargo's glob
            }
        }
        for (String dep : root.pathDependencies()) add(out, dir.resolve(dep).normalize(), excluded);
        return out;
    }

    private static void add(Set<Path> out, Path memberDir, List<Path> excluded) {
        if (excluded.stream().anyMatch(memberDir::startsWith)) return;
        Path m = memberDir.resolve("Cargo.toml");
        if (Files.isRegularFile(m)) out.add(m);
    }

    private static Path configIn(Path dotCargo) {
        Path legacy = dotCargo.resolve("config");
        Path toml = dotCargo.resolve("config.toml");
        // cargo prefers `config` when both exist, and reads whatever is there: a directory or a FIFO stops it
        // (`failed to read configuration file`, `Is a directory (os error 21)`), so reading it reports it
        if (Files.exists(legacy)) return legacy.toAbsolutePath().normalize();
        if (Files.exists(toml)) return toml.toAbsolutePath().normalize();
        return null;
    }

    /** {@code CARGO_PROFILE_<NAME>_<KEY>} and {@code CARGO_PROFILE_<NAME>_BUILD_OVERRIDE_<KEY>}, typed as cargo reads them. */
    static List<ProfileEntry> envEntries(Map<String, String> env, Knowledge knowledge) {
        List<String> keys = new ArrayList<>(knowledge.settings().keySet());
        keys.add("inherits");
        List<ProfileEntry> out = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(env).entrySet()) {
            String var = e.getKey();
            if (!var.startsWith("CARGO_PROFILE_")) continue;
            String rest = var.substring("CARGO_PROFILE_".length());
            for (String key : keys) {
                String suffix = "_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
                if (!rest.endsWith(suffix) || rest.length() == suffix.length()) continue;
                String head = rest.substring(0, rest.length() - suffix.length());
                String table = "";
                if (head.endsWith("_BUILD_OVERRIDE")) {
                    table = "build-override";
                    head = head.substring(0, head.length() - "_BUILD_OVERRIDE".length());
                }
                String profile = head.toLowerCase(Locale.ROOT).replace('_', '-');
                if (profile.isEmpty()) continue;
                out.add(new ProfileEntry(profile, table, key, typed(knowledge, key, e.getValue()), Origin.env(var)));
                break;
            }
        }
        return out;
    }

    private static Object typed(Knowledge knowledge, String key, String value) {
        SettingKind kind = knowledge.setting(key).map(s -> s.kind()).orElse(SettingKind.ENUM);
        if (value.equals("true") || value.equals("false")) {
            return kind == SettingKind.INTEGER ? value : Boolean.valueOf(value);
        }
        if (value.matches("-?\\d+") && !key.equals("inherits")) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException ex) {
                return value;
            }
        }
        return value;
    }

    /** A file name as the user would type it from {@code base}: relative when that is short, else absolute. */
    /**
     * @param base a directory
     * @param file a file or directory
     * @return its name relative to {@code base} ({@code app/Cargo.toml}, {@code ../x}), or absolute when that needs
     *         more than three {@code ..}; the empty string for {@code base} itself
     */
    public static String display(Path base, Path file) {
        Path b = base.toAbsolutePath().normalize();
        Path f = file.toAbsolutePath().normalize();
        if (f.startsWith(b)) return b.relativize(f).toString();
        Path rel = b.relativize(f);
        long up = java.util.stream.StreamSupport.stream(rel.spliterator(), false).filter(x -> x.toString().equals("..")).count();
        return up <= 3 ? rel.toString() : f.toString();
    }

    /** @return {@code workspace.package.rust-version} of the root, for members that inherit it; empty when unset */
    public String workspaceRustVersion() {
        return root.workspaceRustVersion();
    }

    /** @return every profile name defined anywhere cargo reads profiles from, in the order found */
    public Set<String> definedProfiles() {
        Set<String> out = new LinkedHashSet<>(root.declarations().keySet());
        configs.forEach(c -> out.addAll(c.declarations().keySet()));
        env.forEach(e -> out.add(e.profile()));
        return out;
    }

    /** @return every entry cargo merges for the workspace, lowest precedence first: root manifest, configs, env */
    public List<ProfileEntry> layeredEntries() {
        List<ProfileEntry> out = new ArrayList<>(root.entries());
        configs.forEach(c -> out.addAll(c.entries()));
        out.addAll(env);
        return out;
    }

    /** @return package names in the workspace (root and members) */
    public Set<String> packageNames() {
        Set<String> out = new LinkedHashSet<>();
        if (!root.packageName().isEmpty()) out.add(root.packageName());
        members.forEach(m -> { if (!m.packageName().isEmpty()) out.add(m.packageName()); });
        return out;
    }

    /**
     * The {@code workspace.members} entries of the root that no loaded manifest answers to: a path without a
     * {@code Cargo.toml}, or a glob that matches none (a partial checkout, or a root manifest audited alone). Cargo
     * refuses to build such a workspace ({@code failed to load manifest for workspace member}); the audit still
     * reads its profiles, but not the package graph the members would bring.
     *
     * @return the entries as written, in order; empty when every member is there
     */
    public List<String> missingMembers() {
        if (!root.workspace()) return List.of();
        Path dir = root.dir();
        List<Path> excluded = root.exclude().stream().map(e -> dir.resolve(e).normalize()).toList();
        List<Path> present = manifests().stream().map(m -> m.dir().toAbsolutePath().normalize()).toList();
        List<String> out = new ArrayList<>();
        for (String entry : root.members()) {
            Path literal = dir.resolve(entry).normalize();
            if (excluded.stream().anyMatch(literal::startsWith)) continue;
            boolean glob = entry.contains("*") || entry.contains("?") || entry.contains("[");
            boolean found;
            if (glob) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + dir.toString().replace("\\", "/") + "/" + entry);
                found = present.stream().anyMatch(matcher::matches);
            } else {
                found = present.contains(literal);
            }
            if (!found) out.add(entry);
        }
        return out;
    }

    /** @return whether every workspace member was loaded, so the packages and dependencies of the workspace are known */
    public boolean graphKnown() {
        return missingMembers().isEmpty();
    }

    /** @return every manifest of the workspace, root first */
    public List<Manifest> manifests() {
        List<Manifest> out = new ArrayList<>();
        out.add(root);
        out.addAll(members);
        return out;
    }

    /** @return the names of every direct dependency of the workspace */
    public Set<String> dependencyNames() {
        Set<String> out = new LinkedHashSet<>();
        manifests().forEach(m -> out.addAll(m.dependencies()));
        return out;
    }

    /**
     * @param env a map to read
     * @return the map, with only what the project reads
     */
    public static Map<String, String> relevantEnv(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> {
            if (k.startsWith("CARGO_PROFILE_") || k.equals("CARGO_HOME") || k.equals("HOME")) out.put(k, v);
            else if (buildVariables(Map.of(k, v)).containsKey(k) && !k.equals("PATH")) out.put(k, v);
        });
        return out;
    }
}
