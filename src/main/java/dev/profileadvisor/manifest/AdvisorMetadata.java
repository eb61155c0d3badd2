package dev.profileadvisor.manifest;

import dev.profileadvisor.Problem;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The advisor's own tables of a manifest, {@code [workspace.metadata.profile-advisor]} and
 * {@code [package.metadata.profile-advisor]} (cargo ignores {@code metadata} tables): the finding ids they allow.
 * Each {@code allow} entry is an id ({@code "restates-default"}) or {@code { id = "…", reason = "…" }}. A table or
 * entry of the wrong shape is kept as a problem (with its position), not thrown, so that only the audit, which uses
 * the entries, refuses the manifest.
 *
 * @param workspace what {@code [workspace.metadata.profile-advisor]} allows
 * @param pkg       what {@code [package.metadata.profile-advisor]} allows
 * @param problems  tables and entries of the wrong shape, each at its {@code file:line:col}
 */
public record AdvisorMetadata(List<Allowed> workspace, List<Allowed> pkg, List<Problem> problems) {
    /** The name of the advisor's table under {@code metadata}. */
    public static final String TABLE = "profile-advisor";
    /** A manifest without the tables. */
    public static final AdvisorMetadata NONE = new AdvisorMetadata(List.of(), List.of(), List.of());
    private static final Set<String> KEYS = Set.of("allow");
    private static final Set<String> ENTRY_KEYS = Set.of("id", "reason");

    /**
     * Copies the lists.
     *
     * @param workspace what {@code [workspace.metadata.profile-advisor]} allows
     * @param pkg       what {@code [package.metadata.profile-advisor]} allows
     * @param problems  tables and entries of the wrong shape
     */
    public AdvisorMetadata {
        workspace = List.copyOf(workspace);
        pkg = List.copyOf(pkg);
        problems = List.copyOf(problems);
    }

    /**
     * One {@code allow} entry.
     *
     * @param id     the finding id, as written
     * @param reason why it is allowed; empty when the entry is a bare id
     * @param at     where the entry is written
     * @param table  the table it is in: {@code workspace.metadata.profile-advisor} or {@code package.metadata.profile-advisor}
     */
    public record Allowed(String id, String reason, Origin at, String table) {
    }

    /**
     * @param toml    a parsed manifest
     * @param display its name in messages
     * @return its advisor tables
     */
    static AdvisorMetadata read(dev.profileadvisor.toml.TomlText doc, String display) {
        TomlParseResult toml = doc.table();
        if (toml.get(List.of("workspace", "metadata", TABLE)) == null && toml.get(List.of("package", "metadata", TABLE)) == null) {
            return NONE;
        }
        List<Problem> problems = new ArrayList<>();
        List<Allowed> workspace = table(doc, display, "workspace", problems);
        List<Allowed> pkg = table(doc, display, "package", problems);
        return new AdvisorMetadata(workspace, pkg, problems);
    }

    private static List<Allowed> table(dev.profileadvisor.toml.TomlText doc, String display, String section, List<Problem> problems) {
        TomlParseResult toml = doc.table();
        List<String> path = List.of(section, "metadata", TABLE);
        String name = String.join(".", path);
        Object t = toml.get(path);
        if (t == null) return List.of();
        if (!(t instanceof TomlTable table)) {
            problems.add(at(display, doc.position(toml.inputPositionOf(path)), "`" + name + "` must be a table such as `[" + name
                    + "]` with `allow = [\"restates-default\"]`, found " + ManifestReader.typeName(t)));
            return List.of();
        }
        for (String key : table.keySet()) {
            if (KEYS.contains(key)) continue;
            problems.add(at(display, doc.position(table.inputPositionOf(List.of(key))), "unknown key `" + key + "` in `[" + name + "]`"
                    + dev.profileadvisor.knowledge.Suggestions.closest(key, KEYS).map(k -> "; did you mean `" + k + "`?")
                    .orElse(": the table takes only `allow`, a list of finding ids")));
        }
        Object allow = table.get(List.of("allow"));
        if (allow == null) return List.of();
        if (!(allow instanceof TomlArray entries)) {
            problems.add(at(display, doc.position(table.inputPositionOf(List.of("allow"))), "`" + name + ".allow` must be an array of finding ids "
                    + "such as `allow = [\"restates-default\"]`, found " + ManifestReader.typeName(allow)));
            return List.of();
        }
        List<Allowed> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            TomlPosition p = doc.position(entries.inputPositionOf(i));
            Origin origin = new Origin(Origin.Kind.MANIFEST, display, p == null ? 0 : p.line(), p == null ? 0 : p.column());
            String which = "`" + name + ".allow` entry " + (i + 1);
            if (e instanceof String id) {
                if (id.isBlank()) problems.add(at(display, p, which + " is empty: write a finding id such as `\"restates-default\"`"));
                else out.add(new Allowed(id, "", origin, name));
                continue;
            }
            if (!(e instanceof TomlTable entry)) {
                problems.add(at(display, p, which + " must be a finding id or `{ id = \"…\", reason = \"…\" }`, found " + ManifestReader.typeName(e)));
                continue;
            }
            boolean ok = true;
            for (String key : entry.keySet()) {
                if (ENTRY_KEYS.contains(key)) continue;
                problems.add(at(display, p, "unknown key `" + key + "` in " + which + ": an entry takes `id` and `reason`"));
                ok = false;
            }
            Object id = entry.get(List.of("id"));
            Object reason = entry.get(List.of("reason"));
            if (!(id instanceof String s) || s.isBlank()) {
                problems.add(at(display, p, which + " needs `id = \"…\"`, the finding id it allows"
                        + (id == null ? "" : ", found " + ManifestReader.typeName(id))));
                ok = false;
            }
            if (reason != null && !(reason instanceof String)) {
                problems.add(at(display, p, "`reason` of " + which + " must be a string, found " + ManifestReader.typeName(reason)));
                ok = false;
            }
            if (ok) out.add(new Allowed((String) id, reason == null ? "" : ((String) reason).strip(), origin, name));
        }
        return out;
    }

    private static Problem at(String display, TomlPosition p, String message) {
        return new Problem(display, p == null ? 0 : p.line(), p == null ? 0 : p.column(), message);
    }
}
