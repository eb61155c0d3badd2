package dev.profileadvisor.knowledge;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.toml.TomlText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code knowledge/*.toml} into {@link Knowledge}, strictly: every problem in every file is collected and
 * reported together as {@code file:line:col: message}, so a maintainer fixes them in one pass.
 */
public final class KnowledgeLoader {
    private static final List<String> FILES =
            List.of("sources.toml", "settings.toml", "profiles.toml", "goals.toml", "scopes.toml", "effects.toml", "corrections.toml",
                    "unstable.toml", "crates.toml", "targets.toml", "peers.toml", "measurements.toml");
    private static final Set<String> KINDS = Set.of("docs", "blog", "issue", "measurement", "tool", "book");

    private final List<Problem> problems = new ArrayList<>();
    private final String prefix;

    private KnowledgeLoader(String prefix) {
        this.prefix = prefix;
    }

    /** @return the files a knowledge folder holds, in the order they are read */
    public static List<String> files() {
        return FILES;
    }

    /**
     * @param dir     the knowledge directory (a plain directory or a folder inside the jar)
     * @param display how to name that directory in messages, e.g. {@code knowledge}
     * @return the validated knowledge
     * @throws AdvisorException listing every problem found when a file is missing, malformed or inconsistent
     */
    public static Knowledge load(Path dir, String display) {
        return new KnowledgeLoader(display).read(dir);
    }

