package dev.profileadvisor.knowledge;

import java.util.List;

/**
 * A published claim that cargo 1.95 contradicts, and the correct fact.
 *
 * @param id        kebab-case id
 * @param claim     what was claimed
 * @param claimedBy source keys that make the claim
 * @param correct   the correct statement
 * @param settings  setting keys concerned
 * @param evidence  how it was settled
 * @param sources   source keys for the correct statement
 */
public record Correction(String id, String claim, List<String> claimedBy, String correct, List<String> settings,
                         String evidence, List<String> sources) {
    /**
     * Copies the lists.
     *
     * @param id        kebab-case id
     * @param claim     what was claimed
     * @param claimedBy source keys that make the claim
     * @param correct   the correct statement
     * @param settings  setting keys concerned
     * @param evidence  how it was settled
     * @param sources   source keys for the correct statement
     */
    public Correction {
        claimedBy = List.copyOf(claimedBy);
        settings = List.copyOf(settings);
        sources = List.copyOf(sources);
    }
}
