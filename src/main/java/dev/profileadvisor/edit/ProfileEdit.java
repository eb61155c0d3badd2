package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.edit.TomlScanner.Segment;
import dev.profileadvisor.edit.TomlScanner.Statement;
import dev.profileadvisor.manifest.Literals;
import dev.profileadvisor.manifest.ManifestReader;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sets keys of one {@code [profile.NAME]} in a {@code Cargo.toml} text, changing nothing else: every byte outside
 * the values it replaces and the lines it inserts stays as it was (comments, blank lines, key order, quoting,
 * {@code \r\n} newlines, a missing final newline).
 *
 * <p>How: tomlj parses the text (and reports TOML errors); a small scanner finds each statement's key and value
 * spans; every statement the edit relies on is checked against tomlj's position for its key; the edit replaces
 * value spans and inserts whole lines; and the result is parsed again and must equal the original document with
 * exactly the asked values set, or nothing is returned.
 *
 * <ul>
 *   <li>A key already written with the same text is left alone; one written differently has its value replaced in
 *       place (a comment after it stays); one spanning several lines is refused.</li>
 *   <li>{@code [profile.NAME]} table: new keys go on new lines after the table's last key/value line (so blank lines
 *       and comments before the next table stay with it), indented like that line; {@code inherits} goes first,
 *       right after the header. Sub-tables ({@code [profile.NAME.package.x]}) are not touched.</li>
 *   <li>Dotted keys ({@code profile.NAME.lto = …} at the top level, or {@code NAME.lto = …} under {@code [profile]}):
 *       new keys are written the same way, after the last of them.</li>
 *   <li>A profile not in the file: dotted keys after the other profiles' when the file writes profiles that way,
 *       else a {@code [profile.NAME]} table at the end of the file, after a blank line.</li>
 *   <li>Inline tables ({@code profile = { … }}, {@code release = { … }} under {@code [profile]}) and arrays of tables
 *       are refused with their location.</li>
 *   <li>Inserted lines use the newline most lines of the file use. A file without a final newline still has none:
 *       lines inserted after its last line go before the end.</li>
 * </ul>
 */
public final class ProfileEdit {
    private ProfileEdit() {
    }

    /**
     * @param text     the file's text
     * @param display  the file's name in messages
     * @param profile  the profile ({@code release}, {@code profiling})
     * @param inherits the profile's parent, for a custom profile; written first
     * @param keys     key → TOML literal ({@code "fat"}, {@code 1}, {@code false}), in the order to add them
     * @return the edited text and what changed
     * @throws AdvisorException when the text is not valid TOML (every error with line and column), or the profile
     *                          is written in a way the editor refuses to touch (with where and what to do)
     * @throws IllegalArgumentException for a key that is not a bare key or a literal that is not a TOML value
     * @throws IllegalStateException    when the edit would not produce exactly the asked document (a bug: nothing
     *                                  is returned, so nothing can be written)
     */
    public static EditResult apply(String text, String display, String profile, Optional<String> inherits,
                                   Map<String, String> keys) {
        Map<String, String> want = new LinkedHashMap<>();
        inherits.ifPresent(p -> want.put("inherits", Literals.toml(p)));
        keys.forEach((k, v) -> {
            if (k.isEmpty() || !k.chars().allMatch(c -> TomlScanner.isBare((char) c))) {
                throw new IllegalArgumentException("not a bare key: " + k);
            }
            if (Literals.parse(v) == null) throw new IllegalArgumentException("not a TOML value: " + v);
            if (want.putIfAbsent(k, v) != null) throw new IllegalArgumentException("key given twice: " + k);
        });
        TomlParseResult before = ManifestReader.parseText(text, display);
        return new Edit(text, display, profile, before, want).run();
    }

    /** One edit in progress. */
    private static final class Edit {
        private final String text;
        private final String display;
        private final String profile;
        private final List<String> tablePath;
        private final TomlParseResult before;
        private final Map<String, String> want;
        private final TextLines lines;
        private final String newline;
        private final List<Statement> statements;
        private final List<Splice> splices = new ArrayList<>();
        private final Map<Integer, List<String>> insertions = new LinkedHashMap<>();
        private final List<String[]> changed = new ArrayList<>(); // key, was (or null), now

