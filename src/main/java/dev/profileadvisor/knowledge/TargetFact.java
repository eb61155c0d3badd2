package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * A statement about target settings ({@code knowledge/targets.toml} {@code [[fact]]}), verified with cargo 1.95 or
 * sourced.
 *
 * @param id      stable id, cited by rules and docs
 * @param text    the statement, Markdown
 * @param sources source keys
 */
public record TargetFact(String id, String text, List<String> sources) {
    /**
     * Copies the sources.
     *
     * @param id      stable id
     * @param text    the statement
     * @param sources source keys
     */
    public TargetFact {
        sources = List.copyOf(sources);
    }
}
