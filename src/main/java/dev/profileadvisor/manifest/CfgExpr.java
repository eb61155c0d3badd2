package dev.profileadvisor.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code cfg(…)} expression as cargo reads the keys of {@code [target.'cfg(…)']} tables: {@code name},
 * {@code name = "value"}, {@code all(…)}, {@code any(…)}, {@code not(…)}.
 */
public final class CfgExpr {
    private final String text;
    private int at;

    private CfgExpr(String text) {
        this.text = text;
    }

    /**
     * @param key a target table's key ({@code cfg(all(unix, target_arch = "x86_64"))})
     * @param cfg the cfg values of the target as {@code rustc --print cfg} prints them ({@code unix},
     *            {@code target_os="linux"})
     * @return whether it matches; empty when the key is not a well-formed {@code cfg(…)}
     */
    public static Optional<Boolean> matches(String key, List<String> cfg) {
        String k = key.strip();
        if (!k.startsWith("cfg(") || !k.endsWith(")")) return Optional.empty();
        CfgExpr p = new CfgExpr(k.substring(4, k.length() - 1));
        try {
            boolean r = p.predicate(cfg);
            p.space();
            return p.at == p.text.length() ? Optional.of(r) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean predicate(List<String> cfg) {
        space();
        String name = identifier();
        space();
        if (peek() == '(' && (name.equals("all") || name.equals("any") || name.equals("not"))) {
            at++;
            List<Boolean> args = new ArrayList<>();
            space();
            while (peek() != ')') {
                if (peek() == '\0') throw new IllegalArgumentException("unexpected end");
                args.add(predicate(cfg));
                space();
                if (peek() == ',') {
                    at++;
                    space();
                } else if (peek() != ')') {
                    throw new IllegalArgumentException("expected `,` or `)`");
                }
            }
            at++;
            return switch (name) {
                case "all" -> args.stream().allMatch(b -> b);
                case "any" -> args.stream().anyMatch(b -> b);
                default -> {
                    if (args.size() != 1) throw new IllegalArgumentException("not takes one predicate");
                    yield !args.get(0);
                }
            };
        }
        if (peek() == '=') {
            at++;
            space();
            if (peek() != '"') throw new IllegalArgumentException("expected a string");
            int end = text.indexOf('"', at + 1);
            if (end < 0) throw new IllegalArgumentException("unterminated string");
            String value = text.substring(at + 1, end);
            at = end + 1;
            return cfg.contains(name + "=\"" + value + "\"");
        }
        return cfg.contains(name);
    }

    private String identifier() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) at++;
        if (start == at) throw new IllegalArgumentException("expected a name");
        return text.substring(start, at);
    }

    private char peek() {
        return at >= text.length() ? '\0' : text.charAt(at);
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
    }
}
