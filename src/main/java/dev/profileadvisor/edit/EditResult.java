package dev.profileadvisor.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;

/**
 * What an edit produced.
 *
 * @param text    the edited text (the original itself when nothing changes)
 * @param changes the keys whose value changed or that were added, table by table in the order asked for, each
 *                table's keys in the order asked for; empty when the text already had every value
 * @param layout  how the first table asked for (for a one-table edit, the profile) is written in the file, which
 *                decides how it was edited
 * @param layouts how each table asked for is written in the file, by its key path ({@code [profile, dev, package, *]})
 */
public record EditResult(String text, List<Change> changes, Layout layout, Map<List<String>, Layout> layouts) {
    /** How a table is written, and so how keys are added to it. */
    public enum Layout {
        /** a table with its header ({@code [profile.NAME]}, {@code [profile.NAME.package."*"]}): new keys go after its
         *  last key line */
        TABLE,
        /** dotted keys ({@code profile.NAME.lto = …} at the top, {@code NAME.lto = …} under {@code [profile]},
         *  {@code package."*".opt-level = …} under {@code [profile.NAME]}): new keys are written the same way after
         *  the last of them */
        DOTTED,
        /** not in the file: a table is added (a profile's at the end, an override table after its profile's
         *  tables), or dotted keys when the file writes the profile, or profiles, that way */
        NEW
    }

    /**
     * Copies the list and the map.
     *
     * @param text    the edited text (the original itself when nothing changes)
     * @param changes the keys whose value changed or that were added, in the order asked for; empty when the text already had every value
     * @param layout  how the first table asked for is written in the file, which decides how it was edited
     * @param layouts how each table asked for is written in the file, by its key path
     */
    public EditResult {
        changes = List.copyOf(changes);
        layouts = Collections.unmodifiableMap(new LinkedHashMap<>(layouts));
    }

    /**
     * A result for a one-table edit.
     *
     * @param text    the edited text (the original itself when nothing changes)
     * @param changes the keys whose value changed or that were added, in the order asked for
     * @param layout  how the table is written in the file
     */
    public EditResult(String text, List<Change> changes, Layout layout) {
        this(text, changes, layout, Map.of());
    }

    /** @return whether the text changed */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
