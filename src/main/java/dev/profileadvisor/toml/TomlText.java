package dev.profileadvisor.toml;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseOptions;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TOML text parsed by tomlj in time linear in its length, with the positions of what tomlj reports mapped back to
 * the text as written.
 *
 * <p>Why: tomlj 2.2.0's error recovery ({@code LineRecoveryStrategy.unterminatedValue}, called from {@code sync} at
 * every token of the grammar's loops) looks ahead over the whole run of comment and newline tokens that follows, to
 * see whether an array or inline table the parser might be inside ends there; it does so before checking that the
 * parser is inside one, and each look-ahead {@code LA(k)} of ANTLR's {@code CommonTokenStream} walks {@code k}
 * tokens. A run of {@code n} comment or blank lines therefore costs about {@code n³/6} steps: 1,000 comment lines
 * took 1.9 s, 2,000 took 13 s.
 *
 * <p>How: a run of more than {@value #LONGEST_RUN} consecutive lines that are blank or hold only a comment, outside
 * any multi-line string, is given to tomlj as its first line only. Those lines hold nothing tomlj returns (a
 * comment with a character TOML forbids is not such a line, so its error is still reported), one line of the run
 * keeps what a newline means where it stands (inside an inline table, say), and every line number tomlj reports
 * is mapped back through a table of the lines kept. Shorter runs, and every other text, reach tomlj unchanged. A
 * UTF-8 byte order mark at the start is dropped, as cargo does.
 */
public final class TomlText {
    /** The longest run of comment and blank lines given to tomlj as written. */
    static final int LONGEST_RUN = 8;

    private static final Pattern POSITION_SUFFIX = Pattern.compile("\\s*\\(line \\d+, column \\d+\\)\\s*$");
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");

    private final TomlParseResult table;
    /** The text as written, without a byte order mark. */
    private final String source;
    /** Where each line of {@link #source} starts, once a value's position was asked for. */
    private int[] lineStarts;
    /** The line of the text as written of each line tomlj read (index 0 for line 1); null when they are the same. */
    private final int[] written;
    private final int lines;

    private TomlText(String source, TomlParseResult table, int[] written, int lines) {
        this.source = source;
        this.table = table;
        this.written = written;
        this.lines = lines;
    }

    /**
     * @param text a TOML text
     * @return the parsed text, syntax errors included
     */
    public static TomlText parse(String text) {
        return parse(text, TomlParseOptions.defaults());
    }

    /**
     * @param text    a TOML text
     * @param options tomlj's options
     * @return the parsed text, syntax errors included
     */
    public static TomlText parse(String text, TomlParseOptions options) {
        String input = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Compacted c = compact(input);
        return new TomlText(input, Toml.parse(c.text, options), c.written, c.lines);
    }

    /** @return the tables and values tomlj read; its positions are those of {@link #position} before mapping */
    public TomlParseResult table() {
        return table;
    }

    /** @return whether tomlj reported a syntax error */
    public boolean hasErrors() {
        return table.hasErrors();
    }

    /** @return the syntax errors, at their positions in the text as written, messages without tomlj's position suffix */
    public List<Error> errors() {
        return table.errors().stream().map(e -> {
            TomlPosition p = position(e.position());
            String m = e.getMessage() == null ? "syntax error" : POSITION_SUFFIX.matcher(e.getMessage()).replaceFirst("");
            return new Error(p == null ? 0 : p.line(), p == null ? 0 : p.column(), writtenLines(m));
        }).toList();
    }

    /**
     * @param path a key path
     * @return where it is defined in the text as written, or null when it is not
     */
    public TomlPosition positionOf(List<String> path) {
        return position(table.inputPositionOf(path));
    }

    /**
     * @param path a key path
     * @return where its value starts in the text as written ({@code [1, 2]} in {@code inherits = [1, 2]}), as cargo
     *         points at a value of the wrong type; where the key is for a table header; null when it is not defined
     */
    public TomlPosition valuePositionOf(List<String> path) {
        TomlPosition key = positionOf(path);
        if (key == null) return null;
        if (lineStarts == null) {
            int[] starts = new int[64];
            int n = 0;
            starts[n++] = 0;
            for (int i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        if (key.line() < 1 || key.line() > lineStarts.length) return key;
        int start = lineStarts[key.line() - 1];
        int end = source.indexOf('\n', start);
        if (end < 0) end = source.length();
        for (int i = start + key.column() - 1; i >= start && i < end; i++) {
            char c = source.charAt(i);
            if (c == '#' || c == '[' && i == start + key.column() - 1) return key; // a comment, or a table header
            if (c == '"' || c == '\'') { // a quoted key: its text may hold `=`
                int close = source.indexOf(c, i + 1);
                if (close < 0 || close >= end) return key;
                i = close;
            } else if (c == '=') {
                int v = i + 1;
                while (v < end && (source.charAt(v) == ' ' || source.charAt(v) == '\t')) v++;
                return TomlPosition.positionAt(key.line(), v - start + 1);
            }
        }
        return key;
    }

    /**
     * @param value a value tomlj returned
     * @return its TOML type in words: {@code an integer}, {@code an offset date-time}, {@code a table}
     */
    public static String typeName(Object value) {
        if (value == null) return "nothing";
        if (value instanceof String) return "a string";
        if (value instanceof Long) return "an integer";
        if (value instanceof Double) return "a float";
        if (value instanceof Boolean) return "a boolean";
        if (value instanceof java.time.OffsetDateTime) return "an offset date-time";
        if (value instanceof java.time.LocalDateTime) return "a local date-time";
        if (value instanceof java.time.LocalDate) return "a local date";
        if (value instanceof java.time.LocalTime) return "a local time";
        if (value instanceof TomlArray) return "an array";
        if (value instanceof org.tomlj.TomlTable) return "a table";
        return "a value tomlj returned as " + value.getClass().getName(); // not a TOML type: a bug worth reporting as is
    }

    /**
     * @param array an array of this text
     * @param index an index in it
     * @return where that element is in the text as written, or null
     */
    public TomlPosition positionOf(TomlArray array, int index) {
        return position(array.inputPositionOf(index));
    }

    /**
     * @param read a position tomlj reported for this text (of any table or array in it), or null
     * @return the same position in the text as written, or null
     */
    public TomlPosition position(TomlPosition read) {
        if (read == null || written == null) return read;
        return TomlPosition.positionAt(line(read.line()), read.column());
    }

    /**
     * @param read a line number tomlj reported for this text
     * @return the same line in the text as written
     */
    public int line(int read) {
        if (written == null || read < 1) return read;
        return read <= lines ? written[read - 1] : written[lines - 1] + read - lines;
    }

    private String writtenLines(String message) {
        if (written == null) return message;
        Matcher m = LINE_IN_MESSAGE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n;
            try {
                n = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                continue;
            }
            m.appendReplacement(out, "line " + line(n));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A syntax error.
     *
     * @param line    its line in the text as written (1-based)
     * @param column  its column (1-based)
     * @param message tomlj's message, without the position
     */
    public record Error(int line, int column, String message) {}

    private record Compacted(String text, int[] written, int lines) {}

    private enum State { OUTSIDE, MULTILINE_BASIC, MULTILINE_LITERAL }

    private static Compacted compact(String text) {
        Compactor c = new Compactor(text);
        int runStart = 0, runLength = 0, runFirstLine = 0; // the run of comment and blank lines being read
        State state = State.OUTSIDE;
        int line = 1;
        for (int start = 0; start < text.length(); line++) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            if (nl >= 0 && state == State.OUTSIDE && isTrivia(text, start, nl)) {
                if (runLength == 0) {
                    runStart = start;
                    runFirstLine = line;
                }
                runLength++;
            } else {
                c.run(runStart, start, runFirstLine, runLength);
                runLength = 0;
                c.line(start, end, line);
                state = scan(text, start, nl < 0 ? text.length() : nl, state);
            }
            start = end;
        }
        c.run(runStart, text.length(), runFirstLine, runLength);
        return c.result();
    }

    /** The text given to tomlj, built only once a run is left out. */
    private static final class Compactor {
        private final String text;
        private StringBuilder out;
        private int[] written;
        private int kept;

        Compactor(String text) {
            this.text = text;
        }

        /** A run of {@code length} comment and blank lines, {@code [start, end)}, from line {@code first}. */
        void run(int start, int end, int first, int length) {
            if (length == 0) return;
            if (length <= LONGEST_RUN) {
                if (out == null) return;
                out.append(text, start, end);
                for (int i = 0; i < length; i++) keep(first + i);
                return;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, start);
                written = new int[Math.max(64, first * 2)];
                for (int i = 1; i < first; i++) keep(i);
            }
            out.append(text, start, text.indexOf('\n', start) + 1);
            keep(first);
        }

        /** Any other line, {@code [start, end)}, line {@code number} of the text. */
        void line(int start, int end, int number) {
            if (out == null) return;
            out.append(text, start, end);
            keep(number);
        }

        private void keep(int line) {
            if (kept == written.length) written = Arrays.copyOf(written, written.length * 2);
            written[kept++] = line;
        }

        Compacted result() {
            return out == null ? new Compacted(text, null, 0) : new Compacted(out.toString(), written, kept);
        }
    }

    /** Whether {@code [start, nl)} is blank or holds only a comment TOML allows (spaces and tabs around). */
    private static boolean isTrivia(String text, int start, int nl) {
        int end = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
        int i = start;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i++;
        if (i == end) return true;
        if (text.charAt(i) != '#') return false;
        for (i++; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) return false;
        }
        return true;
    }

    /** The string state after the line {@code [start, end)}, which began in {@code state}. */
    private static State scan(String text, int start, int end, State state) {
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            switch (state) {
                case OUTSIDE -> {
                    if (c == '#') return state;
                    if (text.startsWith("\"\"\"", i)) {
                        state = State.MULTILINE_BASIC;
                        i += 3;
                    } else if (text.startsWith("'''", i)) {
                        state = State.MULTILINE_LITERAL;
                        i += 3;
                    } else if (c == '"') {
                        i++;
                        while (i < end && text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
                        i++;
                    } else if (c == '\'') {
                        int close = text.indexOf('\'', i + 1);
                        i = close < 0 || close >= end ? end : close + 1;
                    } else {
                        i++;
                    }
                }
                case MULTILINE_BASIC -> {
                    if (c == '\\') {
                        i += 2;
                    } else if (text.startsWith("\"\"\"", i)) {
                        i = closing(text, i + 3, end, '"');
                        state = State.OUTSIDE;
                    } else {
                        i++;
                    }
                }
                case MULTILINE_LITERAL -> {
                    if (text.startsWith("'''", i)) {
                        i = closing(text, i + 3, end, '\'');
                        state = State.OUTSIDE;
                    } else {
                        i++;
                    }
                }
            }
        }
        return state;
    }

    /** Past the closing delimiter, whose up to two extra quotes before it belong to the string. */
    private static int closing(String text, int i, int end, char quote) {
        for (int extra = 0; extra < 2 && i < end && text.charAt(i) == quote; extra++) i++;
        return i;
    }
}
