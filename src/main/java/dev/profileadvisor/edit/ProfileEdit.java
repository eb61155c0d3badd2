package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.edit.TomlScanner.Segment;
import dev.profileadvisor.edit.TomlScanner.Statement;
import dev.profileadvisor.manifest.Literals;
import dev.profileadvisor.manifest.ManifestReader;
import dev.profileadvisor.toml.TomlText;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sets keys of profile tables ({@code [profile.NAME]} and its override tables {@code [profile.NAME.package."*"]},
 * {@code [profile.NAME.package.PKG]}, {@code [profile.NAME.build-override]}) in a {@code Cargo.toml} text, changing
 * nothing else: every byte outside the values it replaces and the lines it inserts stays as it was (comments, blank
 * lines, key order, quoting, {@code \r\n} newlines, a missing final newline).
 *
 * <p>How: tomlj parses the text (and reports TOML errors); a small scanner finds each statement's key and value
 * spans; every statement the edit relies on is checked against tomlj's position for its key; the edit replaces
 * value spans and inserts whole lines; and the result is parsed again and must equal the original document with
 * exactly the asked values set in every table, or nothing is returned.
 *
 * <ul>
 *   <li>A key already written with the same text is left alone; one written differently has its value replaced in
 *       place (a comment after it stays); one spanning several lines is refused.</li>
 *   <li>A table with its header ({@code [profile.NAME]}, {@code [profile.NAME.package.'*']}, however its keys are
 *       quoted): new keys go on new lines after the table's last key/value line (so blank lines and comments before
 *       the next table stay with it), indented like that line; {@code inherits} goes first, right after the
 *       header.</li>
 *   <li>A table written with dotted keys ({@code profile.NAME.lto = …} at the top level, {@code NAME.lto = …} under
 *       {@code [profile]}, {@code package."*".opt-level = …} under {@code [profile.NAME]}): new keys are written the
 *       same way, quoting included, after the last of them.</li>
 *   <li>A profile not in the file: dotted keys after the other profiles' when the file writes profiles that way,
 *       else a {@code [profile.NAME]} table at the end of the file, after a blank line.</li>
 *   <li>An override table not in the file: dotted keys the way the file writes its profile ({@code profile.NAME.…}
 *       at the top level, {@code NAME.…} under {@code [profile]}) or its profile's other override tables (dotted
 *       under {@code [profile.NAME]}); else a table after the last of its profile's tables (the profile's own
 *       first, when it is new too), separated from the one before by a blank line when the file's tables are.</li>
 *   <li>Inline tables ({@code profile = { … }}, {@code package = { … }} under {@code [profile.NAME]},
 *       {@code "*" = { … }} under {@code [profile.NAME.package]}) and arrays of tables on the way to a table the edit
 *       sets are refused with their location.</li>
 *   <li>Inserted lines use the newline most lines of the file use. A file without a final newline still has none:
 *       lines inserted after its last line go before the end.</li>
 * </ul>
 */
public final class ProfileEdit {
    private ProfileEdit() {
    }

    /**
     * Sets keys of one profile's own table: {@link #apply(String, String, List)} with one {@link TableEdit}.
     *
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
            TableEdit.checkKey(k, v);
            if (want.putIfAbsent(k, v) != null) throw new IllegalArgumentException("key given twice: " + k);
        });
        return apply(text, display, List.of(TableEdit.profile(profile, want)));
    }

    /**
     * Sets keys in several tables of one or more profiles at once.
     *
     * @param text    the file's text
     * @param display the file's name in messages
     * @param tables  the tables and their keys, each table once; a profile's own table may come before or after its
     *                override tables (it is written first either way when it is new)
     * @return the edited text and what changed
     * @throws AdvisorException when the text is not valid TOML (every error with line and column), or a table is
     *                          written in a way the editor refuses to touch (with where and what to do)
     * @throws IllegalArgumentException for no table, or a table given twice
     * @throws IllegalStateException    when the edit would not produce exactly the asked document (a bug: nothing
     *                                  is returned, so nothing can be written)
     */
    public static EditResult apply(String text, String display, List<TableEdit> tables) {
        if (tables.isEmpty()) throw new IllegalArgumentException("no table to edit");
        Set<List<String>> seen = new HashSet<>();
        for (TableEdit t : tables) {
            if (!seen.add(t.path())) throw new IllegalArgumentException("table given twice: [" + t.name() + "]");
        }
        TomlText before = ManifestReader.parseText(text, display);
        return new Edit(text, display, before, tables).run();
    }

