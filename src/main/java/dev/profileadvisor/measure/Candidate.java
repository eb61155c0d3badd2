package dev.profileadvisor.measure;

import java.util.List;
import java.util.Map;

/**
 * One build to measure: a complete set of profile values, and the {@code --config} lines that give them to cargo
 * as a custom profile over the user's own.
 *
 * @param id       stable id ({@code default}, {@code recommended}, {@code alt-lto-thin}, {@code wizard-min-size})
 * @param origin   {@code default}, {@code current}, {@code recommended}, {@code alternative}, {@code peer} or {@code custom}
 * @param title    one line saying what it is
 * @param values   the profile's key → value id, every key (cargo's default where nothing sets it)
 * @param tables   override table ({@code package."*"}, {@code package.NAME}, {@code build-override}) → key → value id
 * @param settings what sets this candidate apart from cargo's defaults for the profile, as {@code key} (or
 *                 {@code package."*".key}) → TOML literal: what a user would write
 * @param writes   what the build passes over the user's profile, as {@code key} → TOML literal: the {@code --config}
 *                 lines (empty for {@code current})
 * @param notes    what the candidate leaves out ({@code target-cpu} of a peer template), empty when nothing
 * @param aliases  the ids of other candidates with the same values, which were built once under this id
 */
public record Candidate(String id, String origin, String title, Map<String, String> values,
                        Map<String, Map<String, String>> tables, Map<String, String> settings, Map<String, String> writes,
                        List<String> notes, List<String> aliases) {
    /**
     * Copies the collections, keeping their order.
     *
     * @param id       stable id
     * @param origin   where it comes from
     * @param title    one line
     * @param values   key → value id
     * @param tables   table → key → value id
     * @param settings what differs from cargo's defaults
     * @param writes   the {@code --config} lines over the user's profile
     * @param notes    what it leaves out
     * @param aliases  ids of duplicates
     */
    public Candidate {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        Map<String, Map<String, String>> t = new java.util.LinkedHashMap<>();
        tables.forEach((k, v) -> t.put(k, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(v))));
        tables = java.util.Collections.unmodifiableMap(t);
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        writes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(writes));
        notes = List.copyOf(notes);
        aliases = List.copyOf(aliases);
    }

    /** @return whether another candidate builds exactly the same thing */
    boolean sameBuild(Candidate other) {
        return values.equals(other.values) && tables.equals(other.tables);
    }

    /**
     * @param more ids of duplicates
     * @return this candidate, also standing for them
     */
    Candidate alsoFor(List<String> more) {
        List<String> all = new java.util.ArrayList<>(aliases);
        all.addAll(more);
        return new Candidate(id, origin, title, values, tables, settings, writes, notes, all);
    }

    /** @return this id and its aliases */
    public List<String> ids() {
        List<String> all = new java.util.ArrayList<>();
        all.add(id);
        all.addAll(aliases);
        return all;
    }
}
