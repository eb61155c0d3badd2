package dev.profileadvisor.server;

/**
 * Input quoted back in error messages, cut to a length a person reads: a 1 MB goal id or path must not make a 1 MB
 * answer. Cuts between code points, never inside a surrogate pair.
 */
final class Echo {
    /** The most characters of one value a message quotes. */
    static final int MAX_CHARS = 200;
    /** The most characters of one whole message (a backstop for messages that quote several values). */
    static final int MAX_MESSAGE_CHARS = 2_000;

    private Echo() {
    }

    /**
     * @param value what the request sent
     * @return the value in backticks, cut to {@value #MAX_CHARS} characters with its length said when it was longer,
     * e.g. {@code `aaaa…` (100000 characters)}
     */
    static String code(String value) {
        if (value.length() <= MAX_CHARS) return "`" + value + "`";
        return "`" + cut(value, MAX_CHARS) + "…` (" + value.length() + " characters)";
    }

    /**
     * @param message a whole message
     * @return the message, cut to {@value #MAX_MESSAGE_CHARS} characters
     */
    static String message(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : cut(message, MAX_MESSAGE_CHARS) + "…";
    }

    private static String cut(String s, int chars) {
        int end = Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars;
        return s.substring(0, end);
    }
}