        Edit(String text, String display, String profile, TomlParseResult before, Map<String, String> want) {
            this.text = text;
            this.display = display;
            this.profile = profile;
            this.tablePath = List.of("profile", profile);
            this.before = before;
            this.want = want;
            this.lines = new TextLines(text);
            this.newline = lines.newline();
            try {
                this.statements = TomlScanner.scan(text);
            } catch (TomlScanner.ScanException e) {
                throw new IllegalStateException("cannot follow the layout of " + display + " (" + e.getMessage()
                        + ") although tomlj parses it; nothing was changed", e);
            }
        }

        EditResult run() {
            refuseUnsupportedLayouts();
            Map<String, Statement> existing = new LinkedHashMap<>();
            for (Statement st : statements) {
                if (st.isHeader()) continue;
                List<String> path = st.path();
                if (path.size() == 3 && path.subList(0, 2).equals(tablePath) && want.containsKey(path.get(2))) {
                    existing.put(path.get(2), checked(st));
                }
            }
            List<String> missing = new ArrayList<>();
            for (Map.Entry<String, String> w : want.entrySet()) {
                Statement st = existing.get(w.getKey());
                if (st == null) {
                    missing.add(w.getKey());
                    continue;
                }
                String was = text.substring(st.valueStart(), st.valueEnd());
                if (was.equals(w.getValue())) continue;
                if (was.indexOf('\n') >= 0) {
                    throw refusal(st.start(), "`" + w.getKey() + "` in `[profile." + profile + "]` spans several lines; apply changes "
                            + "only one-line values, so nothing was changed: set `" + w.getKey() + " = " + w.getValue() + "` by hand");
                }
                splices.add(new Splice(st.valueStart(), st.valueEnd(), w.getValue()));
                changed.add(new String[]{w.getKey(), was, w.getValue()});
            }
            EditResult.Layout layout = missing.isEmpty() ? layoutOfExisting(!existing.isEmpty()) : insert(missing);
            if (splices.isEmpty() && insertions.isEmpty()) return new EditResult(text, List.of(), layout);
            String result = splice();
            return new EditResult(result, verify(result), layout);
        }

        private EditResult.Layout layoutOfExisting(boolean someKeyWritten) {
            if (header().isPresent()) return EditResult.Layout.TABLE;
            return someKeyWritten || lastDotted(true) != null ? EditResult.Layout.DOTTED : EditResult.Layout.NEW;
        }

        private void refuseUnsupportedLayouts() {
            for (Statement st : statements) {
                List<String> path = st.path();
                boolean ours = path.equals(List.of("profile")) || path.equals(tablePath);
                if (!ours) continue;
                String name = String.join(".", path);
                if (st.isHeader() && st.arrayTable()) {
                    throw refusal(st.start(), "`[[" + name + "]]` is an array of tables, which cargo does not accept; "
                            + "nothing was changed: make it a `[" + name + "]` table");
                }
                if (st.isHeader()) continue;
                String value = text.substring(st.valueStart(), st.valueEnd());
                if (value.startsWith("{")) {
                    throw refusal(st.start(), "`" + name + "` is an inline table (`" + text.substring(st.start(), st.key().get(st.key().size() - 1).end())
                            + " = { … }`), which apply does not edit; nothing was changed: write it as `[profile." + profile
                            + "]` (a table per profile), or set " + wanted() + " by hand");
                }
                throw refusal(st.start(), "`" + name + "` is `" + value.lines().findFirst().orElse(value) + "`, not a table; "
                        + "nothing was changed: cargo expects `[" + name + "]`");
            }
        }

        private String wanted() {
            return want.entrySet().stream().map(e -> "`" + e.getKey() + " = " + e.getValue() + "`").collect(Collectors.joining(", "));
        }

