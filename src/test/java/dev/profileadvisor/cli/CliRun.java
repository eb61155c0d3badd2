package dev.profileadvisor.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line inside the test JVM, as a user would see it.
 *
 * @param code the exit code
 * @param out  what went to stdout
 * @param err  what went to stderr
 */
public record CliRun(int code, String out, String err) {
    /**
     * @param args the arguments, as typed after {@code cargo-profile-advisor}
     * @return the exit code and both streams
     */
    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
