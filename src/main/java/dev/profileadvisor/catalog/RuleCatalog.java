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
            String[] lines = f.text().split("\n", -1); // once per file: a position is looked up for every template
            for (Section section : sections(f.text())) {
                List<Problem> found = new ArrayList<>();
                TomlNode root = TomlNode.parse(f.name(), section.text(), found);
                readRules(f, lines, root, section.offset(), knowledge, docs);
                for (Problem p : found) {
                    problems.add(p.line() > 0 ? new Problem(p.file(), p.line() + section.offset(), p.column(), p.message()) : p);
                }
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
        return new RuleCatalog(docs, supplied, traits);
    }

    /** Reads the rules documented in one section of a docs file, whose first line is line {@code offset + 1} of it. */
    private static void readRules(RuleFile f, String[] lines, TomlNode root, int offset, Knowledge knowledge, Map<String, RuleDoc> docs) {
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
            for (String field : List.of("message", "fix")) n.at(field).ifPresent(at -> positions.put(field, valueAt(lines, shifted(at, offset))));
            Map<String, List<String>> parts = new LinkedHashMap<>();
            n.table("parts").ifPresent(pt -> {
                for (String name : pt.keys()) {
                    if (!name.matches("[a-z]+(-[a-z]+)*")) {
                        pt.problem(name, "part `" + name + "` must be named in lowercase kebab-case, as `{" + name + "}` is");
                    }
                    List<String> alternatives = pt.stringOrStrings(name);
                    if (alternatives.isEmpty()) pt.problem(name, "part `" + name + "` of `" + id + "` has no text");
                    else parts.put(name, alternatives);
                    pt.at(name).ifPresent(at -> positions.put("parts." + name, valueAt(lines, shifted(at, offset))));
                }
            });
            List<RuleCase> cases = new ArrayList<>();
            for (TomlNode c : n.tableArray("case")) cases.add(readCase(id, f.name(), c, offset, knowledge));
            // a missing or unknown kind is a problem above, so the catalogue is refused whatever stands in for it
            RuleDoc doc = new RuleDoc(id, kind.orElse(RuleDoc.Kind.NOTE), severity, n.string("title"), n.optString("message").orElse(""),
                    n.string("why"), n.optString("fix").orElse(""), parts, n.optString("known-problems").orElse(""),
                    sources, f.name(), n.line() + offset, positions, cases);
            RuleDoc prev = docs.putIfAbsent(id, doc);
            if (prev != null) n.problem(null, "rule `" + id + "` is already documented at " + prev.file() + ":" + prev.line());
        }));
    }

    private static TomlNode.At shifted(TomlNode.At at, int offset) {
        return new TomlNode.At(at.line() + offset, at.column());
    }

    /**
     * A part of a docs file parsed on its own: all the tables of one rule ({@code [rule.ID]}, its
     * {@code [[rule.ID.case]]}s and sub-tables), or the whole file.
     *
     * @param offset how many lines of the file come before it
     * @param text   its text
     */
    record Section(int offset, String text) {
    }

    /**
     * A docs file cut into one section per rule, so that each is parsed on its own. tomlj keeps a parse tree of
     * every character of a string, so a 1.8 MB sidecar of 10,000 rules takes more than the launcher's 256 MB heap
     * in one piece, and a few kilobytes in pieces. A table header starts a section when it belongs to another rule
     * than the one before; headers inside multi-line strings (a case's manifest) are text, not headers. When the
     * cut could change what the file means (keys before the first header, a header outside {@code rule.ID}, the
     * tables of one rule in two places), the file is one section, parsed as before.
     */
    static List<Section> sections(String text) {
        List<Section> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        String current = null;
        int start = 0;
        int startLine = 0;
        int line = 0;
        String open = null; // the delimiter of the multi-line string a line is in, if any
        int at = 0;
        while (at < text.length()) {
            int eol = text.indexOf('\n', at);
            int next = eol < 0 ? text.length() : eol + 1;
            String l = text.substring(at, eol < 0 ? text.length() : eol);
            int from = 0;
            if (open != null) {
                int close = closing(l, 0, open);
                if (close < 0) {
                    at = next;
                    line++;
                    continue;
                }
                open = null;
                from = close;
            } else {
                String trimmed = l.strip();
                if (trimmed.startsWith("[")) {
                    String owner = ruleOf(trimmed);
                    if (owner == null) return List.of(new Section(0, text));
                    if (!owner.equals(current)) {
                        if (!seen.add(owner)) return List.of(new Section(0, text));
                        if (current != null) out.add(new Section(startLine, text.substring(start, at)));
                        else if (!onlyComments(text.substring(0, at))) return List.of(new Section(0, text));
                        current = owner;
                        start = at;
                        startLine = line;
                    }
                }
            }
            open = opensMultiLine(l, from);
            at = next;
            line++;
        }
        if (current == null) return List.of(new Section(0, text));
        out.add(new Section(startLine, text.substring(start)));
        return out;
    }

    /** The rule a table header belongs to ({@code [rule.ID…]} or {@code [[rule.ID.…]]}), or null for any other header. */
    private static String ruleOf(String header) {
        String h = header.startsWith("[[") ? header.substring(2) : header.substring(1);
        int close = h.indexOf(']');
        if (close < 0) return null;
        String key = h.substring(0, close).strip();
        if (!key.startsWith("rule.")) return null;
        String rest = key.substring("rule.".length()).strip();
        int dot = rest.indexOf('.');
        String id = (dot < 0 ? rest : rest.substring(0, dot)).strip();
        return id.matches("[A-Za-z0-9_-]+") ? id : null; // a quoted or odd key: parse the file whole
    }

    private static boolean onlyComments(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    /**
     * Scans a line from {@code from}, outside any string, over one-line strings and up to a comment.
     *
     * @return the delimiter of a multi-line string left open at the end of the line, or null
     */
    private static String opensMultiLine(String l, int from) {
        int i = from;
        while (i < l.length()) {
            char c = l.charAt(i);
            if (c == '#') return null;
            if (c == '"' || c == '\'') {
                String triple = String.valueOf(c).repeat(3);
                if (l.startsWith(triple, i)) {
                    int close = closing(l, i + 3, triple);
                    if (close < 0) return triple;
                    i = close;
                    continue;
                }
                int j = i + 1;
                while (j < l.length() && l.charAt(j) != c) j += c == '"' && l.charAt(j) == '\\' ? 2 : 1;
                i = j + 1;
                continue;
            }
            i++;
        }
        return null;
    }

    /** Where the text after the delimiter closing a multi-line string starts, or -1 when the line does not close it. */
    private static int closing(String l, int from, String delimiter) {
        for (int i = from; i <= l.length() - 3; i++) {
            if (delimiter.charAt(0) == '"' && l.charAt(i) == '\\') {
                i++;
                continue;
            }
            if (l.startsWith(delimiter, i)) {
                int end = i + 3;
                while (end < l.length() && end < i + 5 && l.charAt(end) == delimiter.charAt(0)) end++; // up to two quotes end the text
                return end;
            }
        }
        return -1;
    }

    /** The keys a case may have. */
    private static final List<String> CASE_KEYS = List.of("name", "goals", "profile", "inherits", "expect", "settings", "manifest",
            "config", "env", "files", "line", "column", "message", "message-contains", "host", "target-cpu", "rustflags", "linker", "measured");

    private static RuleCase readCase(String rule, String file, TomlNode c, int offset, Knowledge knowledge) {
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
        for (String field : List.of("host", "target-cpu", "rustflags", "linker", "measured")) {
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
        return new RuleCase(rule, misspelt.contains("name") ? c.optString("name").orElse("") : c.string("name"), file, c.line() + offset, goals, c.optString("profile").orElse(""),
                c.optString("inherits").orElse(""), expect.orElse(RuleCase.Expect.FIRES), settings, manifest, c.optString("config").orElse(""),
                stringTable(c, "env"), files, position(c, "line"), position(c, "column"), silent ? "" : message,
                silent || c.has("message") ? "" : messageContains, host, c.optString("target-cpu").orElse(""),
                c.has("rustflags") ? c.strings("rustflags") : List.of(), c.optString("linker").orElse(""), stringTable(c, "measured"));
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
    private static RuleDoc.Position valueAt(String[] lines, TomlNode.At key) {
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
