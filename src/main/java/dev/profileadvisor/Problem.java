package dev.profileadvisor;

/**
 * Something wrong in a user's or maintainer's input, with where it is.
 *
 * @param file   the file as the user named it (or a pseudo-name such as {@code --goal})
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong, rustc style: lowercase start, no trailing period, values in backticks
 */
public record Problem(String file, int line, int column, String message) {

    /**
     * Checks that the file and the message are present.
     *
     * @param file   the file as the user named it (or a pseudo-name such as {@code --goal})
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param message what is wrong, rustc style: lowercase start, no trailing period, values in backticks
     * @throws NullPointerException if {@code file} or {@code message} is null
     */
    public Problem {
        java.util.Objects.requireNonNull(file, "file");
        java.util.Objects.requireNonNull(message, "message");
    }

    /**
     * A problem that has no location inside a file.
     *
     * @param where   what the problem is about, e.g. {@code --goal}
     * @param message what is wrong
     * @return the problem
     */
    public static Problem of(String where, String message) {
        return new Problem(where, 0, 0, message);
    }

    /** @return {@code file:line:col: message}, leaving out the parts that are unknown */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) s.append(':').append(column);
        }
        return s.append(": ").append(message).toString();
    }
}