        private Optional<Integer> header() {
            for (int i = 0; i < statements.size(); i++) {
                Statement st = statements.get(i);
                if (st.isHeader() && !st.arrayTable() && st.path().equals(tablePath)) return Optional.of(i);
            }
            return Optional.empty();
        }

        /** Adds the missing keys as new lines; returns the layout that decided where. */
        private EditResult.Layout insert(List<String> missing) {
            Optional<Integer> header = header();
            if (header.isPresent()) {
                int h = header.get();
                Statement head = checkedHeader(statements.get(h));
                Statement last = null;
                for (int i = h + 1; i < statements.size() && !statements.get(i).isHeader(); i++) last = statements.get(i);
                int afterHeader = lines.lineOf(head.end());
                int afterKeys = last == null ? afterHeader : lines.lineOf(checked(last).end());
                String indent = last == null ? "" : indentOf(last);
                for (String key : missing) {
                    add(key.equals("inherits") ? afterHeader : afterKeys, indent + key + " = " + want.get(key), key);
                }
                return EditResult.Layout.TABLE;
            }
            Statement own = lastDotted(true);
            if (own != null) {
                int nameAt = own.table().isEmpty() ? 1 : 0;
                String prefix = text.substring(own.start(), own.key().get(nameAt + 1).start());
                for (String key : missing) add(lines.lineOf(own.end()), indentOf(own) + prefix + key + " = " + want.get(key), key);
                return EditResult.Layout.DOTTED;
            }
            Statement other = statements.stream().anyMatch(st -> st.isHeader() && startsWith(st.path(), tablePath))
                    ? null : lastDotted(false);
            if (other != null) {
                int nameAt = other.table().isEmpty() ? 1 : 0;
                Segment name = other.key().get(nameAt);
                String prefix = text.substring(other.start(), name.start()) + keyText(profile)
                        + text.substring(name.end(), other.key().get(nameAt + 1).start());
                for (String key : missing) add(lines.lineOf(other.end()), indentOf(other) + prefix + key + " = " + want.get(key), key);
                return EditResult.Layout.NEW;
            }
            appendTable(missing);
            return EditResult.Layout.NEW;
        }

        /**
         * The last key/value statement that writes a profile with dotted keys from the top level or {@code [profile]}:
         * of this profile ({@code own}) or of any profile.
         */
        private Statement lastDotted(boolean own) {
            Statement found = null;
            for (Statement st : statements) {
                if (st.isHeader() || st.table().size() > 1 || st.arrayTable()) continue;
                List<String> path = st.path();
                if (path.size() < 3 || !path.get(0).equals("profile")) continue;
                if (own && !path.get(1).equals(profile)) continue;
                found = st;
            }
            return found == null ? null : checked(found);
        }

        private void appendTable(List<String> missing) {
            List<String> block = new ArrayList<>();
            block.add("[profile." + keyText(profile) + "]");
            for (String key : missing) block.add(key + " = " + want.get(key));
            for (String key : missing) changed.add(new String[]{key, null, want.get(key)});
            if (text.isEmpty()) {
                splices.add(new Splice(0, 0, String.join(newline, block) + newline));
                return;
            }
            int last = text.endsWith("\n") ? lines.count() - 1 : lines.count(); // the last line with content or blanks
            if (!lines.blank(last)) block.add(0, "");
            insertions.computeIfAbsent(last, k -> new ArrayList<>()).addAll(block);
        }

        private void add(int afterLine, String line, String key) {
            insertions.computeIfAbsent(afterLine, k -> new ArrayList<>()).add(line);
            changed.add(new String[]{key, null, want.get(key)});
        }

        private String indentOf(Statement st) {
            int from = lines.start(lines.lineOf(st.start()));
            String indent = text.substring(from, st.start());
            return indent.isBlank() ? indent : "";
        }

