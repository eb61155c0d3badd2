package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Something a user wants from a profile.
 *
 * @param id          kebab-case id
 * @param title       human title
 * @param summary     one line
 * @param description a paragraph
 * @param aliases     other names users type (matched case-insensitively)
 * @param profile     the profile this goal targets when none is given; empty when it follows the other goals
 * @param criteria    criterion → multiplier applied to effect scores
 * @param sources     source keys
 */
public record Goal(String id, String title, String summary, String description, List<String> aliases,
                   String profile, Map<String, Integer> criteria, List<String> sources) {
    /**
     * Copies the collections.
     *
     * @param id          kebab-case id
     * @param title       human title
     * @param summary     one line
     * @param description a paragraph
     * @param aliases     other names users type (matched case-insensitively)
     * @param profile     the profile this goal targets when none is given; empty when it follows the other goals
     * @param criteria    criterion → multiplier applied to effect scores
     * @param sources     source keys
     */
    public Goal {
        aliases = List.copyOf(aliases);
        criteria = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criteria));
        sources = List.copyOf(sources);
    }
}
