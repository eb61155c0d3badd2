package dev.profileadvisor.guide;

import java.util.List;

/**
 * One question of the dialog.
 *
 * @param text        the prompt, on the line the user types on
 * @param completions what Tab offers for the word under the cursor (words end at spaces and commas)
 * @param buffer      the answer already typed in, to edit (the goals chosen so far); empty for none
 */
public record Prompt(String text, List<String> completions, String buffer) {
    /**
     * Copies the list.
     *
     * @param text        the prompt
     * @param completions what Tab offers
     * @param buffer      the answer already typed in
     */
    public Prompt {
        completions = List.copyOf(completions);
    }
}
