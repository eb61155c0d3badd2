package dev.profileadvisor.manifest;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.toml.TomlText;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code Cargo.toml} and {@code .cargo/config.toml} files into {@link ProfileEntry} values with positions. */
public final class ManifestReader {
    /** Files larger than this are refused (a Cargo.toml is a few KB; this catches mistakes, not attacks). */
    public static final long MAX_BYTES = 4L * 1024 * 1024;
    /** The rust-version of a package that says {@code rust-version.workspace = true}, until the root is known. */
    public static final String INHERIT_FROM_WORKSPACE = "workspace";

    private ManifestReader() {
    }

    /**
     * @param path    the file
     * @param display its name in messages
     * @return the parsed TOML
     * @throws AdvisorException when the file is missing, unreadable, too large, not UTF-8, or not valid TOML
     */
    public static TomlText parse(Path path, String display) {
        String text;
        try {
            // one stat for all three checks: this runs once per manifest of a batch audit
            var attrs = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
            if (attrs.isDirectory()) throw new AdvisorException(Problem.of(display, "is a directory, not a TOML file"));
            if (!attrs.isRegularFile()) { // a FIFO would block the read forever
                throw new AdvisorException(Problem.of(display, "is not a regular file (a pipe or a device?): "
                        + "save the manifest as a file and name that"));
            }
            long size = attrs.size();
            if (size > MAX_BYTES) {
                throw new AdvisorException(Problem.of(display, "is " + size + " bytes, larger than the " + MAX_BYTES
                        + " a manifest can reasonably be; not read"));
            }
            byte[] bytes = Files.readAllBytes(path);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AdvisorException(Problem.of(display, "no such file"));
        } catch (CharacterCodingException e) {
            throw new AdvisorException(Problem.of(display, "is not UTF-8 text"));
        } catch (IOException e) {
            throw new AdvisorException(Problem.of(display, "cannot read: " + describe(e)));
        }
        return parseText(text, display);
    }

