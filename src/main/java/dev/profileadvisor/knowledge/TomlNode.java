package dev.profileadvisor.knowledge;

import dev.profileadvisor.Problem;
import dev.profileadvisor.toml.TomlText;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A TOML table read strictly: typed getters that record a {@link Problem} with {@code file:line:col} instead of
 * throwing, and a check that no unknown key is present. Shared by the knowledge loader and the rule-doc loader.
 */
public final class TomlNode {
    private final String file;
    private final TomlTable table;
    private final String path;
    private final TomlPosition position;
    private final List<Problem> problems;

    /** The document the table is part of: tomlj's positions are mapped through it. */
    private final TomlText doc;

    private TomlNode(String file, TomlText doc, TomlTable table, String path, TomlPosition position, List<Problem> problems) {
        this.doc = doc;
        this.file = file;
        this.table = table;
        this.path = path;
        this.position = position;
        this.problems = problems;
    }

    /**
     * Parses a whole file; syntax errors become problems and an empty node is returned.
     *
     * @param file     file name for messages
     * @param text     file content
     * @param problems where problems are added
     * @return the root table
     */
    public static TomlNode parse(String file, String text, List<Problem> problems) {
        TomlText result = TomlText.parse(text);
        result.errors().forEach(e -> problems.add(new Problem(file, e.line(), e.column(), lowerFirst(e.message()))));
        TomlTable root = result.hasErrors() ? TomlText.parse("").table() : result.table();
        return new TomlNode(file, result, root, "", TomlPosition.positionAt(1, 1), problems);
    }

    /** @return the file name used in messages */
    public String file() {
        return file;
    }

    /** @return the dotted path of this table, e.g. {@code setting.lto} */
    public String path() {
        return path;
    }

    /** @return the keys of this table in file order */
    public Set<String> keys() {
        return table.keySet();
    }

    /**
     * @param key a key of this table
     * @return whether it is present
     */
    public boolean has(String key) {
        return table.contains(List.of(key));
    }

    /**
     * Records a problem at a key of this table (or at the table when the key is absent).
     *
     * @param key     the key
     * @param message what is wrong
     */
    public void problem(String key, String message) {
        TomlPosition p = key == null || !has(key) ? position : doc.position(table.inputPositionOf(List.of(key)));
        if (p == null) p = position;
        add(new Problem(file, p.line(), p.column(), message));
    }

    /** Records a problem once: a value read twice (by two checks of the same key) is still one mistake. */
    private void add(Problem p) {
        if (!problems.contains(p)) problems.add(p);
    }

    /**
     * Where something is in the file.
     *
     * @param line   1-based line
     * @param column 1-based column
     */
    public record At(int line, int column) {
    }

    /**
     * @param key a key of this table
     * @return where the key is written (its first character), or empty when it is absent
     */
    public Optional<At> at(String key) {
        if (!has(key)) return Optional.empty();
        TomlPosition p = doc.position(table.inputPositionOf(List.of(key)));
        return p == null ? Optional.empty() : Optional.of(new At(p.line(), p.column()));
    }

    /**
     * @param key key
     * @return a string as a list of one, an array of strings as it is, empty when absent; a problem for anything else
     */
    public List<String> stringOrStrings(String key) {
        if (!has(key)) return List.of();
        Object v = table.get(List.of(key));
        if (v instanceof String s) return List.of(s);
        if (v instanceof TomlArray) return strings(key);
        problem(key, "`" + qualified(key) + "` must be a string or an array of strings, found " + typeName(v));
        return List.of();
    }

    /** @return line of this table's first key (1 when unknown) */
    public int line() {
        return position.line();
    }

    /**
     * Records a problem for every key not in {@code allowed}.
     *
     * @param allowed the keys this table may have
     */
    public void allowOnly(Set<String> allowed) {
        for (String k : table.keySet()) {
            if (!allowed.contains(k)) {
                problem(k, "unknown key `" + qualified(k) + "`; expected one of " + String.join(", ", sorted(allowed)));
            }
        }
    }

    /**
     * @param key key
     * @return the string, or a problem and {@code ""} when missing or not a string
     */
    public String string(String key) {
        return optString(key).orElseGet(() -> {
            if (!has(key)) problem(null, "missing `" + qualified(key) + "` (a string)");
            return "";
        });
    }

