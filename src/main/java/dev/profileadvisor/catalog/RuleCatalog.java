package dev.profileadvisor.catalog;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.Severity;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.TomlNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule's docs and cases, read from the TOML files beside the DRL files, and the values each DRL rule's
 * consequence supplies to its templates.
 */
public final class RuleCatalog {
    private final Map<String, RuleDoc> docs;
    private final Map<String, SuppliedValues> supplied;
    private final List<TraitUse> traitUses;

    private RuleCatalog(Map<String, RuleDoc> docs, Map<String, SuppliedValues> supplied, List<TraitUse> traitUses) {
        this.docs = Collections.unmodifiableMap(docs);
        this.supplied = Collections.unmodifiableMap(supplied);
        this.traitUses = List.copyOf(traitUses);
    }

    /**
     * Reads the docs files of a rule tree.
     *
     * @param files     the rule tree (DRL files are skipped)
     * @param knowledge for checking source keys, goals and settings named in cases
     * @return the catalogue
     * @throws AdvisorException listing every malformed entry with {@code file:line:col}
     */
    public static RuleCatalog load(List<RuleFile> files, Knowledge knowledge) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleDoc> docs = new LinkedHashMap<>();
        Map<String, SuppliedValues> supplied = new LinkedHashMap<>();
        List<TraitUse> traits = new ArrayList<>();
        for (RuleFile f : files) {
            if (f.isDrl()) {
                SuppliedValues.read(f).forEach(supplied::putIfAbsent);
                traits.addAll(TraitUse.read(f));
                continue;
            }
            TomlNode root = TomlNode.parse(f.name(), f.text(), problems);
            root.allowOnly(Set.of("rule"));
            root.table("rule").ifPresent(t -> t.tables().forEach((id, n) -> {
                if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) n.problem(null, "rule id `" + id + "` must be kebab-case");
                n.allowOnly(Set.of("kind", "severity", "title", "message", "why", "fix", "parts", "known-problems", "sources", "case"));
                String kindLabel = n.string("kind");
                Optional<RuleDoc.Kind> kind = RuleDoc.Kind.of(kindLabel);
                if (!kindLabel.isEmpty() && kind.isEmpty()) {
                    n.problem("kind", "unknown rule kind `" + kindLabel + "`; expected one of "
                            + String.join(", ", Arrays.stream(RuleDoc.Kind.values()).map(RuleDoc.Kind::label).toList()));
                }
                String severityLabel = n.optString("severity").orElse("");
                Optional<Severity> severity = Arrays.stream(Severity.values()).filter(v -> v.label().equals(severityLabel)).findFirst();
                if (!severityLabel.isEmpty() && severity.isEmpty()) {
                    n.problem("severity", "unknown severity `" + severityLabel + "`; expected error, warning or note");
                }
                List<String> sources = n.strings("sources");
                for (String s : sources) {
                    if (!MessageTemplate.placeholders(s).isEmpty()) {
                        if (sources.stream().noneMatch(k -> !k.equals(s) && MessageTemplate.matches(s, k))) {
                            n.problem("sources", "source `" + s + "` names a value but matches none of the rule's other sources; "
                                    + "list the keys it picks from beside it");
                        }
                    } else if (!knowledge.sources().containsKey(s)) {
                        n.problem("sources", "unknown source `" + s + "`; define it in knowledge/sources.toml");
                    }
                }
                Map<String, RuleDoc.Position> positions = new LinkedHashMap<>();
                for (String field : List.of("message", "fix")) n.at(field).ifPresent(at -> positions.put(field, valueAt(f.text(), at)));
                Map<String, List<String>> parts = new LinkedHashMap<>();
                n.table("parts").ifPresent(pt -> {
                    for (String name : pt.keys()) {
                        if (!name.matches("[a-z]+(-[a-z]+)*")) {
                            pt.problem(name, "part `" + name + "` must be named in lowercase kebab-case, as `{" + name + "}` is");
                        }
                        List<String> alternatives = pt.stringOrStrings(name);
                        if (alternatives.isEmpty()) pt.problem(name, "part `" + name + "` of `" + id + "` has no text");
                        else parts.put(name, alternatives);
                        pt.at(name).ifPresent(at -> positions.put("parts." + name, valueAt(f.text(), at)));
                    }
                });
                List<RuleCase> cases = new ArrayList<>();
                for (TomlNode c : n.tableArray("case")) cases.add(readCase(id, f.name(), c, knowledge));
                // a missing or unknown kind is a problem above, so the catalogue is refused whatever stands in for it
                RuleDoc doc = new RuleDoc(id, kind.orElse(RuleDoc.Kind.NOTE), severity, n.string("title"), n.optString("message").orElse(""),
                        n.string("why"), n.optString("fix").orElse(""), parts, n.optString("known-problems").orElse(""),
                        sources, f.name(), n.line(), positions, cases);
                RuleDoc prev = docs.putIfAbsent(id, doc);
                if (prev != null) n.problem(null, "rule `" + id + "` is already documented at " + prev.file() + ":" + prev.line());
            }));
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        return new RuleCatalog(docs, supplied, traits);
    }

    /** The keys a case may have. */
    private static final List<String> CASE_KEYS = List.of("name", "goals", "profile", "inherits", "expect", "settings", "manifest",
            "config", "env", "files", "line", "column", "message", "message-contains", "host", "target-cpu", "rustflags", "linker");

    private static RuleCase readCase(String rule, String file, TomlNode c, Knowledge knowledge) {
        Set<String> misspelt = unknownCaseKeys(rule, c);
        String expectLabel = misspelt.contains("expect") ? c.optString("expect").orElse("") : c.string("expect");
        Optional<RuleCase.Expect> expect = RuleCase.Expect.of(expectLabel);
        if (!expectLabel.isEmpty() && expect.isEmpty()) {
            c.problem("expect", "`expect` must be `fires` or `silent`, found `" + expectLabel + "`");
        }
        List<String> goals = c.strings("goals");
        for (String g : goals) {
            String name = g.contains("=") ? g.substring(0, g.indexOf('=')) : g;
            if (knowledge.goal(name).isEmpty()) c.problem("goals", "unknown goal `" + name + "` in a case of `" + rule + "`");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        c.table("settings").ifPresent(s -> {
            for (String key : s.keys()) {
                String value = s.string(key);
                // `package.*.opt-level`, `package.insta.opt-level`: a line of an override table
                String bare = key.startsWith("package.") && key.lastIndexOf('.') > "package.".length() ? key.substring(key.lastIndexOf('.') + 1) : key;
                var setting = knowledge.setting(bare);
                if (setting.isEmpty()) s.problem(key, "unknown setting `" + key + "` (an override table's line is written `package.*.KEY` or `package.NAME.KEY`)");
                else if (setting.get().value(value).isEmpty()) s.problem(key, "`" + value + "` is not a value id of `" + key + "`");
                settings.put(key, value);
            }
        });
        String manifest = c.optString("manifest").orElse("");
        if (goals.isEmpty() && manifest.isEmpty() && !misspelt.contains("goals") && !misspelt.contains("manifest")) c.problem(null, "a case needs `goals` (recommend) or `manifest` (audit)");
        String message = c.optString("message").orElse("");
        String messageContains = c.optString("message-contains").orElse("");
        for (String field : List.of("line", "column")) {
            if (c.has(field) && manifest.isEmpty()) c.problem(field, "`" + field + "` is for audit cases, which have a `manifest`");
        }
        for (String field : List.of("host", "target-cpu", "rustflags", "linker")) {
            if (c.has(field) && !manifest.isEmpty()) c.problem(field, "`" + field + "` is for recommend cases, which have no `manifest`");
        }
        Map<String, String> host = new LinkedHashMap<>();
        c.table("host").ifPresent(h -> {
            for (String key : h.keys()) {
                switch (key) {
                    case "triple", "rustc", "cc" -> host.put(key, h.string(key));
                    case "programs" -> host.put(key, String.join(" ", h.strings(key)));
                    default -> h.problem(key, "unknown key `" + key + "` in a case's `host`; it may have triple, rustc, programs, cc");
                }
            }
            if (!host.containsKey("triple")) h.problem(null, "a case's `host` needs a `triple`");
        });
        if (c.has("message") && c.has("message-contains")) {
            c.problem("message-contains", "give `message` (the whole message) or `message-contains` (a part of it), not both");
        }
        if (expect.orElse(null) == RuleCase.Expect.SILENT) {
            for (String field : List.of("message", "message-contains")) {
                if (c.has(field)) c.problem(field, "a case that expects `silent` has no message to check; remove `" + field + "`");
            }
        }
        for (String field : List.of("message", "message-contains")) {
            if (c.has(field) && c.optString(field).orElse("").isEmpty()) c.problem(field, "`" + field + "` is empty");
        }
        for (String field : List.of("line", "column")) {
            c.optInteger(field).ifPresent(n -> {
                if (n < 1) c.problem(field, "`" + field + "` must be 1 or more, found `" + n + "`");
                else if (n > Integer.MAX_VALUE) c.problem(field, "`" + field + "` is out of range: `" + n + "` is more than " + Integer.MAX_VALUE);
            });
        }
        Map<String, String> files = stringTable(c, "files");
        c.table("files").ifPresent(t -> files.keySet().removeIf(path -> RuleCase.outsideScratch(path).map(why -> {
            t.problem(path, "`files` entry `" + path + "` of a case of `" + rule + "` " + why
                    + ": name a file inside the case's directory, such as `src/lib.rs` or `member/Cargo.toml`");
            return true;
        }).orElse(false)));
        boolean silent = expect.orElse(null) == RuleCase.Expect.SILENT; // reported above when it has a message
        return new RuleCase(rule, misspelt.contains("name") ? c.optString("name").orElse("") : c.string("name"), file, c.line(), goals, c.optString("profile").orElse(""),
                c.optString("inherits").orElse(""), expect.orElse(RuleCase.Expect.FIRES), settings, manifest, c.optString("config").orElse(""),
                stringTable(c, "env"), files, position(c, "line"), position(c, "column"), silent ? "" : message,
                silent || c.has("message") ? "" : messageContains, host, c.optString("target-cpu").orElse(""),
                c.has("rustflags") ? c.strings("rustflags") : List.of(), c.optString("linker").orElse(""));
    }

    /**
     * Reports every key a case may not have, with the key it resembles when one is close, and returns the keys so
     * resembled that the case lacks: a misspelt {@code expect} is one mistake, not also a missing {@code expect}.
     */
    private static Set<String> unknownCaseKeys(String rule, TomlNode c) {
        Set<String> misspelt = new java.util.HashSet<>();
        for (String key : c.keys()) {
            if (CASE_KEYS.contains(key)) continue;
            Optional<String> closest = dev.profileadvisor.knowledge.Suggestions.closest(key, CASE_KEYS);
            closest.filter(k -> !c.has(k)).ifPresent(misspelt::add);
            c.problem(key, "unknown key `" + key + "` in a case of `" + rule + "`" + closest.map(k -> "; did you mean `" + k + "`?")
                    .orElse("; a case may have " + String.join(", ", CASE_KEYS.stream().sorted().toList())));
        }
        return misspelt;
    }

    /** Where the value of a {@code key = value} line starts, from where its key starts. */
    private static RuleDoc.Position valueAt(String text, TomlNode.At key) {
        String[] lines = text.split("\n", -1);
        if (key.line() < 1 || key.line() > lines.length) return new RuleDoc.Position(Math.max(key.line(), 1), Math.max(key.column(), 1));
        String line = lines[key.line() - 1];
        char quote = 0;
        for (int i = Math.max(key.column() - 1, 0); i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '=') {
                int v = i + 1;
                while (v < line.length() && (line.charAt(v) == ' ' || line.charAt(v) == '\t')) v++;
                return new RuleDoc.Position(key.line(), v + 1);
            }
        }
        return new RuleDoc.Position(key.line(), Math.max(key.column(), 1));
    }

    /** A case's {@code line} or {@code column}: 0 when absent or refused above (so the case is never run). */
    private static int position(TomlNode c, String field) {
        return c.optInteger(field).filter(n -> n >= 1 && n <= Integer.MAX_VALUE).map(Long::intValue).orElse(0);
    }

    private static Map<String, String> stringTable(TomlNode c, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        c.table(key).ifPresent(t -> t.keys().forEach(k -> out.put(k, t.string(k))));
        return out;
    }

    /** @return rule id → the values its consequence passes to its templates, for every DRL rule, in file order */
    public Map<String, SuppliedValues> supplied() {
        return supplied;
    }

    /** @return every trait literal a DRL condition matches, in file order */
    public List<TraitUse> traitUses() {
        return traitUses;
    }

    /** @return rule id → docs, in file order */
    public Map<String, RuleDoc> docs() {
        return docs;
    }
}
