package dev.profileadvisor.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u --label a/F --label b/F} prints it: three lines of context, hunks
 * closer than that merged, {@code \ No newline at end of file} after a last line without one, and lines compared
 * and printed with their own newline ({@code \r\n} included), so {@code git apply} and {@code patch} accept it.
 * The edit script is Myers' O(ND) shortest one, run on what is left after the common head and tail are set aside.
 */
public final class UnifiedDiff {
    /** Lines of context around each change. */
    public static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /**
     * @param before    the old text
     * @param after     the new text
     * @param fromLabel the old file's label ({@code a/Cargo.toml})
     * @param toLabel   the new file's label ({@code b/Cargo.toml})
     * @return the diff, or an empty string when the texts are equal
     */
    public static String of(String before, String after, String fromLabel, String toLabel) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<Op> ops = script(a, b);
        if (ops.stream().allMatch(o -> o.kind == ' ')) return "";
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(quoted(fromLabel)).append('\n').append("+++ ").append(quoted(toLabel)).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i; // exclusive end of the hunk's changes
            while (true) {
                while (end < ops.size() && ops.get(end).kind != ' ') end++;
                int next = end;
                while (next < ops.size() && ops.get(next).kind == ' ') next++;
                if (next < ops.size() && next - end <= 2 * CONTEXT) end = next;
                else break;
            }
            int stop = Math.min(ops.size(), end + CONTEXT);
            hunk(out, ops.subList(start, stop), a, b);
            i = stop;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Op> ops, List<String> a, List<String> b) {
        int aStart = -1;
        int bStart = -1;
        int aLen = 0;
        int bLen = 0;
        for (Op o : ops) {
            if (o.kind != '+') {
                if (aStart < 0) aStart = o.a;
                aLen++;
            }
            if (o.kind != '-') {
                if (bStart < 0) bStart = o.b;
                bLen++;
            }
        }
        out.append("@@ -").append(range(aStart < 0 ? ops.get(0).a : aStart, aLen))
                .append(" +").append(range(bStart < 0 ? ops.get(0).b : bStart, bLen)).append(" @@\n");
        for (Op o : ops) {
            String line = o.kind == '+' ? b.get(o.b) : a.get(o.a);
            out.append(o.kind).append(line);
            if (!line.endsWith("\n")) out.append("\n\\ No newline at end of file\n");
        }
    }

    /** GNU's range: {@code start,len}, just {@code start} for one line, the line before for none. */
    private static String range(int index, int len) {
        if (len == 0) return index + ",0";
        return len == 1 ? String.valueOf(index + 1) : (index + 1) + "," + len;
    }

    /** @return the text's lines, each with its newline; a last line without one as it is; none for "" */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    /**
     * One step of the edit script: {@code ' '} keeps a[a] (= b[b]), {@code '-'} removes a[a], {@code '+'} adds b[b].
     * For {@code '+'}, {@code a} is the index in a before which the line goes; for {@code '-'}, {@code b} likewise.
     */
    record Op(char kind, int a, int b) {
    }

    /** Myers' shortest edit script, deletions before insertions within a change. */
    static List<Op> script(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        List<String> ma = a.subList(head, a.size() - tail);
        List<String> mb = b.subList(head, b.size() - tail);
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < head; i++) out.add(new Op(' ', i, i));
        for (Op o : myers(ma, mb)) out.add(new Op(o.kind, o.a + head, o.b + head));
        for (int i = tail; i > 0; i--) out.add(new Op(' ', a.size() - i, b.size() - i));
        return out;
    }

    private static List<Op> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Op> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d >= 0; d--) {
            int[] pv = trace.get(d);
            int k = x - y;
            int prevK = k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]) ? k + 1 : k - 1;
            int prevX = d == 0 ? 0 : pv[offset + prevK];
            int prevY = d == 0 ? 0 : prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Op(' ', x, y));
            }
            if (d > 0) {
                if (x == prevX) reversed.add(new Op('+', x, y - 1));
                else reversed.add(new Op('-', x - 1, y));
            }
            x = prevX;
            y = prevY;
        }
        List<Op> out = new ArrayList<>();
        for (int i = reversed.size() - 1; i >= 0; i--) out.add(reversed.get(i));
        return orderChanges(out);
    }

    /** Within each run of changes, removals first, as diff prints them. */
    private static List<Op> orderChanges(List<Op> ops) {
        List<Op> out = new ArrayList<>();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                out.add(ops.get(i++));
                continue;
            }
            List<Op> minus = new ArrayList<>();
            List<Op> plus = new ArrayList<>();
            while (i < ops.size() && ops.get(i).kind != ' ') {
                (ops.get(i).kind == '-' ? minus : plus).add(ops.get(i));
                i++;
            }
            out.addAll(minus);
            out.addAll(plus);
        }
        return out;
    }

    /**
     * A file name as git writes it in a diff header: as it is, unless it holds a control character, a quote or a
     * backslash; then in double quotes with C escapes and every byte outside printable ASCII in octal, which
     * {@code git apply} and GNU {@code patch} read back (and a terminal shows as text, never as a new line).
     */
    static String quoted(String name) {
        boolean plain = true;
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c >= 0x20 && c != 0x7f && c != '"' && c != '\\' && !(c >= 0x80 && c <= 0x9f);
        }
        if (plain) return name;
        StringBuilder q = new StringBuilder("\"");
        for (byte x : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            switch (c) {
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) q.append('\\').append(String.format("%03o", c));
                    else q.append((char) c);
                }
            }
        }
        return q.append('"').toString();
    }
}
