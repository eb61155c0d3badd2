package dev.profileadvisor.engine;

import dev.profileadvisor.Problem;
import dev.profileadvisor.catalog.RuleFile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Drools' and MVEL's compiler messages, located ({@code file:line:col}) and reworded for a rule author. */
final class DrlErrors {
    private DrlErrors() {
    }

    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?)(?::\\s*\\[Error|\\s*\\[Near|$)", Pattern.DOTALL);
    private static final Pattern PARSER_LINE_COL = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern LINE_COL = Pattern.compile("\\[Line: (\\d+), Column: (\\d+)]");
    /** Finds the best line and column for a Drools error, which sometimes reports line 0, -1 or the rule's line. */
    static Problem locate(RuleFile f, String file, int[] lines, String msg) {
        int line = lines != null && lines.length > 0 ? lines[0] : 0;
        int col = 0;
        Matcher lc = LINE_COL.matcher(msg);
        Matcher plc = PARSER_LINE_COL.matcher(msg);
        if (plc.find()) {
            line = Integer.parseInt(plc.group(1));
            col = Integer.parseInt(plc.group(2)) + 1;
        }
        String text = f == null ? "" : f.text();
        Matcher ex = EXPRESSION.matcher(msg);
        if (ex.find() && !text.isEmpty()) {
            // Drools reports consequence errors at the `rule` line: find the expression itself.
            String expr = ex.group(1).trim().replaceFirst("^drools\\.", "");
            String probe = expr.length() > 40 ? expr.substring(0, 40) : expr;
            int at = indexIgnoringSpace(text, probe, line);
            if (at >= 0) {
                line = RuleBase.lineOf(text, at);
                col = at - text.lastIndexOf('\n', at - 1);
            }
        } else if (lc.find() && line <= 0) {
            line = Integer.parseInt(lc.group(1));
        }
        if (line <= 0 && !text.isEmpty()) {
            Matcher m = RuleBase.RULE_DECL.matcher(text);
            while (m.find()) {
                if (msg.contains(m.group(1))) {
                    line = RuleBase.lineOf(text, m.start());
                    col = 1;
                    break;
                }
            }
        }
        return new Problem(file, Math.max(line, 0), col, summarise(msg));
    }

    private static int indexIgnoringSpace(String text, String probe, int fromLine) {
        String squeezed = probe.replaceAll("\\s+", "");
        if (squeezed.isEmpty()) return -1;
        String[] lines = text.split("\n", -1);
        int offset = 0;
        int best = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].replaceAll("\\s+", "");
            String head = squeezed.length() > l.length() ? squeezed.substring(0, Math.max(1, Math.min(squeezed.length(), l.length()))) : squeezed;
            if (!l.isEmpty() && l.contains(head) && head.length() >= Math.min(8, squeezed.length())) {
                int indent = lines[i].length() - lines[i].stripLeading().length();
                if (best < 0 || i + 1 >= fromLine) {
                    best = offset + indent;
                    if (i + 1 >= fromLine) return best;
                }
            }
            offset += lines[i].length() + 1;
        }
        return best;
    }

    private static final Pattern STRICT_METHOD = Pattern.compile(
            "Unable to Analyse Expression (.+?):\\s*\\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)]", Pattern.DOTALL);
    private static final Pattern NO_CONSTRUCTOR = Pattern.compile(
            "Unable to Analyse Expression (.+?):.*could not resolve constructor ([\\w.$]+)\\[([^\\]]*)]", Pattern.DOTALL);
    private static final Pattern NO_IDENTIFIER = Pattern.compile(
            "Unable to Analyse Expression (.+?):\\s*\\[Error: no such identifier: (\\w+)]", Pattern.DOTALL);

    /** Rewrites the common Drools/MVEL messages into what a rule author needs to know. */
    static String summarise(String msg) {
        Matcher m = NO_CONSTRUCTOR.matcher(msg);
        if (m.find()) {
            String args = m.group(3).replaceAll("class java\\.lang\\.", "").replaceAll("class ", "").replaceAll("\\s+", " ");
            return "no constructor `" + simple(m.group(2)) + "(" + args + ")` in `" + squeeze(m.group(1)) + "`: check the number and types of the arguments";
        }
        m = STRICT_METHOD.matcher(msg);
        if (m.find()) {
            String type = simple(m.group(2));
            String name = m.group(3);
            if (type.equals("KnowledgeHelper")) {
                return "`" + name + "` is not bound in the rule's conditions (in `" + squeeze(m.group(1)) + "`)";
            }
            return "`" + type + "` has no field `" + name + "` (in `" + squeeze(m.group(1)) + "`)";
        }
        m = NO_IDENTIFIER.matcher(msg);
        if (m.find()) return "unknown name `" + m.group(2) + "` (in `" + squeeze(m.group(1)) + "`)";
        String s = msg.replaceAll("\\s+", " ").trim();
        s = s.replaceFirst("^\\[ERR \\d+] Line \\d+:\\d+ ", "");
        s = s.replaceFirst("^Unable to resolve ObjectType '(\\w+)'", "unknown fact type `$1` (is it imported, and spelled right?)");
        return s.isEmpty() ? "rule compilation failed" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String simple(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").replaceFirst("^drools\\.", "").trim();
    }
}
