package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.edit.TomlScanner.Statement;
import dev.profileadvisor.toml.TomlText;
import org.tomlj.TomlPosition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link ProfileEdit} and {@link ConfigEdit} share while they edit one text: the text with its lines and
 * statements, the value spans replaced and the lines inserted so far, the checks of each statement against tomlj's
 * position for its key, and the splicing of the edits into the result.
 */
abstract class SpanEdit {
    /** Replaces {@code [start, end)} of the text; an empty span inserts. */
    record Splice(int start, int end, String replacement) {
    }

    final String text;
    final String display;
    final TomlText before;
    final TextLines lines;
    final String newline;
    final List<Statement> statements;
    final List<Splice> splices = new ArrayList<>();
    /** line → the lines to insert after it, in order */
    final Map<Integer, List<String>> insertions = new LinkedHashMap<>();

    SpanEdit(String text, String display, TomlText before) {
        this.text = text;
        this.display = display;
        this.before = before;
        this.lines = new TextLines(text);
        this.newline = lines.newline();
        try {
            this.statements = TomlScanner.scan(text);
        } catch (TomlScanner.ScanException e) {
            throw new IllegalStateException("cannot follow the layout of " + display + " (" + e.getMessage()
                    + ") although tomlj parses it; nothing was changed", e);
        }
    }

    /**
     * Refuses a statement on the way to a table the edit sets when it is an array of tables, an inline table or a
     * value that is not a table; does nothing for a plain table header.
     *
     * @param inlineAdvice what to do instead of an inline table ({@code write it as `[…]`, or set … by hand})
     */
    void refuseOnTheWay(Statement st, String inlineAdvice) {
        String name = TableEdit.render(st.path());
        if (st.isHeader() && st.arrayTable()) {
            throw refusal(st.start(), "`[[" + name + "]]` is an array of tables, which cargo does not accept; "
                    + "nothing was changed: make it a `[" + name + "]` table");
        }
        if (st.isHeader()) return;
        String value = text.substring(st.valueStart(), st.valueEnd());
        if (value.startsWith("{")) {
            throw refusal(st.start(), "`" + name + "` is an inline table (`" + text.substring(st.start(), st.key().get(st.key().size() - 1).end())
                    + " = { … }`), which apply does not edit; nothing was changed: " + inlineAdvice);
        }
        throw refusal(st.start(), "`" + name + "` is `" + value.lines().findFirst().orElse(value) + "`, not a table; "
                + "nothing was changed: cargo expects `[" + name + "]`");
    }

    /**
     * The line after which a table goes that follows the section whose last statement ends on {@code line}: past
     * the comment lines right after it when a blank line (or the end) follows them, as they then belong to the
     * section, not to the next table.
     */
    int endOfSection(int line) {
        int l = line + 1;
        while (l <= lines.count() && lines.content(l).strip().startsWith("#")) l++;
        if (l == line + 1) return line;
        boolean endOrBlank = l > lines.count() || lines.blank(l);
        return endOrBlank ? l - 1 : line;
    }

    /** Whether most table headers after the first line follow a blank line (comments above them aside). */
    boolean tablesSeparatedByBlankLines() {
        int blank = 0;
        int tight = 0;
        for (Statement st : statements) {
            if (!st.isHeader()) continue;
            int l = lines.lineOf(st.start()) - 1;
            if (l < 1) continue;
            while (l >= 1 && lines.content(l).strip().startsWith("#")) l--;
            if (l < 1 || lines.blank(l)) blank++;
            else tight++;
        }
        return blank >= tight;
    }

    /** The last line with content or blanks (not the empty line after a final newline). */
    int lastContentLine() {
        return text.endsWith("\n") ? lines.count() - 1 : lines.count();
    }

    /** The blanks before a statement on its line; empty when something else comes before it. */
    String indentOf(Statement st) {
        int from = lines.start(lines.lineOf(st.start()));
        String indent = text.substring(from, st.start());
        return indent.isBlank() ? indent : "";
    }

    /** The statement, after checking that tomlj puts its key where the scanner found it. */
    Statement checked(Statement st) {
        TomlPosition p = before.positionOf(st.path());
        int line = lines.lineOf(st.start());
        int column = lines.columnOf(st.start());
        if (p == null || p.line() != line || p.column() != column) {
            throw new IllegalStateException("cannot locate `" + String.join(".", st.path()) + "` in " + display
                    + " exactly (tomlj: " + (p == null ? "none" : p.line() + ":" + p.column()) + ", scanner: " + line
                    + ":" + column + "); nothing was changed");
        }
        return st;
    }

    /** The table header, after checking that tomlj puts its table on the line the scanner found it on. */
    Statement checkedHeader(Statement st) {
        TomlPosition p = before.positionOf(st.path());
        if (p == null || p.line() != lines.lineOf(st.start())) {
            throw new IllegalStateException("cannot locate `[" + String.join(".", st.path()) + "]` in " + display
                    + " exactly; nothing was changed");
        }
        return st;
    }

    /** The text with the insertions and splices applied. */
    String splice() {
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

    /**
     * The nested map of the table at {@code path} in a document of {@link ProfileEdit#plain} maps, made where missing.
     *
     * @param name the table's name in the message when a part on the way is not a table
     */
    Map<String, Object> tableIn(Map<String, Object> document, List<String> path, String name) {
        Map<String, Object> table = document;
        for (String part : path) {
            Object next = table.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map)) {
                throw new IllegalStateException("`" + part + "` on the way to `[" + name + "]` in " + display
                        + " is not a table; nothing was changed");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) next;
            table = m;
        }
        return table;
    }

    AdvisorException refusal(int offset, String message) {
        return new AdvisorException(new Problem(display, lines.lineOf(offset), lines.columnOf(offset), message));
    }
}
