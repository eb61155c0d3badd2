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
        return String.valueOf(value);
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
