package dev.profileadvisor.edit;

import java.util.List;

/**
 * What an edit produced.
 *
 * @param text    the edited text (the original itself when nothing changes)
 * @param changes the keys whose value changed or that were added, in the order asked for; empty when the text
 *                already had every value
 * @param layout  how the profile is written in the file, which decides how it was edited
 */
public record EditResult(String text, List<Change> changes, Layout layout) {
    /** How a profile is written, and so how keys are added to it. */
    public enum Layout {
        /** a {@code [profile.NAME]} table: new keys go after its last key line */
        TABLE,
        /** dotted keys ({@code profile.NAME.lto = …} at the top, or {@code NAME.lto = …} under {@code [profile]}):
         *  new keys are written the same way after the last of them */
        DOTTED,
        /** not in the file: a {@code [profile.NAME]} table is added at the end, or dotted keys after the other
         *  profiles' dotted keys when the file writes profiles that way */
        NEW
    }

    /**

     * Copies the list.

     *

     * @param text    the edited text (the original itself when nothing changes)

     * @param changes the keys whose value changed or that were added, in the order asked for; empty when the text already had every value

     * @param layout  how the profile is written in the file, which decides how it was edited

     */

    public EditResult {
        changes = List.copyOf(changes);
    }

    /** @return whether the text changed */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
