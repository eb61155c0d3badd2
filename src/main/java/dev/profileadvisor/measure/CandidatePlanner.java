package dev.profileadvisor.measure;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Peer;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.recommend.PlanProject;
import dev.profileadvisor.recommend.PlanTable;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.SettingAdvice;
import dev.profileadvisor.recommend.Trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the plan, its runner-ups, the user's current profile and the peer templates into candidates: complete sets
 * of values, each with the {@code --config} lines that make a custom profile over the user's profile build it.
 * Writing every key that differs from what the custom profile inherits (and nothing else) keeps the user's own
 * choices, their environment and their config files in force for every candidate alike.
 */
final class CandidatePlanner {
    /** At most this many runner-ups are built: the closest ones, as the rules rank them. */
    static final int MAX_ALTERNATIVES = 4;

    private final Knowledge knowledge;

    CandidatePlanner(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * @param kinds    which candidates: {@code default}, {@code current}, {@code recommended}, {@code alternatives},
     *                 {@code cargo-wizard}
     * @param tries    extra candidates ({@code --try 'lto="fat",codegen-units=1'}), each on top of the current profile
     * @param trace    the plan and its runner-ups for the request
     * @param project  what the user's files make of the profiles
     * @param profile  the profile measured
     * @param parent   the profile the custom profiles inherit
     * @return the candidates, duplicates merged into the first of them (as aliases)
     */
    List<Candidate> plan(Set<String> kinds, List<String> tries, Trace trace, PlanProject project, String profile, String parent) {
        Recommendation r = trace.recommendation();
        String root = knowledge.rootOf(profile, parent);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Setting s : knowledge.settings().values()) defaults.put(s.key(), knowledge.defaultValue(root, null, s.key()).id());
        PlanProject.ProjectProfile own = project.profiles().get(profile);
        Map<String, String> current = new LinkedHashMap<>(defaults);
        Map<String, Map<String, String>> currentTables = new LinkedHashMap<>();
        if (own != null) {
            current.putAll(own.values());
            own.overrides().forEach((t, kv) -> currentTables.put(canonicalTable(t), new LinkedHashMap<>(kv)));
        }
        Base base = new Base(root, defaults, current, currentTables);

        List<Candidate> out = new ArrayList<>();
        if (kinds.contains("default")) {
            out.add(base.candidate("default", "default", "cargo's defaults for `" + root + "`", defaults, Map.of(), List.of()));
        }
        if (kinds.contains("current")) {
            out.add(base.candidate("current", "current", "your `" + profile + "` profile as your files and environment make it today",
                    current, currentTables, List.of()));
        }
        Map<String, String> recommended = new LinkedHashMap<>(current);
        for (SettingAdvice a : r.settings()) recommended.put(a.key(), a.value());
        for (SettingAdvice a : r.kept()) recommended.put(a.key(), a.value());
        Map<String, Map<String, String>> recommendedTables = copy(currentTables);
        for (PlanTable t : r.overrides()) {
            String table = canonicalTable(tableOf(t, r.profile()));
            for (SettingAdvice a : t.settings()) recommendedTables.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(a.key(), a.value());
        }
        List<String> planNotes = r.config().isEmpty() ? List.of()
                : List.of("the plan's .cargo/config.toml lines (" + String.join(", ", r.config().stream().map(c -> c.key() + " = " + c.value()).toList())
                        + ") are not measured: measure varies only the profile");
        if (kinds.contains("recommended")) {
            out.add(base.candidate("recommended", "recommended", "the plan for " + goalsText(r), recommended, recommendedTables, planNotes));
        }
        if (kinds.contains("alternatives")) {
            int n = 0;
            for (Trace.RunnerUp u : trace.runnerUps()) {
                if (n == MAX_ALTERNATIVES) break;
                if (!recommended.getOrDefault(u.key(), "").equals(u.chosen())) continue;
                Map<String, String> values = new LinkedHashMap<>(recommended);
                values.put(u.key(), u.value());
                out.add(base.candidate("alt-" + u.key() + "-" + u.value(), "alternative",
                        "the plan with `" + shown(u.key(), u.value()) + "` instead of `" + shown(u.key(), u.chosen()) + "` (the runner-up, "
                                + u.gap() + (u.gap() == 1 ? " point" : " points") + " behind)",
                        values, recommendedTables, planNotes));
                n++;
            }
        }
        if (kinds.contains("cargo-wizard")) {
            for (Peer p : knowledge.peers().values()) {
                if (!p.base().equals(root)) continue;
                Map<String, String> values = new LinkedHashMap<>(current);
                values.putAll(p.settings());
                out.add(base.candidate(p.id(), "peer", p.tool() + "'s `" + p.template() + "` template, applied to your `" + profile + "`",
                        values, currentTables, p.notMeasured().stream().map(s -> "not measured: " + s).toList()));
            }
        }
        int i = 0;
        for (String spec : tries) {
            i++;
            Map<String, String> values = new LinkedHashMap<>(current);
            Map<String, Map<String, String>> tables = copy(currentTables);
            parseTry(spec, values, tables);
            out.add(base.candidate("try-" + i, "custom", "`" + spec + "` on your `" + profile + "`", values, tables, List.of()));
        }
        return merged(out);
    }

    /** The cargo defaults, the values in force, and how to write a candidate over them. */
    private final class Base {
        final String root;
        final Map<String, String> defaults;
        final Map<String, String> current;
        final Map<String, Map<String, String>> currentTables;

        Base(String root, Map<String, String> defaults, Map<String, String> current, Map<String, Map<String, String>> currentTables) {
            this.root = root;
            this.defaults = defaults;
            this.current = current;
            this.currentTables = currentTables;
        }

