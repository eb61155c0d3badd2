package dev.profileadvisor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The usage help of every command, with a synopsis that wraps only between options: picocli's own wrapping may
 * split one inside its brackets ({@code [-g=GOAL} on one line, {@code [=WEIGHT]]...} on the next).
 */
final class HelpLayout extends CommandLine.Help {
    /**
     * @param spec   the command
     * @param scheme its colours
     */
    HelpLayout(CommandSpec spec, ColorScheme scheme) {
        super(spec, scheme);
    }

    @Override
    protected String insertSynopsisCommandName(int headingLength, Ansi.Text details) {
        String name = commandSpec().qualifiedName();
        int width = commandSpec().usageMessage().width();
        int indent = headingLength + name.length();
        StringBuilder out = new StringBuilder(colorScheme().commandText(name).toString());
        int column = indent;
        for (int[] item : items(details.plainString())) {
            int length = item[1] - item[0];
            if (column + 1 + length > width && column > indent) {
                out.append(System.lineSeparator()).append(" ".repeat(indent));
                column = indent;
            }
            out.append(' ').append(details.substring(item[0], item[1]));
            column += 1 + length;
        }
        return out.append(System.lineSeparator()).toString();
    }

    /** Start and end of each space-separated item outside brackets: {@code [-g=GOAL[=WEIGHT]]...} is one. */
    private static List<int[]> items(String synopsis) {
        List<int[]> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= synopsis.length(); i++) {
            char c = i < synopsis.length() ? synopsis.charAt(i) : ' ';
            if (c == '[' || c == '(') depth++;
            else if (c == ']' || c == ')') depth = Math.max(0, depth - 1);
            else if (c == ' ' && depth == 0) {
                if (i > start) items.add(new int[]{start, i});
                start = i + 1;
            }
        }
        return items;
    }
}
