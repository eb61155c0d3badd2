package dev.profileadvisor.catalog;

import dev.profileadvisor.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a rule's consequence passes to its templates, read from the DRL text: the {@code "name", value} pairs
 * after the rule, file, line and column of each {@code Finding.at(…)} call (or the rule, kind, option and value of a
 * {@code TargetAdvice.at(…)}, which takes four fixed arguments too). A rule that inserts neither supplies none. {@code rules lint} compares them with the placeholders of the rule's message, fix and parts.
 *
 * @param rule       the rule id
 * @param values     each value passed, in the order written (a name may be passed by several calls)
 * @param unreadable why some call could not be read (a name that is not a string literal, a missing value), each at
 *                   its place in the DRL file; empty when every call was read
 */
public record SuppliedValues(String rule, List<Value> values, List<Problem> unreadable) {
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule[ \\t]+\"([^\"]+)\"");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");
    private static final Pattern FINDING_AT = Pattern.compile("\\b(?:Finding|TargetAdvice)\\s*\\.\\s*at\\s*\\(");
    private static final Pattern NAME = Pattern.compile("\"([a-z][a-z0-9-]*)\"");

    /**
     * Checks that the rule is named and copies the lists.
     *
     * @param rule       the rule id
     * @param values     each value passed, in the order written
     * @param unreadable why some call could not be read, each at its place in the DRL file
     */
    public SuppliedValues {
        Objects.requireNonNull(rule, "rule");
        values = List.copyOf(values);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * One {@code "name", value} pair of a {@code Finding.at} call.
     *
     * @param name     the placeholder name it fills
     * @param file     the DRL file
     * @param line     line of the name's string literal
     * @param column   column of its opening quote
     * @param literals the string literals of the value's expression, as written with their quotes (wording, when
     *                 they hold words)
     */
    public record Value(String name, String file, int line, int column, List<String> literals) {
        /**
         * Checks that the name is given and copies the literals.
         *
         * @param name     the placeholder name it fills
         * @param file     the DRL file
         * @param line     line of the name's string literal
         * @param column   column of its opening quote
         * @param literals the string literals of the value's expression, as written with their quotes
         */
        public Value {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(file, "file");
            literals = List.copyOf(literals);
        }
    }

    /** @return the names supplied, each once, in the order first written */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        for (Value v : values) out.add(v.name());
        return out;
    }

    /**
     * Reads every rule of a DRL file.
     *
     * @param drl the file
     * @return rule id → what its consequence supplies, in file order
     */
    static Map<String, SuppliedValues> read(RuleFile drl) {
        String text = drl.text();
        String code = withoutComments(text);
        Map<String, SuppliedValues> out = new LinkedHashMap<>();
        Matcher rule = RULE.matcher(code);
        while (rule.find()) {
            String id = rule.group(1);
            Matcher end = END.matcher(code);
            int stop = end.find(rule.end()) ? end.start() : code.length();
            Matcher then = THEN.matcher(code).region(rule.end(), stop);
            List<Value> values = new ArrayList<>();
            List<Problem> unreadable = new ArrayList<>();
            if (then.find()) {
                Matcher call = FINDING_AT.matcher(code).region(then.end(), stop);
                while (call.find()) readCall(drl.name(), text, code, id, call.start(), call.end(), values, unreadable);
            }
            out.putIfAbsent(id, new SuppliedValues(id, values, unreadable));
        }
        return out;
    }

    private static void readCall(String file, String text, String code, String id, int callStart, int open,
                                 List<Value> values, List<Problem> unreadable) {
        List<int[]> args = arguments(code, open);
        if (args.size() < 4 || (args.size() - 4) % 2 != 0) {
            unreadable.add(problemAt(file, text, callStart, "cannot read the values `" + id + "` supplies: `Finding.at` takes the "
                    + "rule, file, line and column, then pairs of a name and its value"));
            return;
        }
        for (int i = 4; i + 1 < args.size(); i += 2) {
            int[] name = trimmed(code, args.get(i));
            Matcher m = NAME.matcher(code.substring(name[0], name[1]));
            if (!m.matches()) {
                unreadable.add(problemAt(file, text, name[0], "cannot tell which value `" + id + "` supplies here: a name must be "
                        + "a string literal in kebab-case, such as `\"key\"`, not `" + code.substring(name[0], name[1]) + "`"));
                continue;
            }
            int[] value = args.get(i + 1);
            int[] at = lineAndColumn(text, name[0]);
            values.add(new Value(m.group(1), file, at[0], at[1], literals(code, value[0], value[1])));
        }
    }

    /** The arguments of a call whose {@code (} ends at {@code open}: start and end offsets, split at top-level commas. */
    private static List<int[]> arguments(String code, int open) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = open;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(code, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (i > start || !out.isEmpty()) out.add(new int[] {start, i});
                    return out;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return List.of(); // no closing parenthesis: the DRL does not compile either
    }

    private static int[] trimmed(String code, int[] span) {
        int a = span[0];
        int b = span[1];
        while (a < b && Character.isWhitespace(code.charAt(a))) a++;
        while (b > a && Character.isWhitespace(code.charAt(b - 1))) b--;
        return new int[] {a, b};
    }

    private static List<String> literals(String code, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (code.charAt(i) == '"') {
                int close = closingQuote(code, i);
                out.add(code.substring(i, Math.min(close + 1, to)));
                i = close;
            } else if (code.charAt(i) == '\'') {
                i = closingQuote(code, i);
            }
        }
        return out;
    }

    /** The offset of the quote that closes the literal opened at {@code open} (escapes skipped). */
    private static int closingQuote(String code, int open) {
        char q = code.charAt(open);
        for (int i = open + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') i++;
            else if (c == q || c == '\n') return i;
        }
        return code.length() - 1;
    }

    /** The text with comments blanked out (same length and line breaks, so offsets stay). */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(text, i);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') out.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                int stop = close < 0 ? text.length() : close + 2;
                for (; i < stop; i++) if (text.charAt(i) != '\n') out.setCharAt(i, ' ');
                i--;
            }
        }
        return out.toString();
    }

    private static Problem problemAt(String file, String text, int offset, String message) {
        int[] at = lineAndColumn(text, offset);
        return new Problem(file, at[0], at[1], message);
    }

    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }
}
