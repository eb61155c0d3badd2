package dev.profileadvisor.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sidecar's {@code message}, {@code fix} or part: text with {@code {placeholder}}s that a finding's values fill.
 * A part is an optional piece of wording: one or more alternatives, of which the first whose placeholders all have
 * non-empty values is used, and none (an empty part) when no alternative has them all. The message and fix name a
 * part like a value ({@code {suggestion}}).
 */
public final class MessageTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z-]+)}");

    private MessageTemplate() {
    }

    /**
     * @param template the text
     * @param args     placeholder → value
     * @return the text with every placeholder that {@code args} names replaced; others are left as written
     */
    public static String fill(String template, Map<String, String> args) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Fills a template whose placeholders may name parts as well as values.
     *
     * @param template the text
     * @param parts    part name → its alternatives
     * @param args     placeholder → value
     * @return the text with each part worded ({@link #part(List, Map)}) and every value filled; placeholders that
     *         name neither are left as written
     */
    public static String fill(String template, Map<String, List<String>> parts, Map<String, String> args) {
        if (parts.isEmpty()) return fill(template, args);
        Map<String, String> values = new LinkedHashMap<>(args);
        parts.forEach((name, alternatives) -> values.put(name, part(alternatives, args)));
        return fill(template, values);
    }

    /**
     * @param alternatives a part's alternatives, in order
     * @param args         placeholder → value
     * @return the first alternative whose placeholders all have non-empty values, filled; empty when there is none
     */
    public static String part(List<String> alternatives, Map<String, String> args) {
        for (String a : alternatives) {
            if (placeholders(a).stream().allMatch(p -> !args.getOrDefault(p, "").isEmpty())) return fill(a, args);
        }
        return "";
    }

    /**
     * @param template the text
     * @return the placeholder names it uses, in order
     */
    public static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /**
     * @param template a text with placeholders, e.g. a source key {@code cargo-book-profiles-{section}}
     * @param text     a text
     * @return whether filling the placeholders with kebab-case words can give {@code text}
     */
    public static boolean matches(String template, String text) {
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("[a-z0-9-]+");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return text.matches(regex.toString());
    }
}
