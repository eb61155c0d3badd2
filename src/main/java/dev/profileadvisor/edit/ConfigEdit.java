package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.edit.TomlScanner.Element;
import dev.profileadvisor.edit.TomlScanner.ElementKind;
import dev.profileadvisor.edit.TomlScanner.Statement;
import dev.profileadvisor.manifest.Literals;
import dev.profileadvisor.manifest.ManifestReader;
import dev.profileadvisor.toml.TomlText;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets {@code rustflags} and {@code linker} of a {@code [target.TRIPLE]} table in a cargo config file
 * ({@code .cargo/config.toml}) with the guarantees {@link ProfileEdit} gives a {@code Cargo.toml}: every byte outside
 * the values it changes and the lines it inserts stays as it was (comments, blank lines, layout, quoting, {@code \r\n}
 * newlines, a missing final newline), every statement it relies on is checked against tomlj's position for its key,
 * and the result is parsed again and must be the original document with exactly the asked change, or nothing is
 * returned.
 *
 * <ul>
 *   <li>{@code rustflags} is merged, never replaced ({@link RustFlags}): an option already there with the same value
 *       changes nothing, one with another value (a {@code -C target-cpu=native}, also written
 *       {@code -Ctarget-cpu=native} or as the two elements {@code "-C", "target-cpu=native"}) has that value replaced
 *       in place, any other is appended; every other flag stays where it is. The value keeps its form: an array gets
 *       new elements after its last one (on a new line, indented like it, in a multi-line array; after a trailing
 *       comma when there is one), a string ({@code rustflags = "-C target-cpu=native"}) gets them after its last
 *       word.</li>
 *   <li>A new {@code rustflags} key in a file whose {@code [build] rustflags} it would displace (cargo uses a target's
 *       rustflags instead of the build's, not as well) starts from the build's flags, in the build's form, so that
 *       nothing the file passed today is lost.</li>
 *   <li>{@code linker} is set: replaced in place when written with another value.</li>
 *   <li>A table written with its header gets new keys after its last key line, indented like it; one written with
 *       dotted keys ({@code target.TRIPLE.linker = …} at the top, {@code TRIPLE.linker = …} under {@code [target]})
 *       gets them the same way; a missing one is added after the file's last {@code [target.*]} table, or at the end
 *       (an empty or missing file becomes the table alone).</li>
 *   <li>Refused with {@code file:line:col}, nothing changed: TOML errors; inline tables ({@code target = { … }},
 *       {@code TRIPLE = { … }} under {@code [target]}) and arrays of tables on the way; {@code rustflags} that is not a
 *       string or an array of strings, or a multi-line string, or holds an element with a space in it (which rustc
 *       rejects); a {@code linker} that is not a string or spans lines.</li>
 * </ul>
 */
public final class ConfigEdit {
    private ConfigEdit() {
    }

    /**
     * @param text    the config file's text; empty for a file that does not exist yet
     * @param display the file's name in messages
     * @param edit    the target table and what to set in it
     * @return the edited text and what changed
     * @throws AdvisorException when the text is not valid TOML, or the table or a key is written in a way the editor
     *                          refuses to touch (with where and what to do)
     * @throws IllegalStateException when the edit would not produce exactly the asked document (a bug: nothing is
     *                               returned, so nothing can be written)
     */
    public static ConfigEditResult apply(String text, String display, TargetTableEdit edit) {
        TomlText before = ManifestReader.parseText(text, display);
        return new Edit(text, display, before, edit).run();
    }

    /**
     * The arguments a config file's {@code rustflags} for a target gives.
     *
     * @param text    the config file's text
     * @param display its name in messages
     * @param triple  the target triple
     * @return the arguments of {@code target.TRIPLE.rustflags}, empty when the file has none or they are not strings
     * @throws AdvisorException when the text is not valid TOML
     */
    public static Optional<List<String>> rustflags(String text, String display, String triple) {
        return args(ManifestReader.parseText(text, display).table().get(List.of("target", triple, "rustflags")));
    }

    private static Optional<List<String>> args(Object value) {
        if (value instanceof String s) return Optional.of(RustFlags.split(s));
        if (value instanceof TomlArray a) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!(a.get(i) instanceof String s)) return Optional.empty();
                out.add(s);
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** One edit in progress. */
    private static final class Edit extends SpanEdit {
        private final TargetTableEdit edit;
        private final List<String> table;
        /** key → what changed, in the order of the description */
        private final Map<String, String> described = new LinkedHashMap<>();
        /** key → the literal a new key gets */
        private final Map<String, String> missing = new LinkedHashMap<>();
        /** the arguments rustflags gives after the edit, when the edit sets it */
        private List<String> flagsAfter;
        private boolean flagsAsString;

        Edit(String text, String display, TomlText before, TargetTableEdit edit) {
            super(text, display, before);
            this.edit = edit;
            this.table = edit.path();
        }

        ConfigEditResult run() {
            refuseUnsupportedLayouts();
            if (edit.linker().isPresent()) linker(edit.linker().get());
            if (!edit.rustflags().isEmpty()) rustflags();
            EditResult.Layout layout = layout();
            if (!missing.isEmpty()) addKeys(layout);
            if (splices.isEmpty() && insertions.isEmpty()) return new ConfigEditResult(text, List.of(), layout);
            String result = splice();
            return new ConfigEditResult(result, verify(result), layout);
        }

        /** Inline tables, arrays of tables and values that are not tables on the way to {@code [target.TRIPLE]}. */
        private void refuseUnsupportedLayouts() {
            for (Statement st : statements) {
                List<String> path = st.path();
                if (!(path.equals(table) || path.equals(table.subList(0, 1)))) continue;
                refuseOnTheWay(st, "write it as `[" + edit.name() + "]`, or set " + wanted() + " by hand");
            }
        }

        private String wanted() {
            List<String> out = new ArrayList<>();
            edit.linker().ifPresent(l -> out.add("`linker = " + Literals.toml(l) + "`"));
            if (!edit.rustflags().isEmpty()) {
                List<String> args = new ArrayList<>();
                edit.rustflags().forEach(c -> args.addAll(c.args()));
                out.add("`rustflags = " + array(args) + "`");
            }
            return String.join(" and ", out);
        }

        /** The key/value statement of {@code [target.TRIPLE].KEY}, checked against tomlj; null when there is none. */
        private Statement statement(String key) {
            List<String> path = new ArrayList<>(table);
            path.add(key);
            for (Statement st : statements) if (!st.isHeader() && st.path().equals(path)) return checked(st);
            return null;
        }

        private void linker(String linker) {
            List<String> path = List.of("target", edit.triple(), "linker");
            Object now = before.table().get(path);
            String literal = Literals.toml(linker);
            if (now == null) {
                missing.put("linker", literal);
                described.put("linker", "set `linker = " + literal + "`");
                return;
            }
            if (!(now instanceof String)) throw wrongType(path, "a path or program name such as `linker = " + literal + "`");
            Statement st = statement("linker");
            if (st == null) throw new IllegalStateException("cannot find `linker` of `[" + edit.name() + "]` in " + display + "; nothing was changed");
            String was = text.substring(st.valueStart(), st.valueEnd());
            if (!(now instanceof String s) || was.startsWith("\"\"\"") || was.startsWith("'''")) {
                throw refusal(st.start(), "`linker` in `[" + edit.name() + "]` is `" + firstLine(was) + "`, not a one-line string; "
                        + "nothing was changed: cargo expects a path or program name such as `linker = " + literal + "`");
            }
            if (s.equals(linker)) return;
            String quoted = was.startsWith("'") && linker.indexOf('\'') < 0 ? "'" + linker + "'" : literal;
            splices.add(new Splice(st.valueStart(), st.valueEnd(), quoted));
            described.put("linker", "changed `linker = " + was + "` to `linker = " + quoted + "`");
        }

        private void rustflags() {
            List<String> path = List.of("target", edit.triple(), "rustflags");
            Object now = before.table().get(path);
            if (now == null) {
                newRustflags();
                return;
            }
            if (!(now instanceof String) && !(now instanceof TomlArray)) {
                throw wrongType(path, "a string or an array of strings, such as `rustflags = " + array(flagArgs()) + "`");
            }
            Statement st = statement("rustflags");
            if (st == null) throw new IllegalStateException("cannot find `rustflags` of `[" + edit.name() + "]` in " + display + "; nothing was changed");
            String value = text.substring(st.valueStart(), st.valueEnd());
            if (value.startsWith("\"\"\"") || value.startsWith("'''")) {
                throw refusal(st.valueStart(), "`rustflags` in `[" + edit.name() + "]` is a multi-line string, which apply does not "
                        + "edit; nothing was changed: write it on one line, or add " + flagsText() + " by hand");
            }
            if (now instanceof String) editString(st);
            else editArray(st);
        }

        private List<String> flagArgs() {
            List<String> args = new ArrayList<>();
            edit.rustflags().forEach(c -> args.addAll(c.args()));
            return args;
        }

        private String flagsText() {
            return "`" + String.join(" ", flagArgs()) + "`";
        }

        /** A new {@code rustflags} key: the {@code [build] rustflags} it displaces first, in their form. */
        private void newRustflags() {
            Object build = before.table().get(List.of("build", "rustflags"));
            Optional<List<String>> displaced = args(build);
            List<String> start = displaced.orElse(List.of());
            RustFlags.Merge m = RustFlags.merge(start, edit.rustflags());
            flagsAfter = m.result();
            flagsAsString = build instanceof String;
            String literal = flagsAsString ? Literals.toml(String.join(" ", m.result())) : array(m.result());
            missing.put("rustflags", literal);
            String copied = "";
            if (displaced.isPresent() && !start.isEmpty()) {
                TomlPosition p = before.positionOf(List.of("build", "rustflags"));
                copied = " (it starts with `[build] rustflags` from line " + (p == null ? "?" : p.line()) + ", which cargo stops "
                        + "using for this target once the target has rustflags of its own)";
            }
            described.put("rustflags", "set `rustflags = " + literal + "`" + copied);
        }

        private void editString(Statement st) {
            String raw = text.substring(st.valueStart() + 1, st.valueEnd() - 1);
            boolean literal = text.charAt(st.valueStart()) == '\'';
            String content = (String) before.table().get(List.of("target", edit.triple(), "rustflags"));
            flagsAsString = true;
            if (!literal && raw.indexOf('\\') >= 0) { // escapes: offsets in the text are not offsets in the content
                List<String> args = RustFlags.split(content);
                RustFlags.Merge m = RustFlags.merge(args, edit.rustflags());
                flagsAfter = m.result();
                if (!m.changes()) return;
                String rewritten = rewrite(content, m);
                splices.add(new Splice(st.valueStart(), st.valueEnd(), Literals.toml(rewritten)));
                describe(m);
                return;
            }
            List<int[]> spans = words(raw);
            List<String> args = new ArrayList<>();
            for (int[] s : spans) args.add(raw.substring(s[0], s[1]));
            RustFlags.Merge m = RustFlags.merge(args, edit.rustflags());
            flagsAfter = m.result();
            if (!m.changes()) return;
            int base = st.valueStart() + 1;
            m.replaced().forEach((i, now) -> splices.add(new Splice(base + spans.get(i)[0], base + spans.get(i)[1], now)));
            if (!m.appended().isEmpty()) {
                boolean space = raw.isEmpty() || Character.isWhitespace(raw.charAt(raw.length() - 1));
                int at = st.valueEnd() - 1;
                if (!spans.isEmpty() && space) { // after the last word, so trailing blanks stay at the end
                    at = base + spans.get(spans.size() - 1)[1];
                    space = false;
                }
                splices.add(new Splice(at, at, (space || spans.isEmpty() ? "" : " ") + String.join(" ", m.appended())));
            }
            describe(m);
        }

        /** A string's content with the merge applied, its blanks kept. */
        private static String rewrite(String content, RustFlags.Merge m) {
            List<int[]> spans = words(content);
            StringBuilder out = new StringBuilder();
            int cursor = 0;
            for (int i = 0; i < spans.size(); i++) {
                out.append(content, cursor, spans.get(i)[0]).append(m.replaced().getOrDefault(i, content.substring(spans.get(i)[0], spans.get(i)[1])));
                cursor = spans.get(i)[1];
            }
            if (!m.appended().isEmpty()) {
                out.append(spans.isEmpty() ? "" : " ").append(String.join(" ", m.appended()));
            }
            return out.append(content.substring(cursor)).toString();
        }

        /** The [start, end) spans of the whitespace-separated words of a text. */
        private static List<int[]> words(String s) {
            List<int[]> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
                int from = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i))) i++;
                if (i > from) out.add(new int[]{from, i});
            }
            return out;
        }

        private void editArray(Statement st) {
            List<Element> elements;
            try {
                elements = TomlScanner.elements(text, st.valueStart());
            } catch (TomlScanner.ScanException e) {
                throw new IllegalStateException("cannot follow the array of `rustflags` in " + display + " (" + e.getMessage()
                        + "); nothing was changed", e);
            }
            List<String> args = new ArrayList<>();
            for (Element e : elements) {
                String written = text.substring(e.start(), e.end());
                if (e.kind() == ElementKind.MULTILINE) {
                    throw refusal(e.start(), "`rustflags` in `[" + edit.name() + "]` holds a multi-line string, which apply does not "
                            + "edit; nothing was changed: write each flag as a one-line string, or add " + flagsText() + " by hand");
                }
                if (e.kind() == ElementKind.OTHER) {
                    throw refusal(e.start(), "`rustflags` in `[" + edit.name() + "]` holds `" + firstLine(written) + "`, which is not a "
                            + "string; cargo expects an array of strings, so nothing was changed");
                }
                if (e.content().chars().anyMatch(Character::isWhitespace)) {
                    throw refusal(e.start(), "the `rustflags` element `" + written + "` in `[" + edit.name() + "]` holds a space: cargo "
                            + "passes it to rustc as one argument, which rustc rejects; nothing was changed: split it into `"
                            + array(RustFlags.split(e.content())).replaceAll("^\\[|\\]$", "") + "`");
                }
                args.add(e.content());
            }
            RustFlags.Merge m = RustFlags.merge(args, edit.rustflags());
            flagsAfter = m.result();
            if (!m.changes()) return;
            m.replaced().forEach((i, now) -> {
                Element e = elements.get(i);
                boolean lit = e.kind() == ElementKind.LITERAL && now.indexOf('\'') < 0;
                splices.add(new Splice(e.start(), e.end(), lit ? "'" + now + "'" : Literals.toml(now)));
            });
            if (!m.appended().isEmpty()) append(st, elements, m.appended());
            describe(m);
        }

        /** New elements after an array's last one, in its layout. */
        private void append(Statement st, List<Element> elements, List<String> added) {
            boolean literal = !elements.isEmpty() && elements.stream().allMatch(e -> e.kind() == ElementKind.LITERAL);
            List<String> items = new ArrayList<>();
            for (String a : added) items.add(literal && a.indexOf('\'') < 0 ? "'" + a + "'" : Literals.toml(a));
            int close = st.valueEnd() - 1; // the `]`
            if (elements.isEmpty()) {
                String inner = text.substring(st.valueStart() + 1, close);
                if (inner.isBlank() && inner.indexOf('\n') < 0) {
                    splices.add(new Splice(st.valueStart(), st.valueEnd(), "[" + String.join(", ", items) + "]"));
                    return;
                }
                // an empty array over several lines (a comment in it): the elements on a line before the `]`
                int closeLine = lines.lineOf(close);
                String indent = leading(lines.content(closeLine)) + "    ";
                if (!lines.content(closeLine).substring(0, lines.columnOf(close) - 1).isBlank()) {
                    splices.add(new Splice(close, close, String.join(", ", items)));
                    return;
                }
                insertions.computeIfAbsent(closeLine - 1, k -> new ArrayList<>()).add(indent + String.join(", ", items));
                return;
            }
            Element last = elements.get(elements.size() - 1);
            boolean trailing = last.commaEnd() >= 0;
            int lastLine = lines.lineOf(last.end());
            if (lines.lineOf(close) == lastLine) { // `]` on the last element's line: on that line
                String sep = ", ";
                if (elements.size() >= 2) {
                    Element a = elements.get(elements.size() - 2);
                    String gap = text.substring(a.commaEnd(), last.start());
                    if (gap.indexOf('\n') < 0) sep = "," + gap;
                }
                String joined = String.join(sep, items);
                if (trailing) splices.add(new Splice(last.commaEnd(), last.commaEnd(), sep.substring(1) + joined + ","));
                else splices.add(new Splice(last.end(), last.end(), sep + joined));
                return;
            }
            // a multi-line array: new lines after the last element's, indented like it, one element per line when the
            // array writes them so
            boolean perLine = elements.size() >= 2;
            for (int i = 1; i < elements.size() && perLine; i++) {
                if (lines.lineOf(elements.get(i).start()) == lines.lineOf(elements.get(i - 1).end())) perLine = false;
            }
            String indent = leading(lines.content(lastLine));
            if (!trailing) splices.add(new Splice(last.end(), last.end(), ","));
            List<String> newLines = new ArrayList<>();
            if (perLine) {
                for (int i = 0; i < items.size(); i++) newLines.add(indent + items.get(i) + (i < items.size() - 1 || trailing ? "," : ""));
            } else {
                newLines.add(indent + String.join(", ", items) + (trailing ? "," : ""));
            }
            insertions.computeIfAbsent(lastLine, k -> new ArrayList<>()).addAll(newLines);
        }

        private static String leading(String line) {
            int i = 0;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            return line.substring(0, i);
        }

        private void describe(RustFlags.Merge m) {
            described.put("rustflags", String.join(", ", m.descriptions()) + " in `rustflags`");
        }

        /** How the target's table is written. */
        private EditResult.Layout layout() {
            for (Statement st : statements) if (st.isHeader() && !st.arrayTable() && st.path().equals(table)) return EditResult.Layout.TABLE;
            return lastDotted() == null ? EditResult.Layout.NEW : EditResult.Layout.DOTTED;
        }

        /** The last key/value that writes the target's table with dotted keys, from the top or from {@code [target]}. */
        private Statement lastDotted() {
            Statement found = null;
            for (Statement st : statements) {
                if (st.isHeader() || st.arrayTable() || st.table().size() >= 2) continue;
                if (st.path().size() == 3 && st.path().subList(0, 2).equals(table)) found = st;
            }
            return found == null ? null : checked(found);
        }

        private void addKeys(EditResult.Layout layout) {
            if (layout == EditResult.Layout.TABLE) {
                for (int i = 0; i < statements.size(); i++) {
                    Statement h = statements.get(i);
                    if (!h.isHeader() || h.arrayTable() || !h.path().equals(table)) continue;
                    checkedHeader(h);
                    Statement last = null;
                    for (int j = i + 1; j < statements.size() && !statements.get(j).isHeader(); j++) last = statements.get(j);
                    int after = lines.lineOf(last == null ? h.end() : checked(last).end());
                    String indent = last == null ? "" : indentOf(last);
                    missing.forEach((k, v) -> insertions.computeIfAbsent(after, x -> new ArrayList<>()).add(indent + k + " = " + v));
                    return;
                }
            }
            if (layout == EditResult.Layout.DOTTED) {
                Statement s = lastDotted();
                String prefix = text.substring(s.start(), s.key().get(s.key().size() - 1).start());
                int after = lines.lineOf(s.end());
                missing.forEach((k, v) -> insertions.computeIfAbsent(after, x -> new ArrayList<>()).add(indentOf(s) + prefix + k + " = " + v));
                return;
            }
            List<String> block = new ArrayList<>();
            block.add("[" + edit.name() + "]");
            missing.forEach((k, v) -> block.add(k + " = " + v));
            if (text.isEmpty()) {
                splices.add(new Splice(0, 0, String.join(newline, block) + newline));
                return;
            }
            Integer afterLine = null; // after the section of the last [target.*] table
            for (int i = 0; i < statements.size(); i++) {
                Statement st = statements.get(i);
                if (!st.isHeader() || st.arrayTable() || !st.path().get(0).equals("target")) continue;
                Statement last = st;
                for (int j = i + 1; j < statements.size() && !statements.get(j).isHeader(); j++) last = statements.get(j);
                afterLine = endOfSection(lines.lineOf((last == st ? checkedHeader(st) : checked(last)).end()));
            }
            if (afterLine != null && afterLine < lastContentLine()) {
                if (tablesSeparatedByBlankLines()) block.add(0, "");
                insertions.computeIfAbsent(afterLine, k -> new ArrayList<>()).addAll(block);
                return;
            }
            int last = lastContentLine();
            if (!lines.blank(last)) block.add(0, "");
            insertions.computeIfAbsent(last, k -> new ArrayList<>()).addAll(block);
        }

        /** Parses the result and checks it is the original document with exactly the asked change. */
        private List<ConfigChange> verify(String result) {
            TomlText after = TomlText.parse(result);
            if (after.hasErrors()) {
                throw new IllegalStateException("editing " + display + " would make it invalid TOML (" + after.errors().get(0)
                        + "); nothing was changed");
            }
            Map<String, Object> expected = ProfileEdit.plain(before.table());
            Map<String, Object> into = tableIn(expected, table, edit.name());
            if (edit.linker().isPresent()) into.put("linker", edit.linker().get());
            if (flagsAfter != null) {
                Object got = after.table().get(List.of("target", edit.triple(), "rustflags"));
                if (flagsAsString) {
                    if (!(got instanceof String s) || !RustFlags.split(s).equals(flagsAfter)) {
                        throw new IllegalStateException("editing " + display + " would not give `rustflags` " + flagsAfter + "; nothing was changed");
                    }
                    into.put("rustflags", got);
                } else {
                    into.put("rustflags", new ArrayList<Object>(flagsAfter));
                }
            }
            if (!expected.equals(ProfileEdit.plain(after.table()))) {
                throw new IllegalStateException("editing " + display + " would change more than `[" + edit.name() + "]` "
                        + described.keySet() + "; nothing was changed");
            }
            List<ConfigChange> out = new ArrayList<>();
            for (Map.Entry<String, String> d : described.entrySet()) {
                TomlPosition p = Objects.requireNonNull(after.positionOf(List.of("target", edit.triple(), d.getKey())));
                out.add(new ConfigChange(d.getKey(), d.getValue(), p.line(), p.column(), table));
            }
            return out;
        }

        /** A key whose value is of a type cargo refuses, at tomlj's position for it. */
        private AdvisorException wrongType(List<String> path, String expects) {
            TomlPosition p = before.positionOf(path);
            Object v = before.table().get(path);
            String kind = v instanceof org.tomlj.TomlTable ? "a table" : v instanceof TomlArray ? "an array"
                    : v instanceof Boolean ? "a boolean" : v instanceof Long || v instanceof Double ? "a number" : "not a string";
            return new AdvisorException(new Problem(display, p == null ? 1 : p.line(), p == null ? 1 : p.column(), "`"
                    + path.get(path.size() - 1) + "` in `[" + edit.name() + "]` is " + kind + "; cargo expects " + expects
                    + ", so nothing was changed"));
        }
    }

    /** A TOML array of basic strings: {@code ["-C", "target-cpu=x86-64-v3"]}. */
    static String array(List<String> args) {
        List<String> items = new ArrayList<>();
        for (String a : args) items.add(Literals.toml(a));
        return "[" + String.join(", ", items) + "]";
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }
}