        Candidate candidate(String id, String origin, String title, Map<String, String> values, Map<String, Map<String, String>> tables,
                            List<String> notes) {
            Map<String, String> settings = new LinkedHashMap<>();
            Map<String, String> writes = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (!v.equals(defaults.get(k))) settings.put(k, literal(k, v, values));
                if (!v.equals(current.get(k))) writes.put(k, literal(k, v, values));
            });
            tables.forEach((t, kv) -> kv.forEach((k, v) -> settings.put(configTable(t) + "." + k, literal(k, v, values))));
            Set<String> tableNames = new java.util.LinkedHashSet<>(currentTables.keySet());
            tableNames.addAll(tables.keySet());
            for (String t : tableNames) {
                Map<String, String> mine = tables.getOrDefault(t, Map.of());
                Map<String, String> theirs = currentTables.getOrDefault(t, Map.of());
                Set<String> keys = new java.util.LinkedHashSet<>(theirs.keySet());
                keys.addAll(mine.keySet());
                for (String k : keys) {
                    String v = mine.get(k);
                    if (v == null) v = neutral(t, k, values); // a table line of the user's that this candidate does not have
                    if (v == null || v.equals(theirs.get(k))) continue;
                    writes.put(configTable(t) + "." + k, literal(k, v, values));
                }
            }
            return new Candidate(id, origin, title, values, tables, settings, writes, notes, List.of());
        }
    }

    /** What a table line amounts to when it is not written: the profile's value in a package table, cargo's default for build-override. */
    private String neutral(String table, String key, Map<String, String> values) {
        if (!table.equals("build-override")) return values.get(key);
        try {
            return knowledge.defaultValue("build-override", null, key).id();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The TOML literal of a value; a value cargo writes by leaving the key out gets the literal that means the same. */
    String literal(String key, String id, Map<String, String> values) {
        SettingValue v = knowledge.setting(key).flatMap(s -> s.value(id)).orElseThrow(() -> new IllegalArgumentException(key + " " + id));
        if (!v.isUnwritten()) return v.toml();
        return switch (key) {
            case "codegen-units" -> "true".equals(values.get("incremental")) ? "256" : "16";
            case "split-debuginfo" -> System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "\"unpacked\"" : "\"off\"";
            default -> throw new IllegalArgumentException("no literal for `" + key + "` unset");
        };
    }

    private String shown(String key, String id) {
        SettingValue v = knowledge.setting(key).flatMap(s -> s.value(id)).orElseThrow();
        return v.isUnwritten() ? key + " unset" : key + " = " + v.toml();
    }

    /** {@code lto="fat",codegen-units=1,package."*".opt-level=3} into the values; a bad one is an {@link AdvisorException}. */
    private void parseTry(String spec, Map<String, String> values, Map<String, Map<String, String>> tables) {
        for (String part : splitTopLevel(spec)) {
            int eq = part.indexOf('=');
            if (eq < 0) throw bad(spec, "`" + part + "` is not `key=value`");
            String key = part.substring(0, eq).strip();
            String literal = part.substring(eq + 1).strip();
            String table = "";
            if (key.startsWith("package.") || key.startsWith("build-override.")) {
                int dot = key.lastIndexOf('.');
                table = canonicalTable(key.substring(0, dot));
                key = key.substring(dot + 1);
            }
            final String k = key;
            Setting s = knowledge.setting(k).orElseThrow(() -> bad(spec, "unknown profile key `" + k + "`"));
            Optional<SettingValue> v = s.values().stream().filter(x -> x.id().equals(literal) || x.toml().equals(literal)
                    || x.aliases().stream().anyMatch(a -> a.toml().equals(literal))).findFirst();
            if (v.isEmpty()) {
                throw bad(spec, "`" + literal + "` is not a value of `" + k + "`; known: "
                        + String.join(", ", s.values().stream().filter(x -> !x.isUnwritten()).map(SettingValue::toml).toList()));
            }
            if (table.isEmpty()) values.put(k, v.get().id());
            else tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(k, v.get().id());
        }
    }

    private static AdvisorException bad(String spec, String what) {
        return new AdvisorException(Problem.of("--try", "in `" + spec + "`: " + what));
    }

    /** Splits at commas outside quotes. */
    private static List<String> splitTopLevel(String spec) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : spec.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                if (!cur.toString().isBlank()) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString());
        return out;
    }

    private static List<Candidate> merged(List<Candidate> all) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : all) {
            int same = -1;
            for (int i = 0; i < out.size(); i++) if (out.get(i).sameBuild(c)) same = i;
            if (same >= 0) out.set(same, out.get(same).alsoFor(c.ids()));
            else out.add(c);
        }
        return out;
    }

    /** {@code package."*"} or {@code package.*} → {@code package.*}; {@code build-override} stays. */
    static String canonicalTable(String table) {
        return table.replace("\"", "");
    }

    /** {@code package.*} → {@code package."*"}, as a {@code --config} key path writes it. */
    static String configTable(String table) {
        if (!table.startsWith("package.")) return table;
        return "package.\"" + table.substring("package.".length()) + "\"";
    }

    private static String tableOf(PlanTable t, String profile) {
        String header = t.header();
        String prefix = "profile." + (profile.matches("[A-Za-z0-9_-]+") ? profile : "\"" + profile + "\"") + ".";
        return header.startsWith(prefix) ? header.substring(prefix.length()) : header;
    }

    private static String goalsText(Recommendation r) {
        return String.join(", ", r.goals().stream().map(g -> g.weight() == 1 ? g.goal() : g.goal() + "=" + g.weight()).toList());
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> tables) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        tables.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
        return out;
    }
}
