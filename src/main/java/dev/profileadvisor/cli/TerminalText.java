package dev.profileadvisor.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text output that a hostile manifest, config file, environment variable or argument cannot use to drive the
 * terminal: control characters are shown as escapes ({@code \n}, {@code \r}, {@code \t}, and &#92;u{1b} for ESC), so that
 * a value such as {@code "x}ESC{@code [2J…\naudit: 0 errors\r"} cannot clear the screen, colour the output, move the cursor
 * or fake a line. Two strengths: {@link #line} for one line made from what the user's files say (a value, a message,
 * a file name), and {@link #writer}, through which every text command's stdout and stderr go, which keeps the line
 * structure ({@code \n}, a {@code \r} right before it as in a CRLF file's diff, and tabs) and escapes the rest. JSON
 * and SARIF escape control characters themselves and pass through unchanged.
 */
final class TerminalText {
    private TerminalText() {
    }

    /**
     * @param s text meant for one line (null is shown as {@code null})
     * @return it with every control character escaped, newlines and tabs included, and the Unicode controls that
     *         reorder text (bidirectional overrides and isolates) too
     */
    static String line(Object s) {
        String text = String.valueOf(s);
        if (clean(text, true)) return text;
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) escape(out, text.charAt(i), true);
        return out.toString();
    }

    /**
     * @param out where the text goes
     * @return a writer that escapes what {@link #line} escapes except newlines, tabs, a carriage return right before
     *         a newline, and the bidirectional controls (which TOML allows in comments and strings, so that a diff of
     *         such a file still applies)
     */
    static PrintWriter writer(Writer out) {
        return new PrintWriter(new Escaping(out), true);
    }

    private static boolean clean(String s, boolean all) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (control(c) || all && reorders(c)) return false;
        }
        return true;
    }

    private static boolean control(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }

    private static boolean reorders(char c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    private static void escape(StringBuilder out, char c, boolean all) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (control(c) || all && reorders(c)) out.append("\\u{").append(Integer.toHexString(c)).append('}');
                else out.append(c);
            }
        }
    }

    /** The filter behind {@link #writer}: one write call is escaped as a whole, so a CRLF inside it stays. */
    private static final class Escaping extends FilterWriter {
        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            write(new char[]{(char) c}, 0, 1);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            char[] chars = new char[len];
            s.getChars(off, off + len, chars, 0);
            write(chars, 0, len);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int end = off + len;
            int from = off; // the start of the run of characters written as they are
            StringBuilder escaped = null;
            for (int i = off; i < end; i++) {
                char c = buf[i];
                boolean keep = c == '\n' || c == '\t' || c == '\r' && i + 1 < end && buf[i + 1] == '\n' || !control(c);
                if (keep) continue;
                out.write(buf, from, i - from);
                if (escaped == null) escaped = new StringBuilder(8);
                escaped.setLength(0);
                escape(escaped, c, false);
                out.write(escaped.toString());
                from = i + 1;
            }
            out.write(buf, from, end - from);
        }
    }
}
