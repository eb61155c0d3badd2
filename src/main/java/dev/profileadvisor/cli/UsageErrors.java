package dev.profileadvisor.cli;

import dev.profileadvisor.knowledge.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a mistyped command line is told, rustc style: an unknown option, command or option value names the close
 * one ({@link Suggestions}) or, for commands and values, the ones that exist; then where the usage is.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    /**
     * @param ex what picocli rejected
     * @return the lines for stderr: {@code error: …}, then {@code = help: run `… --help` for usage}
     */
    static List<String> of(ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        return List.of("error: " + message(ex, c), "  = help: run `" + c.getCommandSpec().qualifiedName() + " --help` for usage");
    }

    private static String message(ParameterException ex, CommandLine c) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) return unmatched(u.getUnmatched().get(0), c);
        ArgSpec arg = ex.getArgSpec();
        if (arg instanceof OptionSpec o && o.type().isEnum() && ex.getValue() != null) {
            List<String> values = Arrays.stream(o.type().getEnumConstants()).map(v -> ((Enum<?>) v).name()).toList();
            String typed = ex.getValue();
            if (!values.contains(typed.toLowerCase(java.util.Locale.ROOT))) {
                return "invalid value `" + typed + "` for `" + o.longestName() + "`"
                        + Suggestions.closest(typed, values).map(v -> "; did you mean `" + v + "`?")
                                .orElse(": expected one of " + Suggestions.quoted(values));
            }
        }
        String m = ex.getMessage();
        return m == null || m.isEmpty() ? "invalid arguments" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String unmatched(String arg, CommandLine c) {
        if (arg.startsWith("-")) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            List<String> options = c.getCommandSpec().options().stream().filter(o -> !o.hidden())
                    .flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList();
            return "unknown option `" + name + "`" + didYouMean(Suggestions.closest(name, options));
        }
        List<String> commands = c.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden()).map(java.util.Map.Entry::getKey).toList();
        if (!commands.isEmpty()) {
            return "unknown command `" + arg + "`" + Suggestions.closest(arg, commands).map(n -> "; did you mean `" + n + "`?")
                    .orElse("; known commands: " + Suggestions.quoted(commands));
        }
        return "unexpected argument `" + arg + "`";
    }

    private static String didYouMean(Optional<String> name) {
        return name.map(n -> "; did you mean `" + n + "`?").orElse("");
    }
}