        /** The statement, after checking that tomlj puts its key where the scanner found it. */
        private Statement checked(Statement st) {
            TomlPosition p = before.inputPositionOf(st.path());
            int line = lines.lineOf(st.start());
            int column = lines.columnOf(st.start());
            if (p == null || p.line() != line || p.column() != column) {
                throw new IllegalStateException("cannot locate `" + String.join(".", st.path()) + "` in " + display
                        + " exactly (tomlj: " + (p == null ? "none" : p.line() + ":" + p.column()) + ", scanner: " + line
                        + ":" + column + "); nothing was changed");
            }
            return st;
        }

        private Statement checkedHeader(Statement st) {
            TomlPosition p = before.inputPositionOf(st.path());
            if (p == null || p.line() != lines.lineOf(st.start())) {
                throw new IllegalStateException("cannot locate `[" + String.join(".", st.path()) + "]` in " + display
                        + " exactly; nothing was changed");
            }
            return st;
        }

        private String splice() {
            for (Map.Entry<Integer, List<String>> ins : insertions.entrySet()) {
                int line = ins.getKey();
                StringBuilder s = new StringBuilder();
                if (lines.terminated(line)) {
                    ins.getValue().forEach(l -> s.append(l).append(newline));
                    splices.add(new Splice(lines.endWithTerminator(line), lines.endWithTerminator(line), s.toString()));
                } else {
                    ins.getValue().forEach(l -> s.append(newline).append(l));
                    splices.add(new Splice(text.length(), text.length(), s.toString()));
                }
            }
            List<Splice> ordered = new ArrayList<>(splices);
            ordered.sort(Comparator.comparingInt(Splice::start)); // stable: insertions at one offset keep their order
            StringBuilder out = new StringBuilder(text.length() + 256);
            int cursor = 0;
            for (Splice sp : ordered) {
                if (sp.start() < cursor) throw new IllegalStateException("overlapping edits in " + display + "; nothing was changed");
                out.append(text, cursor, sp.start()).append(sp.replacement());
                cursor = sp.end();
            }
            return out.append(text, cursor, text.length()).toString();
        }

        /** Parses the result and checks it is the original document with exactly the asked values set. */
        private List<Change> verify(String result) {
            TomlParseResult after = Toml.parse(result);
            if (after.hasErrors()) {
                throw new IllegalStateException("editing " + display + " would make it invalid TOML (" + after.errors().get(0)
                        + "); nothing was changed");
            }
            Map<String, Object> expected = plain(before);
            @SuppressWarnings("unchecked")
            Map<String, Object> profiles = (Map<String, Object>) expected.computeIfAbsent("profile", k -> new LinkedHashMap<>());
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) profiles.computeIfAbsent(profile, k -> new LinkedHashMap<>());
            want.forEach((k, v) -> table.put(k, Literals.parse(v)));
            if (!expected.equals(plain(after))) {
                throw new IllegalStateException("editing " + display + " would change more than `[profile." + profile
                        + "]` " + want.keySet() + "; nothing was changed");
            }
            List<Change> out = new ArrayList<>();
            for (String key : want.keySet()) {
                for (String[] c : changed) {
                    if (!c[0].equals(key)) continue;
                    TomlPosition p = Objects.requireNonNull(after.inputPositionOf(List.of("profile", profile, key)));
                    out.add(new Change(key, Optional.ofNullable(c[1]), c[2], p.line(), p.column()));
                }
            }
            return out;
        }

        private AdvisorException refusal(int offset, String message) {
            return new AdvisorException(new Problem(display, lines.lineOf(offset), lines.columnOf(offset), message));
        }
    }

    private record Splice(int start, int end, String replacement) {
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** A key as TOML writes it: bare when it can be, else quoted. */
    static String keyText(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> TomlScanner.isBare((char) c)) ? key : Literals.toml(key);
    }

    /** A TOML table as nested maps and lists, for comparing documents. */
    static Map<String, Object> plain(TomlTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : table.keySet()) out.put(key, plainValue(table.get(List.of(key))));
        return out;
    }

    private static Object plainValue(Object v) {
        if (v instanceof TomlTable t) return plain(t);
        if (v instanceof TomlArray a) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) out.add(plainValue(a.get(i)));
            return out;
        }
        return v;
    }
}
