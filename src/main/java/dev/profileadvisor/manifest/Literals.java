package dev.profileadvisor.manifest;

import dev.profileadvisor.toml.TomlText;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** TOML values to and from their literal text. */
public final class Literals {
    private Literals() {
    }

    /**
     * @param value a value tomlj returned
     * @return the TOML literal
     */
    public static String toml(Object value) {
        if (value instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (value instanceof TomlTable) return "{ … }";
        if (value instanceof TomlArray) return "[ … ]";
        // with its seconds, as TOML writes them: java.time's toString() leaves out `:00`
        if (value instanceof java.time.OffsetDateTime t) return t.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (value instanceof java.time.LocalDateTime t) return t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (value instanceof java.time.LocalTime t) return t.format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME);
        return String.valueOf(value);
    }

    /** The longest text {@link #shown} leaves whole. */
    public static final int SHOWN = 120;

    /**
     * @param text a value or literal as a message or a table shows it
     * @return it, or when longer than {@value #SHOWN} characters its start, an ellipsis and its length (a 3 MB
     *         string written once per line it appears on would make megabytes of output)
     */
    public static String shown(String text) {
        if (text == null || text.length() <= SHOWN) return text;
        return text.substring(0, SHOWN - 20) + "… (" + text.length() + " characters)";
    }

    /**
     * @param literal a TOML literal such as {@code "fat"} or {@code true}
     * @return the value tomlj parses it to, or null when it is not a literal
     */
    public static Object parse(String literal) {
        if (literal == null || literal.isEmpty()) return null;
        var r = TomlText.parse("x = " + literal);
        return r.hasErrors() ? null : r.table().get("x");
    }

    /**
     * {@link #parse}, remembered: for the literals of the knowledge (values and aliases), a small fixed set that
     * every audited setting is compared with, so parsing them again each time would be a visible part of a batch audit.
     *
     * @param literal a TOML literal from the knowledge
     * @return the value tomlj parses it to, or null when it is not a literal
     */
    public static Object parseKnown(String literal) {
        if (literal == null || literal.isEmpty()) return null;
        return KNOWN.computeIfAbsent(literal, l -> Optional.ofNullable(parse(l))).orElse(null);
    }

    private static final Map<String, Optional<Object>> KNOWN = new ConcurrentHashMap<>();
}
