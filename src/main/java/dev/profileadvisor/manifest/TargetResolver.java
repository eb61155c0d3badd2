package dev.profileadvisor.manifest;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Resolves the target settings of a project the way cargo 1.95 does ({@code knowledge/targets.toml}, verified in
 * {@code docs/evidence/cargo-1.95.md} §11): exactly one source of rustflags, the first present of
 * {@code CARGO_ENCODED_RUSTFLAGS}, {@code RUSTFLAGS}, the target tables ({@code target.<triple>} and every matching
 * {@code target.'cfg(…)'}, joined, the cfg tables in key order), {@code build.rustflags}; config files merge arrays
 * (shallower first) and a deeper string replaces a shallower one; the linker from
 * {@code CARGO_TARGET_<TRIPLE>_LINKER}, the deepest {@code target.<triple>.linker}, or a matching cfg table;
 * incremental from {@code CARGO_INCREMENTAL} (only {@code 1} is on), {@code CARGO_BUILD_INCREMENTAL},
 * {@code build.incremental}.
 */
public final class TargetResolver {
    /** Source ids, as {@code knowledge/targets.toml} names them. */
    public static final String ENCODED = "encoded-env";
    /** {@code RUSTFLAGS}. */
    public static final String RUSTFLAGS = "rustflags-env";
    /** The target tables. */
    public static final String TARGET = "target";
    /** {@code build.rustflags}. */
    public static final String BUILD = "build";

    private TargetResolver() {
    }

    /**
     * @param triple a target triple
     * @return the prefix of its environment variables, {@code CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_}
     */
    public static String envPrefix(String triple) {
        return "CARGO_TARGET_" + triple.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_') + "_";
    }

    /**
     * The target cargo is given without {@code --target}: {@code CARGO_BUILD_TARGET}, else the deepest
     * {@code build.target}.
     *
     * @param project the project
     * @return the triple and where it is set, or empty
     */
    public static Optional<TargetSettings.Setting> configuredTarget(Project project) {
        String env = project.buildEnv().get("CARGO_BUILD_TARGET");
        if (env != null && !env.isEmpty()) return Optional.of(new TargetSettings.Setting(env, Origin.env("CARGO_BUILD_TARGET"), "CARGO_BUILD_TARGET"));
        return deepest(project, "build", "", "target").filter(e -> e.value() instanceof String)
                .map(e -> new TargetSettings.Setting((String) e.value(), e.origin(), e.dotted()));
    }

    /**
     * @param project        the project
     * @param triple         the target the units are built for
     * @param explicitTarget whether cargo is given a target ({@code --target} or {@code build.target})
     * @param targetOrigin   where that target is set, if it is
     * @param cfg            the target's cfg values ({@code unix}, {@code target_os="linux"})
     * @return the rustflags in force, the displaced sources, the linker
     */
    public static TargetSettings resolve(Project project, String triple, boolean explicitTarget, Optional<Origin> targetOrigin,
                                         List<String> cfg) {
        Map<String, String> env = project.buildEnv();
        String prefix = envPrefix(triple);
        List<Candidate> candidates = new ArrayList<>();
        if (env.containsKey("CARGO_ENCODED_RUSTFLAGS")) {
            String v = env.get("CARGO_ENCODED_RUSTFLAGS");
            candidates.add(Candidate.env(ENCODED, "CARGO_ENCODED_RUSTFLAGS", v.isEmpty() ? List.of() : List.of(v.split("\u001f", -1))));
        }
        if (env.containsKey("RUSTFLAGS")) candidates.add(Candidate.env(RUSTFLAGS, "RUSTFLAGS", spaces(env.get("RUSTFLAGS"))));
        List<Candidate> target = new ArrayList<>();
        target.addAll(configCandidates(project, TARGET, "target", triple));
        if (env.containsKey(prefix + "RUSTFLAGS")) target.add(Candidate.env(TARGET, prefix + "RUSTFLAGS", whitespace(env.get(prefix + "RUSTFLAGS"))));
        for (String key : cfgKeys(project)) {
            if (CfgExpr.matches(key, cfg).orElse(false)) target.addAll(configCandidates(project, TARGET, "target", key));
        }
        candidates.addAll(target);
        candidates.addAll(configCandidates(project, BUILD, "build", ""));
        if (env.containsKey("CARGO_BUILD_RUSTFLAGS")) {
            candidates.add(Candidate.env(BUILD, "CARGO_BUILD_RUSTFLAGS", whitespace(env.get("CARGO_BUILD_RUSTFLAGS"))));
        }
        String winner = candidates.stream().filter(c -> !c.replacedBy.isPresent()).map(Candidate::source).findFirst().orElse("");
        List<TargetSettings.Flag> flags = new ArrayList<>();
        List<TargetSettings.Displaced> displaced = new ArrayList<>();
        Optional<Candidate> first = candidates.stream().filter(c -> c.source.equals(winner) && c.replacedBy.isEmpty()).findFirst();
        for (Candidate c : candidates) {
            if (c.replacedBy.isPresent()) {
                Candidate by = c.replacedBy.get();
                displaced.add(new TargetSettings.Displaced(c.source, c.key, c.origin, values(c.flags), by.key, by.origin));
            } else if (c.source.equals(winner)) {
                flags.addAll(c.flags);
            } else {
                Candidate w = first.orElseThrow();
                displaced.add(new TargetSettings.Displaced(c.source, c.key, c.origin, values(c.flags), w.key, w.origin));
            }
        }
        return new TargetSettings(triple, explicitTarget, explicitTarget ? targetOrigin : Optional.empty(), winner, flags, displaced,
                linker(project, triple, cfg));
    }

