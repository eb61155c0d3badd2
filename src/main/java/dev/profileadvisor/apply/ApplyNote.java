package dev.profileadvisor.apply;

/**
 * Something {@code apply} did not change but a user should know: a line it keeps that the recommendation would not
 * write, a config file or variable that overrides what it writes, profiles cargo ignores.
 *
 * @param location {@code file:line:col}, {@code env VAR}, a file name, or empty
 * @param message  rustc style: lowercase start, no trailing period, code in backticks
 */
public record ApplyNote(String location, String message) {
    /** @return {@code location: note: message} */
    @Override
    public String toString() {
        return (location.isEmpty() ? "" : location + ": ") + "note: " + message;
    }
}