    /**
     * @param key key
     * @return the string if present; a problem when present but not a string
     */
    public Optional<String> optString(String key) {
        if (!has(key)) return Optional.empty();
        Object v = table.get(List.of(key));
        if (v instanceof String s) return Optional.of(s);
        problem(key, "`" + qualified(key) + "` must be a string, found " + typeName(v));
        return Optional.empty();
    }

    /**
     * @param key key
     * @param dflt value when absent
     * @return the boolean, or {@code dflt}; a problem when present but not a boolean
     */
    public boolean bool(String key, boolean dflt) {
        if (!has(key)) return dflt;
        Object v = table.get(List.of(key));
        if (v instanceof Boolean b) return b;
        problem(key, "`" + qualified(key) + "` must be a boolean, found " + typeName(v));
        return dflt;
    }

    /**
     * @param key key
     * @return the integer if present; a problem when present but not an integer
     */
    public Optional<Long> optInteger(String key) {
        if (!has(key)) return Optional.empty();
        Object v = table.get(List.of(key));
        if (v instanceof Long l) return Optional.of(l);
        problem(key, "`" + qualified(key) + "` must be an integer, found " + typeName(v));
        return Optional.empty();
    }

    /**
     * @param key key
     * @return the number (an integer or a float) if present; a problem when present but not a number
     */
    public Optional<Double> optDouble(String key) {
        if (!has(key)) return Optional.empty();
        Object v = table.get(List.of(key));
        if (v instanceof Long l) return Optional.of(l.doubleValue());
        if (v instanceof Double d && Double.isFinite(d)) return Optional.of(d);
        problem(key, "`" + qualified(key) + "` must be a number, found " + typeName(v));
        return Optional.empty();
    }

    /**
     * @param key key
     * @return the array of strings, empty when absent; a problem for anything else
     */
    public List<String> strings(String key) {
        if (!has(key)) return List.of();
        Object v = table.get(List.of(key));
        if (!(v instanceof TomlArray a)) {
            problem(key, "`" + qualified(key) + "` must be an array of strings, found " + typeName(v));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof String s) out.add(s);
            else {
                TomlPosition p = doc.positionOf(a, i);
                add(new Problem(file, p.line(), p.column(), "`" + qualified(key) + "` must hold only strings, found "
                        + typeName(a.get(i))));
            }
        }
        return out;
    }

    /**
     * @param key key
     * @return the sub-table, or empty (with a problem if present but not a table)
     */
    public Optional<TomlNode> table(String key) {
        if (!has(key)) return Optional.empty();
        Object v = table.get(List.of(key));
        if (v instanceof TomlTable t) {
            return Optional.of(new TomlNode(file, doc, t, qualified(key), doc.position(table.inputPositionOf(List.of(key))), problems));
        }
        problem(key, "`" + qualified(key) + "` must be a table, found " + typeName(v));
        return Optional.empty();
    }

    /**
     * Every sub-table of this table, in file order, keyed by name (e.g. each {@code [setting.X]}).
     *
     * @return name → node; non-table entries are problems
     */
    public Map<String, TomlNode> tables() {
        Map<String, TomlNode> out = new LinkedHashMap<>();
        for (String k : table.keySet()) table(k).ifPresent(n -> out.put(k, n));
        return out;
    }

    /**
     * @param key key of an array of tables ({@code [[x]]})
     * @return its tables in order; a problem when present but not an array of tables
     */
    public List<TomlNode> tableArray(String key) {
        if (!has(key)) return List.of();
        Object v = table.get(List.of(key));
        if (!(v instanceof TomlArray a) || (!a.isEmpty() && !a.isTable(0))) {
            problem(key, "`" + qualified(key) + "` must be an array of tables (`[[" + qualified(key) + "]]`), found "
                    + typeName(v));
            return List.of();
        }
        List<TomlNode> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(new TomlNode(file, doc, a.getTable(i), qualified(key) + "[" + i + "]", doc.positionOf(a, i), problems));
        }
        return out;
    }

    /**
     * @param key a key of this table
     * @return the key prefixed with this table's path
     */
    public String qualified(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * @param v a value tomlj returned
     * @return how TOML calls its type
     */
    public static String typeName(Object v) {
        if (v instanceof String s) return "the string `\"" + s + "\"`";
        if (v instanceof Long l) return "the integer `" + l + "`";
        if (v instanceof Double d) return "the float `" + d + "`";
        if (v instanceof Boolean b) return "the boolean `" + b + "`";
        if (v instanceof TomlArray) return "an array";
        if (v instanceof TomlTable) return "a table";
        return TomlText.typeName(v);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
