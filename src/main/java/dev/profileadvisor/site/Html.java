package dev.profileadvisor.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML text from catalogue text: everything escaped, {@code `code`} spans as {@code <code>}, links only to the web. */
final class Html {
    private static final Pattern CODE = Pattern.compile("`([^`\n]+)`");

    private Html() {
    }

    /** @return {@code s} with {@code & < > " '} escaped, safe in element content and in quoted attribute values */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return prose as inline HTML: escaped, with the backticked spans the docs use for code as {@code <code>} */
    static String inline(String s) {
        Matcher m = CODE.matcher(escape(s.strip()));
        return m.replaceAll(r -> "<code>" + Matcher.quoteReplacement(r.group(1)) + "</code>");
    }

    /** @return prose as paragraphs: a blank line separates two, other line breaks are spaces */
    static String paragraphs(String s) {
        List<String> out = new ArrayList<>();
        for (String p : s.strip().split("\n\\s*\n")) {
            if (!p.isBlank()) out.add("<p>" + inline(p.replaceAll("\\s*\n\\s*", " ")) + "</p>");
        }
        return String.join("\n", out);
    }

    /**
     * @param url a source's URL as knowledge writes it
     * @return the URL when it is an absolute {@code http} or {@code https} one, so that no catalogue text can become a
     *         {@code javascript:} or {@code data:} link; empty otherwise (the title is then shown without a link)
     */
    static Optional<String> webLink(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? Optional.of(url.strip()) : Optional.empty();
    }
}
