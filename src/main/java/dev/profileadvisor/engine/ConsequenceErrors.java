package dev.profileadvisor.engine;

import dev.profileadvisor.catalog.RuleFile;

import dev.profileadvisor.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java compiler's errors in a rule's consequence (the {@code then} part), which Drools reports as one
 * "Rule Compilation error" at the rule's {@code rule} line: each problem is located at the line and column of what it
 * names inside that consequence, and said the way a rule author needs it.
 */
final class ConsequenceErrors {
    static final String PREFIX = "Rule Compilation error";

    private static final Pattern THEN = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^\\s*end\\b", Pattern.MULTILINE);

    private static final Pattern CONSTRUCTOR = Pattern.compile("The constructor (\\w+)\\((.*)\\) is undefined");
    private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+)");
    private static final Pattern VARIABLE = Pattern.compile("([\\w$]+) cannot be resolved(?: to a variable)?$");
    private static final Pattern TYPE = Pattern.compile("(\\w+) cannot be resolved to a type");
    private static final Pattern FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field|The field \\w+\\.(\\w+) is not visible");
    private static final Pattern SYNTAX = Pattern.compile("Syntax error(.*)");

    private ConsequenceErrors() {
    }

    /**
     * @param file     the rule file (its text locates the problems), or null when unknown
     * @param shown    the file name to report
     * @param ruleLine the line Drools reports (the rule's {@code rule} line)
     * @param message  Drools' message: {@link #PREFIX} and one compiler problem per line
     * @return one problem per compiler problem
     */
    static List<Problem> locate(RuleFile file, String shown, int ruleLine, String message) {
        String text = file == null ? "" : file.text();
        int[] region = consequence(text, ruleLine);
        List<Problem> out = new ArrayList<>();
        for (String problem : message.substring(PREFIX.length()).trim().split("\\R")) {
            if (problem.isBlank()) continue;
            Explained e = explain(problem.trim());
            int at = region == null ? -1 : find(text, region, e.search());
            if (at < 0 && region != null) at = firstStatement(text, region);
            if (at < 0) {
                out.add(new Problem(shown, Math.max(ruleLine, 0), 1, e.message()));
            } else {
                out.add(new Problem(shown, RuleBase.lineOf(text, at), at - text.lastIndexOf('\n', at - 1), e.message()));
            }
        }
        return out;
    }

    /** What to say, and a pattern for where in the consequence it is (null: at the first statement). */
    private record Explained(String message, Pattern search) {
    }

    private static Explained explain(String problem) {
        Matcher m = CONSTRUCTOR.matcher(problem);
        if (m.find()) {
            return new Explained("no constructor `" + m.group(1) + "(" + m.group(2) + ")`: check the number and types of the arguments",
                    Pattern.compile("new\\s+" + Pattern.quote(m.group(1)) + "\\s*\\("));
        }
        m = METHOD.matcher(problem);
        if (m.find()) {
            return new Explained("`" + m.group(3) + "` has no method `" + m.group(1) + "(" + m.group(2) + ")`",
                    Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\s*\\("));
        }
        m = TYPE.matcher(problem);
        if (m.find()) {
            return new Explained("unknown type `" + m.group(1) + "` (is it imported, and spelled right?)",
                    Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\b"));
        }
        m = FIELD.matcher(problem);
        if (m.find()) {
            String field = m.group(1) != null ? m.group(1) : m.group(2);
            return new Explained("no field `" + field + "`: a consequence is Java, so call the accessor `" + field + "()`",
                    Pattern.compile("\\.\\s*" + Pattern.quote(field) + "\\b(?!\\s*\\()"));
        }
        m = VARIABLE.matcher(problem);
        if (m.find()) {
            String name = m.group(1);
            String message = name.startsWith("$") ? "`" + name + "` is not bound in the rule's conditions"
                    : "unknown name `" + name + "`";
            return new Explained(message, Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])"));
        }
        m = SYNTAX.matcher(problem);
        if (m.find()) return new Explained("syntax error in the consequence" + m.group(1).replaceFirst("^ on", ": on"), null);
        return new Explained(Character.toLowerCase(problem.charAt(0)) + problem.substring(1), null);
    }

    /** Start and end offsets of the consequence of the rule declared at {@code ruleLine}, or null. */
    private static int[] consequence(String text, int ruleLine) {
        Matcher rule = RuleBase.RULE_DECL.matcher(text);
        while (rule.find()) {
            if (RuleBase.lineOf(text, rule.end()) != ruleLine) continue;
            Matcher then = THEN.matcher(text);
            if (!then.find(rule.end())) return null;
            Matcher end = END.matcher(text);
            return new int[] {then.end(), end.find(then.end()) ? end.start() : text.length()};
        }
        return null;
    }

    private static int find(String text, int[] region, Pattern search) {
        if (search == null) return -1;
        Matcher m = search.matcher(text).region(region[0], region[1]);
        return m.find() ? m.start() : -1;
    }

    private static int firstStatement(String text, int[] region) {
        for (int i = region[0]; i < region[1]; i++) if (!Character.isWhitespace(text.charAt(i))) return i;
        return -1;
    }
}
