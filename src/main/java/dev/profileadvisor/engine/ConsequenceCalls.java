package dev.profileadvisor.engine;

import dev.profileadvisor.Problem;
import dev.profileadvisor.catalog.RuleFile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls a consequence must not make because they end or escape the process that runs the rules: {@code System.exit}
 * (also as {@code System::exit}), anything on {@code Runtime} ({@code exit}, {@code halt}, {@code exec}, shutdown
 * hooks), {@code ProcessBuilder} and {@code ProcessHandle}. A consequence is Java compiled into the advisor's own
 * JVM, and Java 17 has no sandbox for it (the Security Manager is deprecated for removal and Drools' generated code
 * cannot be confined by it reliably), so the rule is refused when it is compiled, at the call. The check reads the
 * text with comments and string literals blanked, so a comment or a message that names a call is no problem;
 * reflection gets past it, which is why {@code rules test} also notices a run that ends before it finishes.
 */
final class ConsequenceCalls {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+\"([^\"]+)\"");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bSystem\\s*(?:\\.|::)\\s*exit\\b|\\bRuntime\\b|\\bProcessBuilder\\b|\\bProcessHandle\\b");

    private ConsequenceCalls() {
    }

    /**
     * @param f a DRL file
     * @return a problem at each forbidden call in a consequence
     */
    static List<Problem> read(RuleFile f) {
        List<Problem> out = new ArrayList<>();
        String code = blanked(f.text());
        Matcher rule = RULE.matcher(f.text()); // the rule's name is a string literal, blanked in `code`
        Lines lines = new Lines(f.text());
        while (rule.find()) {
            Matcher end = END.matcher(code);
            int stop = end.find(rule.end()) ? end.start() : code.length();
            Matcher then = THEN.matcher(code).region(rule.end(), stop);
            if (!then.find()) continue;
            Matcher call = FORBIDDEN.matcher(code).region(then.end(), stop);
            while (call.find()) {
                String what = call.group().replaceAll("\\s+", "");
                out.add(new Problem(f.name(), lines.line(call.start()), lines.column(call.start()), "`" + rule.group(1) + "` uses `" + what
                        + "` in its consequence, which could end or escape the process that runs the rules (`rules test`, `serve`); "
                        + "a consequence only inserts a fact"));
            }
        }
        return out;
    }

    /** The text with comments and string and character literals blanked (same length and line breaks). */
    static String blanked(String text) {
        StringBuilder out = new StringBuilder(text);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
                for (int k = i + 1; k < Math.min(j, n); k++) if (text.charAt(k) != '\n') out.setCharAt(k, ' ');
                i = Math.min(j, n - 1);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') out.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                int stop = close < 0 ? n : close + 2;
                for (; i < stop; i++) if (text.charAt(i) != '\n') out.setCharAt(i, ' ');
                i--;
            }
        }
        return out.toString();
    }

    /** Line and column of offsets in a text, found by binary search over where its lines start. */
    static final class Lines {
        private final int[] starts;

        Lines(String text) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') count++;
            starts = new int[count];
            int k = 1;
            for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts[k++] = i + 1;
        }

        int line(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }
    }
}
