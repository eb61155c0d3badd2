package dev.profileadvisor.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a TOML document that tomlj has already accepted into its statements (table headers and key/value pairs)
 * with the exact character spans of their keys and values. It recognises only what it needs to find where a
 * statement starts and ends (strings with escapes, multi-line strings, nested arrays and inline tables, comments),
 * and trusts the document to be valid: anything it does not expect is a {@link ScanException}, never a guess.
 */
final class TomlScanner {
    /** Kinds of statement. */
    enum Kind { HEADER, KEY_VALUE }

    /**
     * One part of a dotted key.
     *
     * @param name  the key part, unquoted and unescaped
     * @param start offset of its first character (the opening quote for quoted parts)
     * @param end   offset just past its last character
     */
    record Segment(String name, int start, int end) {
    }

    /**
     * A statement of the document.
     *
     * @param kind       header or key/value
     * @param table      for a key/value, the path of the table header it is under ({@code []} before any header);
     *                   for a header, its own path
     * @param arrayTable the header is {@code [[…]]} (for a key/value: the header it is under is)
     * @param key        the key's parts (a header's parts for a header)
     * @param start      offset of the statement's first character
     * @param valueStart offset of the value's first character (key/value only, else -1)
     * @param valueEnd   offset just past the value (key/value only, else -1)
     * @param end        offset just past the statement and its comment, before the newline
     */
    record Statement(Kind kind, List<String> table, boolean arrayTable, List<Segment> key, int start, int valueStart,
                     int valueEnd, int end) {
        /** @return the full path of the key from the document root (the header's path for a header) */
        List<String> path() {
            List<String> out = new ArrayList<>(kind == Kind.HEADER ? List.of() : table);
            key.forEach(s -> out.add(s.name()));
            return out;
        }

        boolean isHeader() {
            return kind == Kind.HEADER;
        }
    }