    /** One table of an edit in progress. */
    private static final class Target {
        final TableEdit edit;
        final List<String> path;
        final Map<String, String> want = new LinkedHashMap<>(); // inherits first
        final Map<String, String[]> changed = new LinkedHashMap<>(); // key → {was (or null), now}
        final List<String> missing = new ArrayList<>();
        EditResult.Layout layout;

        Target(TableEdit edit) {
            this.edit = edit;
            this.path = edit.path();
            String inherits = edit.keys().get("inherits");
            if (inherits != null) want.put("inherits", inherits);
            want.putAll(edit.keys());
        }

        String name() {
            return edit.name();
        }

        List<String> profileTable() {
            return path.subList(0, 2);
        }
    }

    /**
     * How a table is written in the file: with its header (and the last statement of its section, if any), or with
     * dotted keys (the last of them, from a table {@code context} parts long).
     */
    private record Written(Statement header, Statement last, int context) {
        boolean isHeader() {
            return header != null;
        }
    }

    /** Where and how to write a profile's tables as dotted keys: {@code prefix} names the profile, {@code sep} is a dot. */
    private record Dotted(int afterLine, String indent, String prefix, String sep) {
    }

    /** A table added at the end of the file. */
    private record Block(List<String> path, List<String> lines) {
    }

    /** One edit in progress. */
    private static final class Edit extends SpanEdit {
        private final List<Target> targets = new ArrayList<>();
        private final List<Block> appended = new ArrayList<>();
        private final Map<String, Dotted> newDotted = new LinkedHashMap<>(); // profile → how its new table was written

        Edit(String text, String display, TomlText before, List<TableEdit> tables) {
            super(text, display, before);
            tables.forEach(t -> targets.add(new Target(t)));
        }

        EditResult run() {
            refuseUnsupportedLayouts();
            for (Target t : targets) replaceExisting(t);
            List<Target> order = new ArrayList<>();
            targets.stream().filter(t -> t.path.size() == 2).forEach(order::add); // a profile's table before its override tables
            targets.stream().filter(t -> t.path.size() > 2).forEach(order::add);
            for (Target t : order) {
                Written w = written(t.path);
                if (w != null) {
                    t.layout = w.isHeader() ? EditResult.Layout.TABLE : EditResult.Layout.DOTTED;
                    if (!t.missing.isEmpty()) addTo(w, t);
                }
            }
            for (Target t : order) {
                if (t.layout != null) continue;
                t.layout = EditResult.Layout.NEW;
                if (t.missing.isEmpty()) continue;
                if (t.path.size() == 2) createProfileTable(t);
                else createOverrideTable(t);
            }
            emitAppended();
            Map<List<String>, EditResult.Layout> layouts = new LinkedHashMap<>();
            targets.forEach(t -> layouts.put(t.path, t.layout));
            EditResult.Layout first = targets.get(0).layout;
            if (splices.isEmpty() && insertions.isEmpty()) return new EditResult(text, List.of(), first, layouts);
            String result = splice();
            return new EditResult(result, verify(result), first, layouts);
        }

