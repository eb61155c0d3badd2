package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * A notable change to a setting in a Rust release.
 *
 * @param since   the Rust version
 * @param note    what changed
 * @param sources source keys
 */
public record VersionNote(String since, String note, List<String> sources) {
    /**
     * Copies the sources.
     *
     * @param since   the Rust version
     * @param note    what changed
     * @param sources source keys
     */
    public VersionNote {
        sources = List.copyOf(sources);
    }
}