    /** The document is not what the scanner expects of valid TOML. */
    static final class ScanException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScanException(String message) {
            super(message);
        }
    }

    /** Kinds of array element. */
    enum ElementKind {
        /** a one-line basic string {@code "…"} */
        BASIC,
        /** a one-line literal string {@code '…'} */
        LITERAL,
        /** a multi-line string {@code """…"""} or {@code '''…'''} */
        MULTILINE,
        /** anything that is not a string: a number, a boolean, an array, an inline table */
        OTHER
    }

    /**
     * One element of an array value.
     *
     * @param kind     what it is
     * @param start    offset of its first character (the opening quote of a string)
     * @param end      offset just past its last character
     * @param content  a one-line string's content, unescaped; empty for the other kinds
     * @param commaEnd offset just past the comma that follows it, or -1 when none does
     */
    record Element(ElementKind kind, int start, int end, String content, int commaEnd) {
    }

    private final String s;
    private int pos;

    private TomlScanner(String text) {
        this.s = text;
    }

    /**
     * @param text a document tomlj parsed without errors
     * @return its statements, in document order
     * @throws ScanException when the text is not valid TOML after all
     */
    static List<Statement> scan(String text) {
        return new TomlScanner(text).statements();
    }

    /**
     * @param text  a document tomlj parsed without errors
     * @param start offset of an array value's opening bracket
     * @return the array's elements, in order
     * @throws ScanException when there is no array at {@code start}
     */
    static List<Element> elements(String text, int start) {
        return new TomlScanner(text).arrayAt(start);
    }

    private List<Element> arrayAt(int start) {
        pos = start;
        expect('[');
        List<Element> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at(pos) == ']') return out;
            if (pos >= s.length()) throw new ScanException("unterminated array");
            int from = pos;
            char c = at(pos);
            ElementKind kind;
            String content = "";
            if (c == '"' || c == '\'') {
                boolean multi = s.startsWith(String.valueOf(c).repeat(3), pos);
                if (multi) {
                    string();
                    kind = ElementKind.MULTILINE;
                } else if (c == '"') {
                    content = basicString();
                    kind = ElementKind.BASIC;
                } else {
                    int close = s.indexOf('\'', pos + 1);
                    if (close < 0) throw new ScanException("unterminated literal string");
                    content = s.substring(pos + 1, close);
                    pos = close + 1;
                    kind = ElementKind.LITERAL;
                }
            } else if (c == '[' || c == '{') {
                bracketed();
                kind = ElementKind.OTHER;
            } else {
                while (pos < s.length() && ",]#\n\r \t".indexOf(s.charAt(pos)) < 0) pos++;
                if (pos == from) throw new ScanException("expected an array element at offset " + pos);
                kind = ElementKind.OTHER;
            }
            int end = pos;
            skipSpace();
            int comma = -1;
            if (at(pos) == ',') comma = ++pos;
            out.add(new Element(kind, from, end, content, comma));
            if (comma < 0) {
                skipSpace();
                if (at(pos) != ']') throw new ScanException("expected `,` or `]` at offset " + pos);
            }
        }
    }

    /** Past blanks, newlines and comments (inside an array). */
    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') pos++;
            else if (c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') pos++;
            } else return;
        }
    }

    private List<Statement> statements() {
        List<Statement> out = new ArrayList<>();
        List<String> table = List.of();
        boolean array = false;
        if (s.startsWith("\uFEFF")) pos = 1; // a UTF-8 byte order mark, which cargo accepts: kept as it is, not a statement
        while (true) {
            skipBlanks();
            if (pos >= s.length()) break;
            char c = s.charAt(pos);
            if (c == '\n') {
                pos++;
            } else if (c == '\r' && at(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                skipComment();
            } else if (c == '[') {
                int start = pos;
                pos++;
                array = at(pos) == '[';
                if (array) pos++;
                List<Segment> key = key();
                expect(']');
                if (array) expect(']');
                endOfLine();
                table = key.stream().map(Segment::name).toList();
                out.add(new Statement(Kind.HEADER, table, array, key, start, -1, -1, pos));
            } else {
                int start = pos;
                List<Segment> key = key();
                skipBlanks();
                expect('=');
                skipBlanks();
                int valueStart = pos;
                value();
                int valueEnd = pos;
                endOfLine();
                out.add(new Statement(Kind.KEY_VALUE, table, array, key, start, valueStart, valueEnd, pos));
            }
        }
        return out;
    }

    /** Past blanks and an optional comment, then at a newline or the end. */
    private void endOfLine() {
        skipBlanks();
        if (at(pos) == '#') skipComment();
        if (pos < s.length() && at(pos) != '\n' && !(at(pos) == '\r' && at(pos + 1) == '\n')) {
            throw new ScanException("unexpected `" + s.charAt(pos) + "` at offset " + pos);
        }
    }

    private List<Segment> key() {
        List<Segment> out = new ArrayList<>();
        while (true) {
            skipBlanks();
            int start = pos;
            char c = at(pos);
            String name;
            if (c == '"') {
                name = basicString();
            } else if (c == '\'') {
                int close = s.indexOf('\'', pos + 1);
                if (close < 0) throw new ScanException("unterminated literal key at offset " + pos);
                name = s.substring(pos + 1, close);
                pos = close + 1;
            } else {
                while (pos < s.length() && isBare(s.charAt(pos))) pos++;
                if (pos == start) throw new ScanException("expected a key at offset " + pos);
                name = s.substring(start, pos);
            }
            out.add(new Segment(name, start, pos));
            skipBlanks();
            if (at(pos) != '.') return out;
            pos++;
        }
    }

    static boolean isBare(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private void value() {
        char c = at(pos);
        if (c == '"' || c == '\'') {
            string();
        } else if (c == '[' || c == '{') {
            bracketed();
        } else {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '#') pos++;
            while (pos > start && (s.charAt(pos - 1) == ' ' || s.charAt(pos - 1) == '\t' || s.charAt(pos - 1) == '\r')) pos--;
            if (pos == start) throw new ScanException("expected a value at offset " + pos);
        }
    }

    /** An array or inline table, nested ones, strings and comments included; may span lines. */
    private void bracketed() {
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"' || c == '\'') {
                string();
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            pos++;
            if (c == '[' || c == '{') depth++;
            else if ((c == ']' || c == '}') && --depth == 0) return;
        }
        throw new ScanException("unterminated array or inline table");
    }

    private void string() {
        char q = s.charAt(pos);
        if (s.startsWith(String.valueOf(q).repeat(3), pos)) {
            pos += 3;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\' && q == '"') {
                    pos += 2;
                } else if (c == q && s.startsWith(String.valueOf(q).repeat(3), pos)) {
                    int run = 0;
                    while (at(pos + run) == q) run++;
                    pos += run; // up to two quotes of content may precede the closing three
                    return;
                } else {
                    pos++;
                }
            }
            throw new ScanException("unterminated multi-line string");
        }
        if (q == '"') {
            basicString();
        } else {
            int close = s.indexOf('\'', pos + 1);
            if (close < 0) throw new ScanException("unterminated literal string");
            pos = close + 1;
        }
    }

    /** A one-line basic string; returns its unescaped content. */
    private String basicString() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '\\') {
                char e = at(pos + 1);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'e' -> out.append('\u001b');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'u', 'U' -> {
                        int n = e == 'u' ? 4 : 8;
                        out.appendCodePoint(Integer.parseInt(s.substring(pos + 2, pos + 2 + n), 16));
                        pos += n;
                    }
                    case 'x' -> {
                        out.append((char) Integer.parseInt(s.substring(pos + 2, pos + 4), 16));
                        pos += 2;
                    }
                    default -> throw new ScanException("unknown escape `\\" + e + "` at offset " + pos);
                }
                pos += 2;
                continue;
            }
            if (c == '\n') break;
            out.append(c);
            pos++;
        }
        throw new ScanException("unterminated string");
    }

    private void skipBlanks() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) pos++;
    }

    private void skipComment() {
        while (pos < s.length() && s.charAt(pos) != '\n') pos++;
        if (pos > 0 && s.charAt(pos - 1) == '\r' && pos < s.length()) pos--;
    }

    private void expect(char c) {
        if (at(pos) != c) throw new ScanException("expected `" + c + "` at offset " + pos);
        pos++;
    }

    private char at(int p) {
        return p < s.length() ? s.charAt(p) : '\0';
    }
}