        /** Replaces the values of the keys the table already has; notes the keys it does not have. */
        private void replaceExisting(Target t) {
            Map<String, Statement> existing = new LinkedHashMap<>();
            for (Statement st : statements) {
                if (st.isHeader()) continue;
                List<String> path = st.path();
                if (path.size() == t.path.size() + 1 && startsWith(path, t.path) && t.want.containsKey(path.get(t.path.size()))) {
                    existing.put(path.get(t.path.size()), checked(st));
                }
            }
            for (Map.Entry<String, String> w : t.want.entrySet()) {
                Statement st = existing.get(w.getKey());
                if (st == null) {
                    t.missing.add(w.getKey());
                    continue;
                }
                String was = text.substring(st.valueStart(), st.valueEnd());
                if (was.equals(w.getValue())) continue;
                if (was.indexOf('\n') >= 0) {
                    throw refusal(st.start(), "`" + w.getKey() + "` in `[" + t.name() + "]` spans several lines; apply changes "
                            + "only one-line values, so nothing was changed: set `" + w.getKey() + " = " + w.getValue() + "` by hand");
                }
                splices.add(new Splice(st.valueStart(), st.valueEnd(), w.getValue()));
                t.changed.put(w.getKey(), new String[]{was, w.getValue()});
            }
        }

        /**
         * Refuses inline tables, arrays of tables and values that are not tables on the way to a table the edit sets
         * ({@code profile}, {@code profile.NAME}, {@code profile.NAME.package}, the table itself).
         */
        private void refuseUnsupportedLayouts() {
            Map<List<String>, Target> onTheWay = new LinkedHashMap<>();
            for (Target t : targets) {
                for (int n = 1; n <= t.path.size(); n++) onTheWay.putIfAbsent(List.copyOf(t.path.subList(0, n)), t);
            }
            for (Statement st : statements) {
                List<String> path = st.path();
                Target t = onTheWay.get(path);
                if (t == null) continue;
                String per = t.path.size() == 2 ? " (a table per profile)" : t.path.size() == 4 ? " (a table per package)" : "";
                refuseOnTheWay(st, "write it as `[" + t.name() + "]`" + per + ", or set " + wanted(t) + " by hand");
            }
        }

        private static String wanted(Target t) {
            return t.want.entrySet().stream().map(e -> "`" + e.getKey() + " = " + e.getValue() + "`").collect(Collectors.joining(", "));
        }

        /** How the table at {@code path} is written, or null when it is not (or only implied by a deeper header). */
        private Written written(List<String> path) {
            for (int i = 0; i < statements.size(); i++) {
                Statement st = statements.get(i);
                if (!st.isHeader() || st.arrayTable() || !st.path().equals(path)) continue;
                Statement last = null;
                for (int j = i + 1; j < statements.size() && !statements.get(j).isHeader(); j++) last = statements.get(j);
                return new Written(checkedHeader(st), last == null ? null : checked(last), -1);
            }
            Statement found = null;
            for (Statement st : statements) {
                if (st.isHeader() || st.arrayTable()) continue;
                if (st.table().size() < path.size() && st.path().size() > path.size() && startsWith(st.path(), path)) found = st;
            }
            return found == null ? null : new Written(null, checked(found), found.table().size());
        }

        /** Adds the missing keys to a table the file writes. */
        private void addTo(Written w, Target t) {
            if (w.isHeader()) {
                int afterHeader = lines.lineOf(w.header().end());
                int afterKeys = w.last() == null ? afterHeader : lines.lineOf(w.last().end());
                String indent = w.last() == null ? "" : indentOf(w.last());
                for (String key : t.missing) add(t, key, key.equals("inherits") ? afterHeader : afterKeys, indent + key);
                return;
            }
            Statement s = w.last();
            String prefix = text.substring(s.start(), s.key().get(t.path.size() - w.context()).start());
            for (String key : t.missing) add(t, key, lines.lineOf(s.end()), indentOf(s) + prefix + key);
        }

        /** Adds a profile's table the file does not have, as today's single-profile edit does. */
        private void createProfileTable(Target t) {
            Dotted d = dottedForNewProfile(t.path.get(1));
            if (d != null) {
                newDotted.put(t.path.get(1), d);
                for (String key : t.missing) add(t, key, d.afterLine(), d.indent() + d.prefix() + key);
                return;
            }
            List<String> block = new ArrayList<>();
            block.add("[" + t.name() + "]");
            for (String key : t.missing) {
                block.add(key + " = " + t.want.get(key));
                t.changed.put(key, new String[]{null, t.want.get(key)});
            }
            appended.add(new Block(t.path, block));
        }

