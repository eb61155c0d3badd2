package dev.profileadvisor.cli;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;

/** The {@code cargo-profile-advisor} command. */
@Command(name = "cargo-profile-advisor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Recommends, explains and audits Cargo build profiles from your goals.",
        subcommands = {RecommendCommand.class, AuditCommand.class, ApplyCommand.class, MeasureCommand.class, GoalsCommand.class, ExplainCommand.class,
                RulesCommand.class, DocsCommand.class, ServeCommand.class, WarmUpCommand.class,
                GuideCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 a check failed, 2 bad input (message on stderr), 3 internal error.",
                "Also runs as a cargo subcommand: `cargo profile-advisor …` when bin/ is on PATH."})
public final class Main {
    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a check that failed (findings at or above --fail-on, rule cases failing). */
    public static final int CHECK_FAILED = 1;
    /** Exit code for bad input: an unknown goal, a malformed file. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a bug in the advisor. */
    public static final int INTERNAL_ERROR = 3;

    @Option(names = "--verbose", description = "Print stack traces of internal errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    /**
     * @param args command-line arguments; a leading {@code profile-advisor} (as cargo passes it) is dropped
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command with the given streams; for tests and embedding.
     *
     * @param args arguments
     * @param stdout standard output (text goes through {@code TerminalText}: control characters are escaped)
     * @param stderr standard error, likewise
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter stdout, PrintWriter stderr) {
        if (args.length > 0 && args[0].equals("profile-advisor")) args = Arrays.copyOfRange(args, 1, args.length);
        PrintWriter out = TerminalText.writer(stdout); // no control character from a file or argument reaches the terminal
        PrintWriter err = TerminalText.writer(stderr);
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // its escapes would be shown as text
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setHelpFactory(HelpLayout::new);
        cl.setParameterExceptionHandler((ex, a) -> {
            UsageErrors.of(ex).forEach(l -> err.println(TerminalText.line(l)));
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof AdvisorException ae) {
                for (Problem p : ae.problems()) err.println("error: " + TerminalText.line(p));
                return BAD_INPUT;
            }
            err.println("error: internal error: " + TerminalText.line(ex));
            if (main.verbose) ex.printStackTrace(err);
            else err.println("  = note: run again with --verbose for the stack trace, and report it");
            return INTERNAL_ERROR;
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) { // an Error passes picocli's handler: one line, not the JVM's trace
            out.flush();
            err.println("error: internal error: " + (e instanceof OutOfMemoryError
                    ? "out of memory (the launcher's heap is 256 MB; CPA_JAVA_OPTS=-Xmx1g gives more)" : "stack overflow")
                    + "; please report it with the input that caused it");
            if (main.verbose) e.printStackTrace(err);
            err.flush();
            return INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        stdout.flush();
        stderr.flush();
        return code;
    }

    /** Reads the version from the jar manifest, falling back to the build's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"cargo-profile-advisor " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (knowledge verified against cargo 1.95)"};
        }
    }
}
