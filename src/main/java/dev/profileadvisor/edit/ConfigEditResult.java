package dev.profileadvisor.edit;

import java.util.List;

/**
 * What a config edit produced.
 *
 * @param text    the edited text (the original itself when nothing changes)
 * @param changes what changed, key by key ({@code linker} before {@code rustflags}); empty when the text already had it all
 * @param layout  how the target's table is written in the file: a table with its header, dotted keys, or not at all
 */
public record ConfigEditResult(String text, List<ConfigChange> changes, EditResult.Layout layout) {
    /**
     * Copies the list.
     *
     * @param text    the edited text
     * @param changes what changed, key by key
     * @param layout  how the target's table is written in the file
     */
    public ConfigEditResult {
        changes = List.copyOf(changes);
    }

    /** @return whether the text changed */
    public boolean changed() {
        return !changes.isEmpty();
    }
}
