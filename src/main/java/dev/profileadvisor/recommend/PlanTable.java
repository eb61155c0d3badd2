package dev.profileadvisor.recommend;

import java.util.List;

/**
 * One table of a plan: {@code [profile.P]}, {@code [profile.P.package."*"]}, {@code [profile.P.package.NAME]} or
 * {@code [profile.P.build-override]}, with the lines it writes.
 *
 * @param path     the table's key path, {@code ["profile", "dev", "package", "*"]}
 * @param scope    {@code profile}, {@code dependencies}, {@code package} or {@code build-override} (knowledge/scopes.toml)
 * @param covers   which units the table reaches, in a sentence
 * @param why      why its lines belong in this scope (the scope's justification)
 * @param settings the lines it writes, in knowledge order; for an override table each line's "default" is the value the
 *                 table's units would get without it
 */
public record PlanTable(List<String> path, String scope, String covers, String why, List<SettingAdvice> settings) {
    /**
     * Copies the lists.
     *
     * @param path     the table's key path
     * @param scope    the scope id
     * @param covers   which units the table reaches
     * @param why      why its lines belong in this scope
     * @param settings the lines it writes
     */
    public PlanTable {
        path = List.copyOf(path);
        settings = List.copyOf(settings);
    }

    /** @return the table header as TOML writes it: {@code profile.dev.package."*"} */
    public String header() {
        StringBuilder out = new StringBuilder();
        for (String k : path) {
            if (!out.isEmpty()) out.append('.');
            out.append(k.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_') && !k.isEmpty() ? k : "\"" + k + "\"");
        }
        return out.toString();
    }
}