        /**
         * Dotted keys for a profile the file does not have, after the other profiles' dotted keys, when the file
         * writes profiles that way and has no header of that profile; else null.
         */
        private Dotted dottedForNewProfile(String profile) {
            if (headerUnder(List.of("profile", profile))) return null;
            Statement other = lastDotted();
            if (other == null) return null;
            int nameAt = other.table().isEmpty() ? 1 : 0;
            Segment name = other.key().get(nameAt);
            String sep = text.substring(name.end(), other.key().get(nameAt + 1).start());
            return new Dotted(lines.lineOf(other.end()), indentOf(other), text.substring(other.start(), name.start())
                    + TableEdit.keyText(profile) + sep, sep);
        }

        /** Adds an override table the file does not have. */
        private void createOverrideTable(Target t) {
            List<String> profileTable = t.profileTable();
            boolean anyWritten = false;
            for (int n = t.path.size() - 1; n >= 2 && !anyWritten; n--) {
                List<String> ancestor = t.path.subList(0, n);
                Written w = written(ancestor);
                if (w == null) continue;
                anyWritten = true;
                List<String> rest = t.path.subList(n, t.path.size());
                // dotted keys may not extend a table that a header below it already defines ([profile.dev.package.x])
                if (headerUnder(t.path.subList(0, n + 1))) break;
                if (!w.isHeader()) {
                    Statement s = w.last();
                    Segment next = s.key().get(n - w.context());
                    String sep = text.substring(s.key().get(n - w.context() - 1).end(), next.start());
                    String prefix = text.substring(s.start(), next.start());
                    addDotted(t, lines.lineOf(s.end()), indentOf(s), prefix, rest, sep);
                    return;
                }
                if (n > 2 || dottedOverrides(w, profileTable)) {
                    int afterKeys = lines.lineOf(w.last() == null ? w.header().end() : w.last().end());
                    addDotted(t, afterKeys, w.last() == null ? "" : indentOf(w.last()), "", rest, ".");
                    return;
                }
            }
            if (!anyWritten) {
                Dotted d = newDotted.get(profileTable.get(1));
                if (d == null && !appended.stream().anyMatch(b -> b.path().equals(profileTable))) d = dottedForNewProfile(profileTable.get(1));
                if (d != null) {
                    addDotted(t, d.afterLine(), d.indent(), d.prefix(), t.path.subList(2, t.path.size()), d.sep());
                    return;
                }
            }
            List<String> block = new ArrayList<>();
            block.add("[" + t.name() + "]");
            for (String key : t.missing) {
                block.add(key + " = " + t.want.get(key));
                t.changed.put(key, new String[]{null, t.want.get(key)});
            }
            int at = -1;
            for (int i = 0; i < appended.size(); i++) if (startsWith(appended.get(i).path(), profileTable)) at = i;
            if (at >= 0) { // after its profile's new table (and override tables added with it)
                appended.add(at + 1, new Block(t.path, block));
                return;
            }
            Integer afterLine = null;
            for (int i = 0; i < statements.size(); i++) {
                Statement st = statements.get(i);
                if (!st.isHeader() || st.arrayTable() || !startsWith(st.path(), profileTable)) continue;
                Statement last = st;
                for (int j = i + 1; j < statements.size() && !statements.get(j).isHeader(); j++) last = statements.get(j);
                afterLine = endOfSection(lines.lineOf((last == st ? checkedHeader(st) : checked(last)).end()));
            }
            if (afterLine == null) {
                appended.add(new Block(t.path, block));
                return;
            }
            if (tablesSeparatedByBlankLines()) block.add(0, "");
            insertions.computeIfAbsent(afterLine, k -> new ArrayList<>()).addAll(block);
        }

