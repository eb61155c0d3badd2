package dev.profileadvisor.recommend;

import java.util.List;

/**
 * A remark about the recommendation from an interaction rule.
 *
 * @param setting the key it is about
 * @param rule    the rule id
 * @param message what it says
 * @param sources URLs backing it
 */
public record NoteAdvice(String setting, String rule, String message, List<String> sources) {
    /**
     * Copies the sources.
     *
     * @param setting the key it is about
     * @param rule    the rule id
     * @param message what it says
     * @param sources URLs backing it
     */
    public NoteAdvice {
        sources = List.copyOf(sources);
    }
}
