package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * {@code -C force-frame-pointers=yes} ({@code knowledge/targets.toml} {@code [frame-pointers]}).
 *
 * @param flags    how to write it in rustflags, one argument per element
 * @param summary  what it does, as a sentence fragment
 * @param helps    where it helps
 * @param cost     what it costs
 * @param verified what was checked with rustc 1.95
 * @param sources  source keys
 */
public record FramePointers(List<String> flags, String summary, String helps, String cost, String verified,
                            List<String> sources) {
    /**
     * Copies the lists.
     *
     * @param flags    how to write it in rustflags
     * @param summary  what it does
     * @param helps    where it helps
     * @param cost     what it costs
     * @param verified what was checked with rustc 1.95
     * @param sources  source keys
     */
    public FramePointers {
        flags = List.copyOf(flags);
        sources = List.copyOf(sources);
    }
}