    private Knowledge read(Path dir) {
        Map<String, TomlNode> roots = new LinkedHashMap<>();
        for (String f : FILES) {
            Path p = dir.resolve(f);
            String name = prefix + "/" + f;
            try {
                roots.put(f, TomlNode.parse(name, Files.readString(p, StandardCharsets.UTF_8), problems));
            } catch (java.nio.file.NoSuchFileException e) {
                problems.add(Problem.of(name, "the file is missing; a knowledge folder has " + String.join(", ", FILES)));
            } catch (IOException e) {
                problems.add(Problem.of(name, "cannot read the file" + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);

        Map<String, Source> sources = sources(roots.get("sources.toml"));
        Map<String, Setting> settings = settings(roots.get("settings.toml"), sources);
        Set<String> reserved = new HashSet<>();
        Set<String> deprecated = new HashSet<>();
        String[] customSince = {""};
        Map<String, ProfileInfo> profiles = profiles(roots.get("profiles.toml"), reserved, deprecated, customSince);
        Map<String, Goal> goals = goals(roots.get("goals.toml"), sources, profiles);
        Map<String, ScopeFact> scopeFacts = new LinkedHashMap<>();
        Map<String, Scope> scopes = scopes(roots.get("scopes.toml"), sources, settings, scopeFacts);
        List<Effect> effects = measured(roots.get("measurements.toml"), effects(roots.get("effects.toml"), sources, settings, scopes),
                settings, sources);
        Map<String, KnownCrate> crates = crates(roots.get("crates.toml"), sources, settings);
        Map<String, Correction> corrections = corrections(roots.get("corrections.toml"), sources, settings);
        Map<String, UnstableKey> unstable = unstable(roots.get("unstable.toml"), sources, settings);
        TargetKnowledge targets = targets(roots.get("targets.toml"), sources, settings);
        Map<String, Peer> peers = peers(roots.get("peers.toml"), sources, settings);
        checkDefaults(roots.get("settings.toml"), settings, profiles);
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        return new Knowledge(sources, settings, profiles, reserved, deprecated, customSince[0], goals, effects, corrections, unstable,
                scopes, scopeFacts, crates, targets, peers);
    }

    /**
     * knowledge/measurements.toml: what measure found each value does on the programs of bench/programs. A measured
     * criterion's score replaces the hand-set one of the value's effect row (a row is added where none exists), and
     * the measurement is kept for the justification.
     */
    private List<Effect> measured(TomlNode root, List<Effect> effects, Map<String, Setting> settings, Map<String, Source> sources) {
        root.allowOnly(Set.of("measured"));
        Map<String, Map<String, MeasuredEffect>> byValue = new LinkedHashMap<>();
        for (TomlNode n : root.tableArray("measured")) {
            n.allowOnly(Set.of("setting", "value", "criterion", "deltas"));
            String key = n.string("setting");
            String value = n.string("value");
            String criterion = n.string("criterion");
            Setting s = settings.get(key);
            if (s == null) n.problem("setting", "unknown setting `" + key + "`");
            else if (s.value(value).isEmpty()) n.problem("value", "`" + value + "` is not a value of `" + key + "`");
            if (!MeasuredEffect.NOISE.containsKey(criterion)) {
                n.problem("criterion", "`" + criterion + "` is not measured; expected one of " + String.join(", ", new java.util.TreeSet<>(MeasuredEffect.NOISE.keySet())));
            }
            Map<String, Double> deltas = new LinkedHashMap<>();
            n.table("deltas").ifPresent(d -> {
                for (String program : d.keys()) {
                    d.optDouble(program).ifPresent(v -> deltas.put(program, v));
                }
            });
            if (deltas.isEmpty()) {
                n.problem("deltas", "a measurement needs `deltas`, program → percent");
                continue;
            }
            if (byValue.computeIfAbsent(key + "=" + value, k -> new LinkedHashMap<>()).put(criterion, new MeasuredEffect(criterion, deltas)) != null) {
                n.problem("criterion", "a second measurement of `" + key + "` = `" + value + "` for `" + criterion + "`");
            }
        }
        List<Effect> out = new ArrayList<>();
        for (Effect e : effects) {
            Map<String, MeasuredEffect> m = e.scope().equals(Scope.PROFILE) ? byValue.remove(e.setting() + "=" + e.value()) : null;
            if (m == null) {
                out.add(e);
                continue;
            }
            Map<String, Integer> scores = new LinkedHashMap<>(e.scores());
            m.forEach((c, me) -> scores.put(c, me.score()));
            List<String> cites = new ArrayList<>(e.sources());
            if (sources.containsKey(MEASURED_SOURCE) && !cites.contains(MEASURED_SOURCE)) cites.add(MEASURED_SOURCE);
            out.add(new Effect(e.scope(), e.setting(), e.value(), scores, e.evidence(), cites, m));
        }
        byValue.forEach((kv, m) -> {
            int eq = kv.indexOf('=');
            Map<String, Integer> scores = new LinkedHashMap<>();
            m.forEach((c, me) -> scores.put(c, me.score()));
            out.add(new Effect(Scope.PROFILE, kv.substring(0, eq), kv.substring(eq + 1), scores, "measured on the programs of bench/programs",
                    sources.containsKey(MEASURED_SOURCE) ? List.of(MEASURED_SOURCE) : List.of(), m));
        });
        return out;
    }

    /** A row's {@code settings = { key = "value id" }}, each checked against settings.toml (and, for a package table, allowed there). */
    private static Map<String, String> settingValues(TomlNode n, Map<String, Setting> settings, boolean packageTable) {
        Map<String, String> values = new LinkedHashMap<>();
        n.table("settings").ifPresent(c -> {
            for (String k : c.keys()) {
                Setting s = settings.get(k);
                String v = c.optString(k).orElse("");
                if (s == null) c.problem(k, "unknown setting `" + k + "`");
                else if (packageTable && !s.allowedInOverrides()) c.problem(k, "`" + k + "` may not be set in a package table");
                else if (s.value(v).isEmpty()) c.problem(k, "`" + v + "` is not a value of `" + k + "`");
                values.put(k, v);
            }
        });
        return values;
    }

    /** The source every measured effect cites: the measurements and how they were taken. */
    static final String MEASURED_SOURCE = "measured-programs";

    private Map<String, Peer> peers(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings) {
        root.allowOnly(Set.of("peer"));
        Map<String, Peer> out = new LinkedHashMap<>();
        root.table("peer").ifPresent(t -> t.tables().forEach((id, n) -> {
            checkId(n, id);
            n.allowOnly(Set.of("tool", "template", "base", "settings", "not-measured", "sources"));
            String base = n.string("base");
            if (!base.equals("release") && !base.equals("dev")) n.problem("base", "`base` must be `release` or `dev`, not `" + base + "`");
            Map<String, String> values = settingValues(n, settings, false);
            if (values.isEmpty()) n.problem("settings", "a peer template needs the `settings` it writes");
            out.put(id, new Peer(id, n.string("tool"), n.string("template"), base, values, n.strings("not-measured"), citations(n, sources)));
        }));
        return out;
    }

    private Map<String, Source> sources(TomlNode root) {
        root.allowOnly(Set.of("source"));
        Map<String, Source> out = new LinkedHashMap<>();
        root.table("source").ifPresent(t -> t.tables().forEach((key, n) -> {
            checkId(n, key);
            n.allowOnly(Set.of("title", "url", "kind"));
            String kind = n.string("kind");
            if (!kind.isEmpty() && !KINDS.contains(kind)) {
                n.problem("kind", "unknown source kind `" + kind + "`; expected one of " + String.join(", ", KINDS.stream().sorted().toList()));
            }
            String url = n.string("url");
            if (!url.isEmpty() && !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:") || isRepositoryPath(url))) {
                n.problem("url", "`" + n.qualified("url") + "` must be an `https://` URL or a path from the repository root");
            }
            out.put(key, new Source(key, n.string("title"), url, kind));
        }));
        return out;
    }

    private Map<String, Setting> settings(TomlNode root, Map<String, Source> sources) {
        root.allowOnly(Set.of("setting"));
        Map<String, Setting> out = new LinkedHashMap<>();
        root.table("setting").ifPresent(t -> t.tables().forEach((key, n) -> {
            n.allowOnly(Set.of("title", "summary", "description", "kind", "since", "flags-when", "allowed-in-overrides",
                    "sources", "defaults", "value", "implicit", "rustc-default", "version"));
            String kindLabel = n.string("kind");
            Optional<SettingKind> kind = SettingKind.of(kindLabel);
            if (!kindLabel.isEmpty() && kind.isEmpty()) {
                n.problem("kind", "unknown setting kind `" + kindLabel + "`; expected enum, integer or boolean");
            }
            Setting.FlagsWhen when = flagsWhen(n);
            List<SettingValue> values = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (TomlNode v : n.tableArray("value")) {
                v.allowOnly(Set.of("id", "title", "toml", "flags", "summary", "since", "traits", "alias"));
                String id = v.string("id");
                if (!ids.add(id)) v.problem("id", "duplicate value id `" + id + "` for `" + key + "`");
                String toml = v.string("toml");
                checkLiteral(v, "toml", toml, true);
                List<Alias> aliases = new ArrayList<>();
                List<String> flags = v.strings("flags");
                for (TomlNode a : v.tableArray("alias")) {
                    a.allowOnly(Set.of("toml", "flags", "since", "documented"));
                    String at = a.string("toml");
                    checkLiteral(a, "toml", at, false);
                    aliases.add(new Alias(at, a.has("flags") ? a.strings("flags") : flags, a.optString("since").orElse(""),
                            a.bool("documented", true)));
                }
                List<String> traits = v.strings("traits"); // read once: each read of a wrong value records its problem
                for (String trait : traits) {
                    if (!trait.matches("[a-z][a-z0-9-]*")) v.problem("traits", "trait `" + trait + "` must be lowercase kebab-case");
                }
                values.add(new SettingValue(key, id, v.string("title"), toml, flags, v.optString("summary").orElse(""),
                        v.optString("since").orElse(""), new HashSet<>(traits), aliases, values.size()));
            }
            if (values.isEmpty()) n.problem(null, "`" + n.path() + "` has no `[[" + n.path() + ".value]]`");
            Map<String, String> defaults = new LinkedHashMap<>();
            n.table("defaults").ifPresent(d -> {
                d.allowOnly(Set.of("dev", "release", "build-override"));
                for (String p : d.keys()) {
                    String id = d.string(p);
                    if (!ids.contains(id)) d.problem(p, "default `" + id + "` is not a value of `" + key + "`; values: " + String.join(", ", ids.stream().sorted().toList()));
                    defaults.put(p, id);
                }
            });
            Optional<Setting.Implicit> implicit = n.table("implicit").map(i -> {
                i.allowOnly(Set.of("value", "when", "since", "note", "sources"));
                String id = i.string("value");
                if (!ids.contains(id)) i.problem("value", "implicit value `" + id + "` is not a value of `" + key + "`");
                String cond = i.string("when");
                if (!cond.equals("debuginfo-off")) i.problem("when", "unknown condition `" + cond + "`; expected debuginfo-off");
                return new Setting.Implicit(id, cond, i.optString("since").orElse(""), i.string("note"), citations(i, sources));
            });
            String rustcDefault = n.table("rustc-default").map(r -> {
                r.allowOnly(Set.of("note"));
                return r.string("note");
            }).orElse("");
            List<VersionNote> versions = new ArrayList<>();
            for (TomlNode vn : n.tableArray("version")) {
                vn.allowOnly(Set.of("since", "note", "sources"));
                versions.add(new VersionNote(vn.string("since"), vn.string("note"), citations(vn, sources)));
            }
            out.put(key, new Setting(key, n.string("title"), n.string("summary"), n.string("description"),
                    kind.orElse(SettingKind.ENUM), // a missing or unknown kind is a problem above: the load fails
                    n.optString("since").orElse(""), when, n.bool("allowed-in-overrides", true), citations(n, sources),
                    defaults, values, implicit, rustcDefault, versions));
        }));
        return out;
    }

    private static Setting.FlagsWhen flagsWhen(TomlNode n) {
        String w = n.optString("flags-when").orElse("always");
        return switch (w) {
            case "always" -> Setting.FlagsWhen.ALWAYS;
            case "differs-from-rustc-default" -> Setting.FlagsWhen.DIFFERS_FROM_RUSTC_DEFAULT;
            case "debuginfo-on" -> Setting.FlagsWhen.DEBUGINFO_ON;
            default -> {
                n.problem("flags-when", "unknown `flags-when` `" + w + "`; expected always, differs-from-rustc-default or debuginfo-on");
                yield Setting.FlagsWhen.ALWAYS;
            }
        };
    }

    private void checkLiteral(TomlNode n, String field, String literal, boolean emptyAllowed) {
        if (literal.isEmpty()) {
            if (!emptyAllowed) n.problem(field, "`" + n.qualified(field) + "` must not be empty");
            return;
        }
        TomlText r = TomlText.parse("x = " + literal);
        if (r.hasErrors() || r.table().keySet().size() != 1) {
            n.problem(field, "`" + n.qualified(field) + "` is not a TOML value: `" + literal + "` (write strings with their quotes, e.g. '\"fat\"')");
        }
    }

    /**
     * A criterion → number table ({@code criteria} of a goal, {@code serves} of a profile, {@code effects} of a crate),
     * every key checked against {@link Effect#CRITERIA}.
     *
     * @param scores whether the numbers are effect scores, which must lie in −3 … +3
     */
    private static Map<String, Integer> criteria(TomlNode n, String key, boolean scores) {
        Map<String, Integer> out = new LinkedHashMap<>();
        n.table(key).ifPresent(c -> {
            for (String k : c.keys()) {
                if (!Effect.CRITERIA.contains(k)) c.problem(k, "unknown criterion `" + k + "`; expected one of " + String.join(", ", Effect.CRITERIA));
                c.optInteger(k).ifPresent(v -> {
                    if (scores && (v < -3 || v > 3)) c.problem(k, "score `" + v + "` is outside −3 … +3");
                    out.put(k, v.intValue());
                });
            }
        });
        return out;
    }

    private Map<String, ProfileInfo> profiles(TomlNode root, Set<String> reserved, Set<String> deprecated, String[] customSince) {
        root.allowOnly(Set.of("profile", "names"));
        Map<String, ProfileInfo> out = new LinkedHashMap<>();
        root.table("profile").ifPresent(t -> t.tables().forEach((name, n) -> {
            n.allowOnly(Set.of("built-in", "inherits", "used-by", "ignores", "summary", "serves"));
            Map<String, Integer> serves = criteria(n, "serves", false);
            String inherits = n.optString("inherits").orElse("");
            out.put(name, new ProfileInfo(name, n.bool("built-in", false),
                    inherits.isEmpty() ? Optional.empty() : Optional.of(inherits), n.optString("used-by").orElse(""),
                    n.strings("ignores"), n.string("summary"), serves));
        }));
        out.values().forEach(p -> p.inherits().filter(i -> !out.containsKey(i)).ifPresent(i ->
                root.table("profile").flatMap(t -> t.table(p.name())).ifPresent(n ->
                        n.problem("inherits", "profile `" + p.name() + "` inherits `" + i + "`, which profiles.toml does not define"))));
        for (String root0 : List.of("dev", "release")) {
            if (!out.containsKey(root0)) root.problem(null, "profiles.toml must define `[profile." + root0 + "]`");
        }
        root.table("names").ifPresent(n -> {
            n.allowOnly(Set.of("reserved", "deprecated", "custom-since"));
            customSince[0] = n.optString("custom-since").orElse("");
            reserved.addAll(n.strings("reserved"));
            deprecated.addAll(n.strings("deprecated"));
        });
        return out;
    }

    private Map<String, Goal> goals(TomlNode root, Map<String, Source> sources, Map<String, ProfileInfo> profiles) {
        root.allowOnly(Set.of("goal"));
        Map<String, Goal> out = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        root.table("goal").ifPresent(t -> t.tables().forEach((id, n) -> {
            checkId(n, id);
            n.allowOnly(Set.of("title", "summary", "description", "aliases", "profile", "criteria", "sources"));
            String profile = n.optString("profile").orElse("");
            if (!profile.isEmpty() && !profiles.containsKey(profile)) {
                n.problem("profile", "goal `" + id + "` targets profile `" + profile + "`, which profiles.toml does not define");
            }
            Map<String, Integer> criteria = criteria(n, "criteria", false);
            List<String> aliases = n.strings("aliases");
            for (String name : concat(id, aliases)) {
                String prev = names.put(Knowledge.normalise(name), id);
                if (prev != null && !prev.equals(id)) n.problem("aliases", "alias `" + name + "` is also a name of goal `" + prev + "`");
            }
            out.put(id, new Goal(id, n.string("title"), n.string("summary"), n.string("description"), aliases, profile,
                    criteria, citations(n, sources)));
        }));
        return out;
    }

    private Map<String, Scope> scopes(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings,
                                      Map<String, ScopeFact> facts) {
        root.allowOnly(Set.of("scope", "fact"));
        Map<String, Scope> out = new LinkedHashMap<>();
        root.table("scope").ifPresent(t -> t.tables().forEach((id, n) -> {
            n.allowOnly(Set.of("title", "table", "covers", "precedence", "why", "refuses", "ignored", "env", "since", "sources"));
            if (!List.of(Scope.PROFILE, Scope.DEPENDENCIES, Scope.PACKAGE, Scope.BUILD_OVERRIDE).contains(id)) {
                n.problem(null, "unknown scope `" + id + "`; the scopes cargo has are profile, dependencies, package and build-override");
            }
            List<String> refuses = n.strings("refuses");
            for (String k : refuses) if (!settings.containsKey(k)) n.problem("refuses", "unknown setting `" + k + "`");
            out.put(id, new Scope(id, n.string("title"), n.strings("table"), n.string("covers"),
                    n.optInteger("precedence").orElse(0L).intValue(), n.string("why"), refuses, n.strings("ignored"),
                    n.optString("env").orElse(""), n.string("since"), citations(n, sources)));
        }));
        if (!out.containsKey(Scope.PROFILE)) root.problem(null, "scopes.toml must define `[scope.profile]`");
        for (TomlNode n : root.tableArray("fact")) {
            n.allowOnly(Set.of("id", "text", "sources"));
            String id = n.string("id");
            if (facts.put(id, new ScopeFact(id, n.string("text"), citations(n, sources))) != null) n.problem("id", "a second fact `" + id + "`");
        }
        return out;
    }

    private Map<String, KnownCrate> crates(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings) {
        root.allowOnly(Set.of("crate"));
        Map<String, KnownCrate> out = new LinkedHashMap<>();
        root.table("crate").ifPresent(t -> t.tables().forEach((name, n) -> {
            n.allowOnly(Set.of("reason", "settings", "effects", "sources"));
            Map<String, String> values = settingValues(n, settings, true);
            Map<String, Integer> effects = criteria(n, "effects", true);
            if (values.isEmpty()) n.problem("settings", "a crate row needs the `settings` its table sets");
            out.put(name, new KnownCrate(name, n.string("reason"), values, effects, citations(n, sources)));
        }));
        return out;
    }

    private List<Effect> effects(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings, Map<String, Scope> scopes) {
        root.allowOnly(Set.of("effect"));
        List<Effect> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TomlNode n : root.tableArray("effect")) {
            Set<String> allowed = new HashSet<>(Effect.CRITERIA);
            allowed.addAll(Set.of("scope", "setting", "value", "evidence", "sources"));
            n.allowOnly(allowed);
            String key = n.string("setting");
            String value = n.string("value");
            Setting s = settings.get(key);
            if (s == null) n.problem("setting", "unknown setting `" + key + "`");
            else if (s.value(value).isEmpty()) n.problem("value", "`" + value + "` is not a value of `" + key + "`");
            String scope = n.optString("scope").orElse(Scope.PROFILE);
            if (!List.of(Scope.PROFILE, Scope.DEPENDENCIES).contains(scope) || !scopes.containsKey(scope)) {
                n.problem("scope", "unknown scope `" + scope + "` for an effect; expected profile or dependencies");
            } else if (s != null && scopes.get(scope).refuses().contains(key)) {
                n.problem("scope", "cargo refuses `" + key + "` in the `" + scope + "` table");
            }
            if (!seen.add(scope + ":" + key + "=" + value)) n.problem("value", "a second effect row for `" + key + "` = `" + value + "`"
                    + (scope.equals(Scope.PROFILE) ? "" : " in scope `" + scope + "`"));
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (String c : Effect.CRITERIA) {
                n.optInteger(c).ifPresent(v -> {
                    if (v < -3 || v > 3) n.problem(c, "score `" + v + "` is outside −3 … +3");
                    scores.put(c, v.intValue());
                });
            }
            out.add(new Effect(scope, key, value, scores, n.string("evidence"), citations(n, sources)));
        }
        return out;
    }

    private Map<String, UnstableKey> unstable(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings) {
        root.allowOnly(Set.of("unstable"));
        Map<String, UnstableKey> out = new LinkedHashMap<>();
        root.table("unstable").ifPresent(t -> t.tables().forEach((key, n) -> {
            n.allowOnly(Set.of("feature", "opt-in", "stable", "sources"));
            if (settings.containsKey(key)) n.problem(null, "`" + key + "` is a stable setting (settings.toml), not an unstable key");
            String optIn = n.string("opt-in");
            Optional<UnstableKey.OptIn> kind = UnstableKey.OptIn.of(optIn);
            if (!optIn.isEmpty() && kind.isEmpty()) n.problem("opt-in", "unknown opt-in `" + optIn + "`; expected cargo-features or -Z");
            String stable = n.string("stable");
            if (!stable.isEmpty() && !stable.equals("refuses") && !stable.equals("ignores")) {
                n.problem("stable", "unknown stable behaviour `" + stable + "`; expected refuses or ignores");
            }
            out.put(key, new UnstableKey(key, n.string("feature"), kind.orElse(UnstableKey.OptIn.CARGO_FEATURES),
                    stable.equals("refuses"), citations(n, sources)));
        }));
        return out;
    }

    private static final Set<String> SPLITS = Set.of("unit-separator", "spaces", "config", "flag", "boolean");
    private static final String TRIPLE = "[a-z0-9_.]+(-[a-z0-9_.]+){1,3}";

    private TargetKnowledge targets(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings) {
        root.allowOnly(Set.of("host", "rustflags", "config-keys", "fact", "incremental", "linker", "cpu", "frame-pointers", "triple"));
        String host = "";
        String hostRust = "";
        Optional<TomlNode> hostNode = root.table("host");
        if (hostNode.isEmpty()) root.problem(null, "missing `[host]` (the triple assumed when rustc cannot be asked)");
        else {
            TomlNode h = hostNode.get();
            h.allowOnly(Set.of("assumed", "assumed-rust", "sources"));
            host = h.string("assumed");
            hostRust = h.string("assumed-rust");
            if (!hostRust.isEmpty() && !hostRust.matches("\\d+\\.\\d+")) h.problem("assumed-rust", "`" + hostRust + "` is not a Rust version like `1.95`");
            if (!host.isEmpty() && !host.matches(TRIPLE)) h.problem("assumed", "`" + host + "` is not a target triple");
            citations(h, sources);
        }
        List<SourceLayer> rustflags = new ArrayList<>();
        Map<String, ProfileFlag> profileFlags = new LinkedHashMap<>();
        Optional<TomlNode> rf = root.table("rustflags");
        if (rf.isEmpty()) root.problem(null, "missing `[[rustflags.source]]` (where extra rustc flags come from)");
        rf.ifPresent(r -> {
            r.allowOnly(Set.of("source", "profile-flag"));
            rustflags.addAll(layers(r, "source", sources));
            if (rustflags.isEmpty()) r.problem(null, "`rustflags` has no `[[rustflags.source]]`");
            for (TomlNode n : r.tableArray("profile-flag")) {
                n.allowOnly(Set.of("option", "setting", "note"));
                String option = n.string("option");
                String setting = n.string("setting");
                if (!setting.isEmpty() && !settings.containsKey(setting)) n.problem("setting", "unknown setting `" + setting + "`");
                if (profileFlags.containsKey(option)) n.problem("option", "a second `profile-flag` row for `" + option + "`");
                profileFlags.put(option, new ProfileFlag(option, setting, n.optString("note").orElse("")));
            }
        });
        ConfigKeys keys = new ConfigKeys(List.of(), List.of(), List.of(), List.of());
        Optional<TomlNode> ck = root.table("config-keys");
        if (ck.isEmpty()) root.problem(null, "missing `[config-keys]` (the keys cargo reads in `[build]` and `[target.*]`)");
        else {
            TomlNode k = ck.get();
            k.allowOnly(Set.of("build", "target-triple", "target-cfg", "sources"));
            keys = new ConfigKeys(k.strings("build"), k.strings("target-triple"), k.strings("target-cfg"), citations(k, sources));
        }
        List<SourceLayer> incremental = new ArrayList<>();
        Optional<TomlNode> inc = root.table("incremental");
        if (inc.isEmpty()) root.problem(null, "missing `[[incremental.source]]` (where a unit's incremental setting comes from)");
        inc.ifPresent(i -> {
            i.allowOnly(Set.of("source"));
            incremental.addAll(layers(i, "source", sources));
        });
        Map<String, TargetFact> facts = new LinkedHashMap<>();
        for (TomlNode n : root.tableArray("fact")) {
            n.allowOnly(Set.of("id", "text", "sources"));
            String id = n.string("id");
            checkId(n, id);
            if (facts.containsKey(id)) n.problem("id", "duplicate fact id `" + id + "`");
            facts.put(id, new TargetFact(id, n.string("text"), citations(n, sources)));
        }
        Map<String, Linker> linkers = new LinkedHashMap<>();
        for (TomlNode n : root.tableArray("linker")) {
            n.allowOnly(Set.of("id", "title", "flags", "matches", "programs", "needs", "driver", "gcc-since", "redundant-on", "effect", "sources"));
            String id = n.string("id");
            checkId(n, id);
            if (linkers.containsKey(id)) n.problem("id", "duplicate linker id `" + id + "`");
            List<String> flags = n.strings("flags");
            checkFlags(n, "flags", flags);
            List<String> matches = n.strings("matches");
            if (matches.isEmpty() && n.strings("programs").isEmpty()) n.problem(null, "linker `" + id + "` has neither `matches` nor `programs`: nothing selects it");
            for (String m : matches) {
                if (m.startsWith("-") || m.contains(" ")) n.problem("matches", "`" + m + "` must be a `-C` option value as rustc reads it (`link-arg=-fuse-ld=lld`), without `-C` or spaces");
            }
            String gccSince = n.optString("gcc-since").orElse("");
            if (!gccSince.isEmpty() && !gccSince.matches("\\d+(\\.\\d+)*")) n.problem("gcc-since", "`" + gccSince + "` is not a version");
            List<Linker.DefaultOn> redundant = new ArrayList<>();
            for (TomlNode d : n.tableArray("redundant-on")) {
                d.allowOnly(Set.of("triple", "since"));
                String triple = d.string("triple");
                String since = d.string("since");
                if (!triple.isEmpty() && !triple.matches(TRIPLE)) d.problem("triple", "`" + triple + "` is not a target triple");
                if (!since.isEmpty() && !since.matches("\\d+\\.\\d+")) d.problem("since", "`" + since + "` is not a Rust version like `1.90`");
                redundant.add(new Linker.DefaultOn(triple, since));
            }
            linkers.put(id, new Linker(id, n.string("title"), flags, matches, n.strings("programs"), n.strings("needs"), n.string("driver"),
                    gccSince, redundant, n.string("effect"), citations(n, sources)));
        }
        if (linkers.isEmpty()) root.problem(null, "`targets.toml` has no `[[linker]]`");
        Map<String, CpuLevel> cpus = new LinkedHashMap<>();
        for (TomlNode n : root.tableArray("cpu")) {
            n.allowOnly(Set.of("id", "kind", "arch", "title", "features", "requires", "portable", "effect", "sources"));
            String id = n.string("id");
            if (!id.matches("[a-z0-9][a-z0-9_.-]*")) n.problem("id", "`" + id + "` is not a target-cpu name");
            if (cpus.containsKey(id)) n.problem("id", "duplicate cpu id `" + id + "`");
            String kindLabel = n.string("kind");
            Optional<CpuLevel.Kind> kind = CpuLevel.Kind.of(kindLabel);
            if (!kindLabel.isEmpty() && kind.isEmpty()) n.problem("kind", "unknown cpu kind `" + kindLabel + "`; expected baseline, level, named or native");
            if (!n.has("portable")) n.problem(null, "missing `" + n.qualified("portable") + "` (a boolean)");
            boolean portable = n.bool("portable", true);
            boolean typed = n.has("portable") && n.bool("portable", false) == portable; // a wrong type is its own problem
            if (kind.orElse(null) == CpuLevel.Kind.NATIVE && portable && typed) n.problem("portable", "a `native` binary runs only where the build machine's features are: `portable` must be false");
            cpus.put(id, new CpuLevel(id, kind.orElse(CpuLevel.Kind.NAMED), n.optString("arch").orElse(""), n.string("title"),
                    n.strings("features"), n.string("requires"), portable, n.string("effect"), citations(n, sources)));
        }
        if (cpus.isEmpty()) root.problem(null, "`targets.toml` has no `[[cpu]]`");
        FramePointers fp = new FramePointers(List.of(), "", "", "", "", List.of());
        Optional<TomlNode> fpNode = root.table("frame-pointers");
        if (fpNode.isEmpty()) root.problem(null, "missing `[frame-pointers]`");
        else {
            TomlNode f = fpNode.get();
            f.allowOnly(Set.of("flags", "summary", "helps", "cost", "verified", "sources"));
            List<String> flags = f.strings("flags");
            if (flags.isEmpty()) f.problem(null, "missing `frame-pointers.flags` (how to write it in rustflags)");
            checkFlags(f, "flags", flags);
            fp = new FramePointers(flags, f.string("summary"), f.string("helps"), f.string("cost"), f.string("verified"), citations(f, sources));
        }
        Map<String, List<String>> cfgs = new LinkedHashMap<>();
        for (TomlNode n : root.tableArray("triple")) {
            n.allowOnly(Set.of("id", "cfg"));
            String id = n.string("id");
            if (!id.isEmpty() && !id.matches(TRIPLE)) n.problem("id", "`" + id + "` is not a target triple");
            if (cfgs.containsKey(id)) n.problem("id", "duplicate triple `" + id + "`");
            List<String> cfg = n.strings("cfg");
            for (String c : cfg) {
                if (!c.matches("[a-z_][a-z0-9_]*(=\"[^\"]*\")?")) n.problem("cfg", "`" + c + "` is not a cfg value as `rustc --print cfg` prints it (`unix`, `target_os=\"linux\"`)");
            }
            cfgs.put(id, cfg);
        }
        if (!host.isEmpty() && !cfgs.containsKey(host)) hostNode.get().problem("assumed", "the assumed host `" + host + "` has no `[[triple]]` row");
        return new TargetKnowledge(host, hostRust, rustflags, profileFlags, keys, incremental, linkers, cpus, fp, facts, cfgs);
    }

    /** The {@code [[KEY.source]]} rows of a table: ids unique, precedences 1, 2, 3, … in file order. */
    private List<SourceLayer> layers(TomlNode parent, String key, Map<String, Source> sources) {
        List<SourceLayer> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (TomlNode n : parent.tableArray(key)) {
            n.allowOnly(Set.of("id", "precedence", "title", "keys", "split", "note", "sources"));
            String id = n.string("id");
            checkId(n, id);
            if (!ids.add(id)) n.problem("id", "duplicate source id `" + id + "`");
            Optional<Long> precedence = n.optInteger("precedence");
            if (precedence.isEmpty() && !n.has("precedence")) n.problem(null, "missing `" + n.qualified("precedence") + "` (an integer)");
            if (precedence.isPresent() && precedence.get() != out.size() + 1) {
                n.problem("precedence", "precedence `" + precedence.get() + "` out of order: rows are written highest first, 1, 2, 3, …; expected " + (out.size() + 1));
            }
            String split = n.string("split");
            if (!split.isEmpty() && !SPLITS.contains(split)) n.problem("split", "unknown split `" + split + "`; expected one of " + String.join(", ", SPLITS.stream().sorted().toList()));
            List<String> keys = n.strings("keys");
            if (keys.isEmpty()) n.problem(null, "missing `" + n.qualified("keys") + "` (the config keys or variables it is read from)");
            out.add(new SourceLayer(id, precedence.orElse((long) out.size() + 1).intValue(), n.string("title"), keys, split, n.string("note"),
                    citations(n, sources)));
        }
        return out;
    }

    /** Rustflags as written in an array: one argument per element, so no element holds a space. */
    private static void checkFlags(TomlNode n, String key, List<String> flags) {
        for (String f : flags) {
            if (f.contains(" ")) n.problem(key, "`" + f + "` holds a space: rustc would get it as one argument; write `\"" + f.replaceFirst(" ", "\", \"") + "\"`");
        }
    }

    private Map<String, Correction> corrections(TomlNode root, Map<String, Source> sources, Map<String, Setting> settings) {
        root.allowOnly(Set.of("correction"));
        Map<String, Correction> out = new LinkedHashMap<>();
        root.table("correction").ifPresent(t -> t.tables().forEach((id, n) -> {
            checkId(n, id);
            n.allowOnly(Set.of("claim", "claimed-by", "correct", "settings", "evidence", "sources"));
            List<String> keys = n.strings("settings");
            keys.stream().filter(k -> !settings.containsKey(k)).forEach(k -> n.problem("settings", "unknown setting `" + k + "`"));
            List<String> claimedBy = n.strings("claimed-by");
            claimedBy.stream().filter(k -> !sources.containsKey(k)).forEach(k -> n.problem("claimed-by", "unknown source `" + k + "`; define it in sources.toml"));
            out.put(id, new Correction(id, n.string("claim"), claimedBy, n.string("correct"), keys, n.string("evidence"),
                    citations(n, sources)));
        }));
        return out;
    }

    /**
     * The check {@code rules lint} makes of {@code sources.toml}: every URL is {@code https://} or a path from the
     * repository root (the parent of the knowledge directory) to a file that exists there, so no citation points
     * outside the project. The bundled knowledge has no repository beside it: only the form of its URLs is checked
     * here, and the tests check the files exist.
     *
     * @param dir the knowledge directory of a working copy, or empty for the bundled knowledge
     * @return one problem per bad URL, at the URL's value (empty when all is well)
     */
    public static List<Problem> lintSourceUrls(Optional<Path> dir) {
        String display = dir.map(Path::toString).orElse("knowledge") + "/sources.toml";
        Optional<Path> root = dir.map(d -> d.toAbsolutePath().normalize().getParent());
        String text;
        try (var in = dir.isPresent() ? Files.newInputStream(dir.get().resolve("sources.toml"))
                : KnowledgeLoader.class.getResourceAsStream("/knowledge/sources.toml")) {
            if (in == null) return List.of(Problem.of(display, "the bundled file is missing from the jar"));
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of(Problem.of(display, "cannot read the file: " + e.getMessage()));
        }
        List<Problem> out = new ArrayList<>();
        TomlText toml = TomlText.parse(text);
        org.tomlj.TomlTable sources = toml.table().getTable("source");
        if (sources == null) return out;
        List<String> lines = text.lines().toList();
        for (String key : sources.keySet()) {
            org.tomlj.TomlTable t = sources.getTable(List.of(key));
            String url = t == null ? null : t.getString("url");
            if (url == null || url.startsWith("https://")) continue;
            boolean inRepository = isRepositoryPath(url) && root.map(r -> {
                Path f = r.resolve(url.replaceFirst("#.*", "")).normalize();
                return f.startsWith(r) && Files.isRegularFile(f);
            }).orElse(true);
            if (inRepository) continue;
            // tomlj positions a key; the message points at the value, as rustc points at the offending token
            org.tomlj.TomlPosition at = toml.position(t.inputPositionOf("url"));
            String line = at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
            int eq = line.indexOf('=', at.column() - 1);
            int col = eq < 0 ? at.column() : eq + 2 + (int) line.substring(eq + 1).chars().takeWhile(c -> c == ' ' || c == '\t').count();
            out.add(new Problem(display, at.line(), col, "source `" + key + "` has URL `" + url
                    + "`, which is neither https:// nor a file in the repository"));
        }
        return out;
    }

    /** A relative path with no scheme that stays inside the directory it is resolved against. */
    private static boolean isRepositoryPath(String url) {
        return !url.isEmpty() && !url.matches("[A-Za-z][A-Za-z0-9+.-]*:.*") && !url.startsWith("/") && !url.contains("\\")
                && java.util.Arrays.stream(url.split("/")).noneMatch(".."::equals);
    }

    private void checkDefaults(TomlNode root, Map<String, Setting> settings, Map<String, ProfileInfo> profiles) {
        for (Setting s : settings.values()) {
            for (String p : List.of("dev", "release")) {
                if (!s.defaults().containsKey(p)) {
                    root.problem(null, "`setting." + s.key() + ".defaults` has no `" + p + "` value");
                }
            }
        }
    }

    private List<String> citations(TomlNode n, Map<String, Source> sources) {
        List<String> keys = n.strings("sources");
        for (String k : keys) {
            if (!sources.containsKey(k)) n.problem("sources", "unknown source `" + k + "`; define it in sources.toml");
        }
        return keys;
    }

    private static void checkId(TomlNode n, String id) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) n.problem(null, "id `" + id + "` must be kebab-case");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
