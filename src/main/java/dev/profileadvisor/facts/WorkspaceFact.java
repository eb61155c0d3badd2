package dev.profileadvisor.facts;

import java.util.List;

/**
 * The workspace as a whole (audit input fact, one per audit): whether its package graph is known.
 *
 * @param file           the root manifest
 * @param line           line of {@code workspace.members}, 0 when it is not written
 * @param column         column of it
 * @param missingMembers the {@code workspace.members} entries no manifest answers to, as written
 * @param graphKnown     whether every member is there: only then can the audit tell that a
 *                       {@code [profile.*.package.NAME]} spec matches nothing or that no package builds a binary
 * @param outsideDependencies the dependencies its manifests declare that are not workspace packages (in any
 *                       dependency table, {@code [workspace.dependencies]} included): what {@code package."*"} reaches
 */
public record WorkspaceFact(String file, int line, int column, List<String> missingMembers, boolean graphKnown,
                            List<String> outsideDependencies) {
    /**
     * Checks that the graph is known exactly when no member is missing, and copies the list.
     *
     * @param file           the root manifest
     * @param line           line of {@code workspace.members}, 0 when it is not written
     * @param column         column of it
     * @param missingMembers the {@code workspace.members} entries no manifest answers to, as written
     * @param graphKnown     whether every member is there
     * @param outsideDependencies the dependencies its manifests declare that are not workspace packages
     */
    public WorkspaceFact {
        missingMembers = List.copyOf(missingMembers);
        outsideDependencies = List.copyOf(outsideDependencies);
        if (graphKnown != missingMembers.isEmpty()) {
            throw new IllegalArgumentException("the graph is known exactly when no member is missing: " + missingMembers);
        }
    }
}