    /**
     * @param e why a file or directory could not be read
     * @return it in words, without Java's class names or a path the message already names
     *         ({@code permission denied}, {@code a symbolic link loop}, {@code not a directory})
     */
    public static String describe(Exception e) {
        if (e instanceof java.nio.file.FileSystemLoopException) return "a symbolic link loop";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.NotDirectoryException) return "not a directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            String r = f.getReason();
            return r.contains("Too many levels of symbolic links") ? "a symbolic link loop" : r.toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof java.io.UncheckedIOException u) return describe(u.getCause());
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }

    /**
     * @param text    TOML text
     * @param display its name in messages
     * @return the parsed TOML
     * @throws AdvisorException listing the TOML errors with line and column
     */
    public static TomlText parseText(String text, String display) {
        // sourceless: positions are kept, the copy of the text for source-preserving output (unused here) is not
        TomlText toml = TomlText.parse(text, org.tomlj.TomlParseOptions.sourceless());
        if (toml.hasErrors()) {
            List<Problem> problems = toml.errors().stream().map(e -> new Problem(display, e.line(), e.column(),
                    "invalid TOML: " + e.message())).toList();
            throw new AdvisorException(problems);
        }
        return toml;
    }

    /**
     * @param path    an absolute path to a {@code Cargo.toml}
     * @param display its name in messages
     * @return the manifest
     * @throws AdvisorException when it cannot be read or parsed
     */
    public static Manifest manifest(Path path, String display) {
        return manifest(parse(path, display), path, display);
    }

    /**
     * @param doc     a parsed {@code Cargo.toml}
     * @param path    where it is (or would be): targets are looked up beside it
     * @param display its name in messages
     * @return the manifest
     * @throws AdvisorException for a manifest with neither {@code [package]} nor {@code [workspace]} (an empty file, or
     *                          profiles alone), which cargo refuses with this message (cargo 1.95)
     */
    public static Manifest manifest(TomlText doc, Path path, String display) {
        TomlParseResult toml = doc.table();
        Path dir = path.getParent();
        TomlTable pkg = table(toml, "package");
        TomlTable ws = table(toml, "workspace");
        if (pkg == null && ws == null && table(toml, "project") == null) { // `[project]`: the deprecated name of `[package]`
            throw new AdvisorException(new Problem(display, 1, 1, "manifest is missing either a `[package]` or a `[workspace]`"));
        }
        String name = pkg == null ? "" : str(pkg.get("name"));
        String rustVersion = pkg == null ? "" : str(pkg.get("rust-version"));
        if (pkg != null && pkg.get("rust-version") instanceof TomlTable inherited && Boolean.TRUE.equals(inherited.get("workspace"))) {
            rustVersion = INHERIT_FROM_WORKSPACE;
        }
        String workspaceRustVersion = ws != null && table(ws, "package") != null ? str(table(ws, "package").get("rust-version")) : "";
        Set<String> deps = new LinkedHashSet<>();
        List<String> pathDeps = new ArrayList<>();
        List<Dependency> declared = new ArrayList<>();
        collectDependencies(toml, deps, pathDeps, declared);
        // what members may depend on: a spec naming one is not a typo, even when the members are not there
        if (ws != null) collect(table(ws, "dependencies"), deps, new ArrayList<>(), declared, Dependency.Kind.WORKSPACE);
        Set<String> patched = new LinkedHashSet<>();
        for (String section : List.of("patch", "replace")) {
            TomlTable t = table(toml, section);
            if (t == null) continue;
            for (String k : t.keySet()) {
                if (section.equals("patch") && t.get(List.of(k)) instanceof TomlTable source) patched.addAll(source.keySet());
                else patched.add(k.replaceFirst("[@:].*$", "")); // [replace] "foo:1.0.0"
            }
        }
        TomlTable targets = toml;
        boolean lib = pkg != null && (table(targets, "lib") != null || Files.isRegularFile(dir.resolve("src/lib.rs")));
        boolean bin = pkg != null && (targets.get("bin") instanceof TomlArray a && !a.isEmpty()
                || Files.isRegularFile(dir.resolve("src/main.rs")) || Files.isDirectory(dir.resolve("src/bin"))
                || producesArtifact(table(targets, "lib")));
        List<ProfileEntry> entries = new ArrayList<>();
        Map<String, Origin> declarations = new LinkedHashMap<>();
        readProfiles(doc, display, Origin.Kind.MANIFEST, entries, declarations);
        return new Manifest(path, display, name, rustVersion, workspaceRustVersion, ws != null, pkg == null ? "" : str(pkg.get("workspace")),
                ws == null ? List.of() : strings(ws.get("members")), ws == null ? List.of() : strings(ws.get("exclude")),
                lib, bin, table(targets, "lib") != null && Boolean.TRUE.equals(table(targets, "lib").get("proc-macro")),
                deps, pathDeps, entries, declarations, ws != null && ws.get("members") != null
                        ? position(display, doc, List.of("workspace", "members"), Origin.Kind.MANIFEST) : Origin.DEFAULT,
                declared, patched, misplacedConfig(doc, display), distMetadata(doc, display),
                AdvisorMetadata.read(doc, display));
    }

    private static final Set<String> TARGET_DEPENDENCY_TABLES = Set.of("dependencies", "dev-dependencies", "build-dependencies",
            "dev_dependencies", "build_dependencies");

    /** {@code [build]} and the non-dependency keys of {@code [target.*]} in a manifest: cargo ignores them there. */
    private static List<ConfigEntry> misplacedConfig(TomlText doc, String display) {
        TomlParseResult toml = doc.table();
        List<ConfigEntry> out = new ArrayList<>();
        if (toml.get(List.of("build")) != null) {
            out.add(new ConfigEntry("build", "", "", toml.get(List.of("build")), position(display, doc, List.of("build"), Origin.Kind.MANIFEST), List.of()));
        }
        TomlTable target = table(toml, "target");
        if (target != null) {
            for (String t : target.keySet()) {
                if (!(target.get(List.of(t)) instanceof TomlTable tt)) continue;
                for (String k : tt.keySet()) {
                    if (TARGET_DEPENDENCY_TABLES.contains(k)) continue;
                    out.add(new ConfigEntry("target", t, k, tt.get(List.of(k)), position(display, doc, List.of("target", t, k), Origin.Kind.MANIFEST), List.of()));
                }
            }
        }
        return out;
    }

    private static Origin distMetadata(TomlText doc, String display) {
        TomlParseResult toml = doc.table();
        for (List<String> path : List.of(List.of("workspace", "metadata", "dist"), List.of("package", "metadata", "dist"))) {
            if (toml.get(path) instanceof TomlTable) return position(display, doc, path, Origin.Kind.MANIFEST);
        }
        return Origin.DEFAULT;
    }

    /**
     * Reads the {@code [profile.*]} tables of a cargo config file.
     *
     * @param path    the config file
     * @param display its name in messages
     * @return its entries, and where each profile table is declared
     * @throws AdvisorException when it cannot be read or parsed
     */
    public static ConfigFile config(Path path, String display) {
        return config(parse(path, display), path, display);
    }

    /**
     * @param doc     a parsed config file
     * @param path    where it is
     * @param display its name in messages
     * @return its profile entries
     */
    public static ConfigFile config(TomlText doc, Path path, String display) {
        TomlParseResult toml = doc.table();
        List<ProfileEntry> entries = new ArrayList<>();
        Map<String, Origin> declarations = new LinkedHashMap<>();
        readProfiles(doc, display, Origin.Kind.CONFIG, entries, declarations);
        List<ConfigEntry> settings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Object build = toml.get(List.of("build"));
        if (build instanceof TomlTable bt) {
            for (String k : bt.keySet()) settings.add(configEntry(doc, display, "build", "", List.of("build", k), bt.get(List.of(k)), problems));
        } else if (build != null) {
            problems.add(problem(display, doc, List.of("build"), "`build` must be a table, found " + typeName(build)));
        }
        Object target = toml.get(List.of("target"));
        if (target instanceof TomlTable tt) {
            for (String t : tt.keySet()) {
                Object v = tt.get(List.of(t));
                if (!(v instanceof TomlTable table)) {
                    problems.add(problem(display, doc, List.of("target", t), "`target." + t + "` must be a table, found " + typeName(v)));
                    continue;
                }
                for (String k : table.keySet()) {
                    settings.add(configEntry(doc, display, "target", t, List.of("target", t, k), table.get(List.of(k)), problems));
                }
            }
        } else if (target != null) {
            problems.add(problem(display, doc, List.of("target"), "`target` must be a table, found " + typeName(target)));
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        return new ConfigFile(path, display, entries, declarations, settings);
    }

    /** Keys cargo reads with a fixed type; a value of another type stops cargo, so it stops the audit. */
    private static final Map<String, String> TYPED = Map.of("rustflags", "list", "linker", "string", "incremental", "boolean",
            "target", "string");

    private static ConfigEntry configEntry(TomlText root, String display, String table, String target, List<String> path,
                                           Object value, List<Problem> problems) {
        String key = path.get(path.size() - 1);
        String dotted = String.join(".", path);
        String type = TYPED.get(key);
        boolean applies = type != null && (table.equals("build") ? !key.equals("linker") : !key.equals("incremental") && !key.equals("target"));
        List<ConfigEntry.Element> elements = new ArrayList<>();
        if (applies) {
            switch (type) {
                case "list" -> {
                    if (value instanceof TomlArray a) {
                        for (int i = 0; i < a.size(); i++) {
                            TomlPosition p = root.positionOf(a, i);
                            Origin at = new Origin(Origin.Kind.CONFIG, display, p == null ? 0 : p.line(), p == null ? 0 : p.column());
                            if (a.get(i) instanceof String s) elements.add(new ConfigEntry.Element(s, at));
                            else problems.add(new Problem(display, at.line(), at.column(), "`" + dotted + "` must hold only strings, found "
                                    + typeName(a.get(i)) + " (cargo: `" + dotted + "` expected string)"));
                        }
                    } else if (!(value instanceof String)) {
                        problems.add(problem(display, root, path, "`" + dotted + "` must be a string or an array of strings, found " + typeName(value)
                                + " (cargo: expected a string or array of strings)"));
                    }
                }
                case "string" -> {
                    if (!(value instanceof String)) problems.add(problem(display, root, path, "`" + dotted + "` must be a string, found " + typeName(value)));
                }
                default -> {
                    if (!(value instanceof Boolean)) problems.add(problem(display, root, path, "`" + dotted + "` must be a boolean, found " + typeName(value)));
                }
            }
        }
        return new ConfigEntry(table, target, key, value, position(display, root, path, Origin.Kind.CONFIG), elements);
    }

    private static Problem problem(String display, TomlText root, List<String> path, String message) {
        TomlPosition p = root.positionOf(path);
        return new Problem(display, p == null ? 0 : p.line(), p == null ? 0 : p.column(), message);
    }

    /** A problem at the value of {@code path}, where cargo points at a value of the wrong type. */
    private static Problem valueProblem(String display, TomlText root, List<String> path, String message) {
        TomlPosition p = root.valuePositionOf(path);
        return new Problem(display, p == null ? 0 : p.line(), p == null ? 0 : p.column(), message);
    }

    /**
     * @param v a value tomlj returned
     * @return how TOML calls its type
     */
    static String typeName(Object v) {
        if (v instanceof String s) return "the string `" + Literals.shown(Literals.toml(s)) + "`";
        if (v instanceof Long l) return "the integer `" + l + "`";
        if (v instanceof Double d) return "the float `" + d + "`";
        if (v instanceof Boolean b) return "the boolean `" + b + "`";
        if (v instanceof TomlArray) return "an array";
        if (v instanceof TomlTable) return "a table";
        return TomlText.typeName(v);
    }

    /** The {@code [profile.*]} tables of a manifest or config file: their entries, and where each is declared. */
    private static void readProfiles(TomlText doc, String display, Origin.Kind kind, List<ProfileEntry> entries,
                                     Map<String, Origin> declarations) {
        TomlParseResult toml = doc.table();
        List<Problem> problems = new ArrayList<>();
        shape(doc, display, List.of("profile"), problems);
        TomlTable profiles = table(toml, "profile");
        if (profiles == null) {
            if (!problems.isEmpty()) throw new AdvisorException(problems);
            return;
        }
        for (String profile : profiles.keySet()) {
            List<String> at = List.of("profile", profile);
            shape(doc, display, at, problems);
            if (!(profiles.get(List.of(profile)) instanceof TomlTable pt)) continue;
            shape(doc, display, concat(at, "build-override"), problems);
            shape(doc, display, concat(at, "package"), problems);
            if (pt.get(List.of("package")) instanceof TomlTable specs) {
                for (String spec : specs.keySet()) shape(doc, display, concat(concat(at, "package"), spec), problems);
            }
            Object inherits = pt.get(List.of("inherits"));
            if (inherits != null && !(inherits instanceof String)) {
                problems.add(valueProblem(display, doc, concat(at, "inherits"), "`profile." + profile
                        + ".inherits` must be a string, found " + typeName(inherits) + " (cargo: invalid type, expected a string)"));
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems); // cargo reads none of the file then
        for (String profile : profiles.keySet()) {
            declarations.put(profile, position(display, doc, List.of("profile", profile), kind));
            if (profiles.get(List.of(profile)) instanceof TomlTable pt) {
                read(entries, profile, pt, List.of("profile", profile), doc, display, kind);
            }
        }
    }

    /**
     * A problem when the value at {@code path}, a part of the profile structure cargo reads as a table, is there and
     * not a table: cargo 1.95 refuses the whole file ({@code invalid type: integer `3`, expected struct TomlProfile}
     * for a manifest; {@code expected a table, but found a string for `profile.release`} for a config file).
     */
    private static void shape(TomlText doc, String display, List<String> path, List<Problem> problems) {
        Object v = doc.table().get(path);
        if (v == null || v instanceof TomlTable) return;
        problems.add(valueProblem(display, doc, path, "`" + String.join(".", path) + "` must be a table, found "
                + typeName(v) + " (cargo: invalid type, expected a table)"));
    }

    private static void read(List<ProfileEntry> out, String profile, TomlTable table, List<String> path, TomlText root,
                             String display, Origin.Kind kind) {
        for (String key : table.keySet()) {
            Object v = table.get(List.of(key));
            List<String> keyPath = concat(path, key);
            if (key.equals("package") && v instanceof TomlTable specs) {
                for (String spec : specs.keySet()) {
                    if (specs.get(List.of(spec)) instanceof TomlTable st) {
                        readOverride(out, profile, "package." + spec, st, concat(keyPath, spec), root, display, kind);
                    } else {
                        out.add(new ProfileEntry(profile, "package", spec, specs.get(List.of(spec)),
                                position(display, root, concat(keyPath, spec), kind)));
                    }
                }
            } else if (key.equals("build-override") && v instanceof TomlTable bo) {
                readOverride(out, profile, "build-override", bo, keyPath, root, display, kind);
            } else {
                out.add(new ProfileEntry(profile, "", key, v, position(display, root, keyPath, kind)));
            }
        }
    }

    private static void readOverride(List<ProfileEntry> out, String profile, String table, TomlTable t, List<String> path,
                                     TomlText root, String display, Origin.Kind kind) {
        for (String key : t.keySet()) {
            out.add(new ProfileEntry(profile, table, key, t.get(List.of(key)), position(display, root, concat(path, key), kind)));
        }
    }

    private static Origin position(String display, TomlText root, List<String> path, Origin.Kind kind) {
        TomlPosition p = root.positionOf(path);
        return new Origin(kind, display, p == null ? 0 : p.line(), p == null ? 0 : p.column());
    }

    private static final Map<String, Dependency.Kind> KINDS = Map.of("dependencies", Dependency.Kind.NORMAL,
            "dev-dependencies", Dependency.Kind.DEV, "build-dependencies", Dependency.Kind.BUILD,
            "dev_dependencies", Dependency.Kind.DEV, "build_dependencies", Dependency.Kind.BUILD);

    private static void collectDependencies(TomlTable toml, Set<String> names, List<String> paths, List<Dependency> declared) {
        for (String section : List.of("dependencies", "dev-dependencies", "build-dependencies", "dev_dependencies", "build_dependencies")) {
            collect(table(toml, section), names, paths, declared, KINDS.get(section));
        }
        TomlTable target = table(toml, "target");
        if (target != null) {
            for (String t : target.keySet()) {
                if (target.get(List.of(t)) instanceof TomlTable tt) {
                    for (String section : List.of("dependencies", "dev-dependencies", "build-dependencies")) {
                        collect(table(tt, section), names, paths, declared, KINDS.get(section));
                    }
                }
            }
        }
    }

    private static void collect(TomlTable deps, Set<String> names, List<String> paths, List<Dependency> declared, Dependency.Kind kind) {
        if (deps == null) return;
        for (String dep : deps.keySet()) {
            Object v = deps.get(List.of(dep));
            String name = dep;
            String source = "registry";
            String version = v instanceof String req ? req : "";
            boolean optional = false;
            if (v instanceof TomlTable t) {
                if (t.get("package") instanceof String renamed) name = renamed;
                if (t.get("path") instanceof String p) paths.add(p);
                source = t.get("path") instanceof String ? "path" : t.get("git") instanceof String ? "git"
                        : Boolean.TRUE.equals(t.get("workspace")) ? "workspace" : "registry";
                version = str(t.get("version"));
                optional = Boolean.TRUE.equals(t.get("optional"));
            }
            names.add(name);
            declared.add(new Dependency(dep, name, kind, source, version, optional));
        }
    }

    private static boolean producesArtifact(TomlTable lib) {
        if (lib == null || !(lib.get("crate-type") instanceof TomlArray types)) return false;
        for (int i = 0; i < types.size(); i++) {
            Object t = types.get(i);
            if ("cdylib".equals(t) || "staticlib".equals(t) || "dylib".equals(t)) return true;
        }
        return false;
    }

    static TomlTable table(TomlTable t, String key) {
        return t.get(List.of(key)) instanceof TomlTable x ? x : null;
    }

    private static String str(Object o) {
        return o instanceof String s ? s : "";
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof TomlArray a) {
            for (int i = 0; i < a.size(); i++) if (a.get(i) instanceof String s) out.add(s);
        }
        return out;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