    private static Optional<TargetSettings.Setting> linker(Project project, String triple, List<String> cfg) {
        String var = envPrefix(triple) + "LINKER";
        String env = project.buildEnv().get(var);
        if (env != null) return Optional.of(new TargetSettings.Setting(env, Origin.env(var), var));
        Optional<TargetSettings.Setting> own = deepestSetting(project, triple);
        if (own.isPresent()) return own;
        for (String key : cfgKeys(project)) {
            if (!CfgExpr.matches(key, cfg).orElse(false)) continue;
            Optional<TargetSettings.Setting> s = deepestSetting(project, key);
            if (s.isPresent()) return s;
        }
        return Optional.empty();
    }

    private static Optional<TargetSettings.Setting> deepestSetting(Project project, String target) {
        for (int i = project.configs().size() - 1; i >= 0; i--) {
            ConfigFile f = project.configs().get(i);
            for (ConfigEntry e : f.settings("target", "linker")) {
                if (!e.target().equals(target) || !(e.value() instanceof String s)) continue;
                // cargo resolves a linker path that has a slash against the directory holding `.cargo/`
                String value = s.contains("/") && !s.startsWith("/") ? f.path().getParent().getParent().resolve(s).normalize().toString() : s;
                return Optional.of(new TargetSettings.Setting(value, e.origin(), e.dotted()));
            }
        }
        return Optional.empty();
    }

