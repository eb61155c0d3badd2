package dev.profileadvisor.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * Line arithmetic over a text whose lines end in {@code \n} or {@code \r\n} (the two newlines TOML allows); the last
 * line may have no terminator. Lines are 1-based, as in tomlj's positions.
 */
final class TextLines {
    private final String text;
    private final int[] starts;

    TextLines(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') s.add(i + 1);
        starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the number of lines; a text ending in a newline has an empty last line that is counted */
    int count() {
        return starts.length;
    }

    /** @return the 1-based line holding {@code offset} */
    int lineOf(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }

    /** @return the offset where line {@code line} starts */
    int start(int line) {
        return starts[line - 1];
    }

    /** @return the offset just past line {@code line}'s terminator (the text's end for the last line) */
    int endWithTerminator(int line) {
        return line < starts.length ? starts[line] : text.length();
    }

    /** @return the offset of line {@code line}'s terminator ({@code \r} of {@code \r\n}, or {@code \n}), or the text's end */
    int contentEnd(int line) {
        int end = endWithTerminator(line);
        if (end > start(line) && text.charAt(end - 1) == '\n') {
            end--;
            if (end > start(line) && text.charAt(end - 1) == '\r') end--;
        }
        return end;
    }

    /** @return whether the line ends with a newline (false only for the text's last line) */
    boolean terminated(int line) {
        return line < starts.length;
    }

    /** @return the line without its terminator */
    String content(int line) {
        return text.substring(start(line), contentEnd(line));
    }

    /** @return the 1-based column of {@code offset} in its line, counting code points as tomlj does */
    int columnOf(int offset) {
        int start = start(lineOf(offset));
        return text.codePointCount(start, offset) + 1;
    }

    /**
     * The newline to write: the one most lines of the text use, {@code \n} on a tie or when the text has none.
     *
     * @return {@code "\r\n"} or {@code "\n"}
     */
    String newline() {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\n') continue;
            if (i > 0 && text.charAt(i - 1) == '\r') crlf++;
            else lf++;
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    /** @return whether the line holds only spaces and tabs */
    boolean blank(int line) {
        return content(line).isBlank();
    }
}
