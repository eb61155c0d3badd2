package dev.profileadvisor.guide;

import java.util.List;
import java.util.Optional;

/**
 * What the dialog asks of the rest of the program: the project's profiles, the goal catalogue, and the plan for some
 * choices, computed and written exactly as {@code apply} computes and writes it.
 */
public interface Backend {
    /** @return the workspace root manifest as messages name it ({@code Cargo.toml}, {@code ../Cargo.toml}) */
    String manifest();

    /** @return the profiles to offer: the project's own first, then the ones cargo and the knowledge know */
    List<ProfileChoice> profiles();

    /** @return the goal catalogue, in its order */
    List<GoalChoice> goals();

    /**
     * @param typed a goal id or alias as typed
     * @return its goal id; empty when it is neither
     */
    Optional<String> goalId(String typed);

    /**
     * @param choices a profile (or none) and at least one goal
     * @return the justified plan and its diff, and how to write it
     * @throws dev.profileadvisor.AdvisorException when the choices are refused (a bad profile name) or the manifest
     *         cannot be edited
     */
    Review review(Choices choices);

    /**
     * A profile the user can pick.
     *
     * @param name     profile name
     * @param inProject whether the project's files define or change it
     * @param note     what to show beside it ({@code custom, inherits release; sets lto, strip})
     */
    record ProfileChoice(String name, boolean inProject, String note) {
    }

    /**
     * A goal the user can pick.
     *
     * @param id      goal id
     * @param summary one line
     * @param aliases other names it answers to
     */
    record GoalChoice(String id, String summary, List<String> aliases) {
        /**
         * Copies the list.
         *
         * @param id      goal id
         * @param summary one line
         * @param aliases other names it answers to
         */
        public GoalChoice {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * A plan ready to be written.
     *
     * @param screen  the justified plan, then what {@code apply} prints before writing (the diff, each change, notes)
     * @param changes whether writing would change a file
     * @param write   writes the files through the same safe path as {@code apply} and returns what it prints
     *                ({@code wrote Cargo.toml}); throws {@link dev.profileadvisor.AdvisorException} when a file changed
     *                meanwhile or cannot be written
     */
    record Review(String screen, boolean changes, java.util.function.Supplier<String> write) {
    }
}