        private void addDotted(Target t, int afterLine, String indent, String prefix, List<String> rest, String sep) {
            StringBuilder path = new StringBuilder(prefix);
            for (String part : rest) path.append(TableEdit.keyText(part)).append(sep);
            for (String key : t.missing) add(t, key, afterLine, indent + path + key);
        }

        /**
         * Whether a profile table's section writes override tables as dotted keys ({@code package.x.opt-level = 3},
         * {@code build-override.debug = false}) and no override table of that profile has a header.
         */
        private boolean dottedOverrides(Written w, List<String> profileTable) {
            for (Statement st : statements) {
                if (st.isHeader() && st.path().size() > 2 && startsWith(st.path(), profileTable)) return false;
            }
            int i = statements.indexOf(w.header());
            for (int j = i + 1; j < statements.size() && !statements.get(j).isHeader(); j++) {
                List<Segment> key = statements.get(j).key();
                String first = key.get(0).name();
                if (key.size() >= 2 && (first.equals("package") || first.equals("build-override"))) return true;
            }
            return false;
        }

        /** Whether some table header's path starts with {@code path} (the table itself or one below it). */
        private boolean headerUnder(List<String> path) {
            return statements.stream().anyMatch(st -> st.isHeader() && startsWith(st.path(), path));
        }

        /**
         * The last key/value statement that writes a profile with dotted keys from the top level or
         * {@code [profile]}.
         */
        private Statement lastDotted() {
            Statement found = null;
            for (Statement st : statements) {
                if (st.isHeader() || st.table().size() > 1 || st.arrayTable()) continue;
                List<String> path = st.path();
                if (path.size() < 3 || !path.get(0).equals("profile")) continue;
                found = st;
            }
            return found == null ? null : checked(found);
        }

        private void emitAppended() {
            if (appended.isEmpty()) return;
            List<String> block = new ArrayList<>();
            for (Block b : appended) {
                if (!block.isEmpty()) block.add("");
                block.addAll(b.lines());
            }
            if (text.isEmpty()) {
                splices.add(new Splice(0, 0, String.join(newline, block) + newline));
                return;
            }
            int last = lastContentLine();
            if (!lines.blank(last)) block.add(0, "");
            insertions.computeIfAbsent(last, k -> new ArrayList<>()).addAll(block);
        }

        private void add(Target t, String key, int afterLine, String keyText) {
            insertions.computeIfAbsent(afterLine, k -> new ArrayList<>()).add(keyText + " = " + t.want.get(key));
            t.changed.put(key, new String[]{null, t.want.get(key)});
        }

        /** Parses the result and checks it is the original document with exactly the asked values set. */
        private List<Change> verify(String result) {
            TomlText after = TomlText.parse(result);
            if (after.hasErrors()) {
                throw new IllegalStateException("editing " + display + " would make it invalid TOML (" + after.errors().get(0)
                        + "); nothing was changed");
            }
            Map<String, Object> expected = plain(before.table());
            for (Target t : targets) {
                Map<String, Object> into = tableIn(expected, t.path, t.name());
                t.want.forEach((k, v) -> into.put(k, plainValue(Literals.parse(v))));
            }
            if (!expected.equals(plain(after.table()))) {
                throw new IllegalStateException("editing " + display + " would change more than " + targets.stream()
                        .map(t -> "`[" + t.name() + "]` " + t.want.keySet()).collect(Collectors.joining(", ")) + "; nothing was changed");
            }
            List<Change> out = new ArrayList<>();
            for (Target t : targets) {
                for (String key : t.want.keySet()) {
                    String[] c = t.changed.get(key);
                    if (c == null) continue;
                    List<String> at = new ArrayList<>(t.path);
                    at.add(key);
                    TomlPosition p = Objects.requireNonNull(after.positionOf(at));
                    out.add(new Change(key, Optional.ofNullable(c[0]), c[1], p.line(), p.column(), t.path));
                }
            }
            return out;
        }
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
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