    private static Optional<ConfigEntry> deepest(Project project, String table, String target, String key) {
        for (int i = project.configs().size() - 1; i >= 0; i--) {
            for (ConfigEntry e : project.configs().get(i).settings(table, key)) {
                if (e.target().equals(target)) return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The {@code cfg(…)} target keys of every config file, sorted as cargo iterates them. */
    private static List<String> cfgKeys(Project project) {
        TreeMap<String, Boolean> keys = new TreeMap<>();
        for (ConfigFile f : project.configs()) for (ConfigEntry e : f.settings()) if (e.table().equals("target") && e.cfgTable()) keys.put(e.target(), true);
        return List.copyOf(keys.keySet());
    }

    /**
     * The rustflags of one key across the config files, lowest precedence first: arrays are joined; a string
     * replaces what shallower files wrote (and is split on whitespace).
     */
    private static List<Candidate> configCandidates(Project project, String source, String table, String target) {
        List<Candidate> out = new ArrayList<>();
        for (ConfigFile f : project.configs()) {
            for (ConfigEntry e : f.settings(table, "rustflags")) {
                if (!e.target().equals(target)) continue;
                Candidate c;
                if (e.value() instanceof String s) {
                    List<TargetSettings.Flag> flags = new ArrayList<>();
                    for (String v : whitespace(s)) flags.add(new TargetSettings.Flag(v, e.origin(), e.dotted()));
                    c = new Candidate(source, e.dotted(), e.origin(), flags);
                    for (Candidate before : out) if (before.replacedBy.isEmpty()) before.replacedBy = Optional.of(c);
                } else {
                    List<TargetSettings.Flag> flags = new ArrayList<>();
                    for (ConfigEntry.Element el : e.elements()) flags.add(new TargetSettings.Flag(el.value(), el.origin(), e.dotted()));
                    c = new Candidate(source, e.dotted(), e.origin(), flags);
                }
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Checks what cargo refuses when it merges config files: a key written as a string in one file and as an array
     * in another ({@code failed to merge config value … expected array, but found string}).
     *
     * @param configs the config files, lowest precedence first
     * @throws AdvisorException naming the deeper file's key, with the other file
     */
    static void checkMerge(List<ConfigFile> configs) {
        Map<String, ConfigEntry> seen = new LinkedHashMap<>();
        Map<String, ConfigFile> in = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = configs.size() - 1; i >= 0; i--) { // deepest first, as cargo merges shallower files into it
            ConfigFile f = configs.get(i);
            for (ConfigEntry e : f.settings()) {
                if (!e.key().equals("rustflags") || !(e.value() instanceof String || e.isArray())) continue;
                ConfigEntry deeper = seen.get(e.dotted());
                if (deeper == null) {
                    seen.put(e.dotted(), e);
                    in.put(e.dotted(), f);
                } else if ((deeper.value() instanceof String) != (e.value() instanceof String)) {
                    problems.add(new Problem(deeper.origin().file(), deeper.origin().line(), deeper.origin().column(), "`" + e.dotted() + "` is "
                            + (deeper.value() instanceof String ? "a string" : "an array") + " here and " + (e.value() instanceof String ? "a string" : "an array")
                            + " in " + e.origin() + ": cargo cannot merge them (`failed to merge config value … expected "
                            + (deeper.value() instanceof String ? "string, but found array" : "array, but found string") + "`); write both as arrays"));
                }
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
    }

    /**
     * The incremental setting cargo applies to every profile, when one is set outside the profiles:
     * {@code CARGO_INCREMENTAL} (on only for {@code 1}), else {@code CARGO_BUILD_INCREMENTAL}, else the deepest
     * {@code build.incremental}.
     *
     * @param project the project
     * @param profile the profile the entry is for
     * @return an entry for {@code incremental} with its origin, or empty when nothing outside the profiles sets it
     */
    public static Optional<ProfileEntry> incremental(Project project, String profile) {
        Map<String, String> env = project.buildEnv();
        if (env.containsKey("CARGO_INCREMENTAL")) {
            return Optional.of(new ProfileEntry(profile, "", "incremental", env.get("CARGO_INCREMENTAL").equals("1"), Origin.env("CARGO_INCREMENTAL")));
        }
        String build = env.get("CARGO_BUILD_INCREMENTAL");
        if (build != null && (build.equals("true") || build.equals("false"))) {
            return Optional.of(new ProfileEntry(profile, "", "incremental", Boolean.valueOf(build), Origin.env("CARGO_BUILD_INCREMENTAL")));
        }
        return deepest(project, "build", "", "incremental").filter(e -> e.value() instanceof Boolean)
                .map(e -> new ProfileEntry(profile, "", "incremental", e.value(), e.origin()));
    }

    private static List<String> spaces(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(" ")) if (!s.strip().isEmpty()) out.add(s.strip());
        return out;
    }

    private static List<String> whitespace(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.strip().split("\\s+")) if (!s.isEmpty()) out.add(s);
        return out;
    }

    private static List<String> values(List<TargetSettings.Flag> flags) {
        return flags.stream().map(TargetSettings.Flag::value).toList();
    }

    /** One key or variable that supplies rustflags. */
    private static final class Candidate {
        final String source;
        final String key;
        final Origin origin;
        final List<TargetSettings.Flag> flags;
        Optional<Candidate> replacedBy = Optional.empty();

        Candidate(String source, String key, Origin origin, List<TargetSettings.Flag> flags) {
            this.source = source;
            this.key = key;
            this.origin = origin;
            this.flags = flags;
        }

        static Candidate env(String source, String var, List<String> values) {
            Origin o = Origin.env(var);
            return new Candidate(source, var, o, values.stream().map(v -> new TargetSettings.Flag(v, o, var)).toList());
        }

        String source() {
            return source;
        }
    }

    /**
     * @param dir a config file's path
     * @return the directory cargo resolves its relative paths against (the parent of {@code .cargo/})
     */
    static Path base(Path dir) {
        return dir.getParent().getParent();
    }
}
