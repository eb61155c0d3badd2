package dev.profileadvisor.catalog;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A sidecar's {@code message} or {@code fix}: text with {@code {placeholder}}s that a finding's values fill. */
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
     * @param template the text
     * @return the placeholder names it uses, in order
     */
    public static Set<String> placeholders(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
