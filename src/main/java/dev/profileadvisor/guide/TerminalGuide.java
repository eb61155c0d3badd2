package dev.profileadvisor.guide;

import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.PrintWriter;

/** Runs a {@link Dialog} on the process's terminal with JLine: line editing, history and Tab completion. */
public final class TerminalGuide {
    private TerminalGuide() {
    }

    /**
     * @return whether standard input and standard output are both terminals (a dialog can be held)
     */
    public static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            // Java 22 and later return a console for redirected streams too, and say with isTerminal() whether it is one
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // Java 17 to 21: a console exists only when stdin and stdout are terminals
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Holds the dialog until it is done; Ctrl-D or Ctrl-C at any question quits, writing nothing.
     *
     * @param dialog the dialog, not started
     * @return the dialog's exit code
     * @throws IOException when the terminal cannot be opened
     */
    public static int run(Dialog dialog) throws IOException {
        // Ctrl-C interrupts a question (the line reader handles SIGINT while it reads); between questions it is ignored
        // rather than left to the default action, which would kill the JVM in the middle of a screen
        try (Terminal terminal = TerminalBuilder.builder().system(true).signalHandler(Terminal.SignalHandler.SIG_IGN).build()) {
            Prompt[] asking = new Prompt[1];
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("cargo-profile-advisor")
                    .parser(new WordsParser())
                    .completer((r, line, candidates) -> asking[0].completions().forEach(c -> candidates.add(new Candidate(c))))
                    .build();
            reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // a `!` is just a character
            PrintWriter out = terminal.writer();
            out.print(dialog.start());
            out.flush();
            while (!dialog.done()) {
                asking[0] = dialog.prompt();
                String line;
                try {
                    line = reader.readLine(asking[0].text().replace("%", "%%"), null, asking[0].buffer());
                } catch (UserInterruptException | EndOfFileException e) {
                    line = null;
                    out.println();
                }
                out.print(dialog.answer(line));
                out.flush();
            }
            return dialog.exitCode();
        }
    }

    /** Words end at spaces and commas (goals are comma-separated); no quotes or escapes, which goal ids never need. */
    private static final class WordsParser extends DefaultParser {
        WordsParser() {
            setQuoteChars(new char[0]);
            setEscapeChars(new char[0]);
        }

        @Override
        public boolean isDelimiterChar(CharSequence buffer, int pos) {
            return buffer.charAt(pos) == ',' || super.isDelimiterChar(buffer, pos);
        }
    }
}
