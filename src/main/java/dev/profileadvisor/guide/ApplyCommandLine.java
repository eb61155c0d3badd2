package dev.profileadvisor.guide;

import dev.profileadvisor.GoalWeight;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code apply} command line that does what the dialog's choices do, quoted for a POSIX shell. */
public final class ApplyCommandLine {
    /** Words a shell reads as themselves: no quoting needed. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ApplyCommandLine() {
    }

    /**
     * @param choices the profile, parent and goals
     * @param options the options given to {@code guide} that {@code apply} takes too ({@code --manifest-path PATH}, …),
     *                one word per element, unquoted
     * @return {@code cargo-profile-advisor apply --goal …}, every word quoted where a shell would split or expand it
     */
    public static String of(Choices choices, List<String> options) {
        List<String> words = new ArrayList<>(List.of("cargo-profile-advisor", "apply"));
        for (GoalWeight g : choices.goals()) {
            words.add("--goal");
            words.add(g.toString());
        }
        choices.profile().ifPresent(p -> {
            words.add("--profile");
            words.add(p);
        });
        choices.inherits().ifPresent(p -> {
            words.add("--inherits");
            words.add(p);
        });
        words.addAll(options);
        return join(words);
    }

    /**
     * @param options as for {@link #of(Choices, List)}
     * @return the command line with placeholders for the goals and profile, for a message that has no choices
     */
    public static String template(List<String> options) {
        StringBuilder s = new StringBuilder("cargo-profile-advisor apply --goal GOAL[=WEIGHT] [--profile NAME]");
        for (String o : options) s.append(' ').append(quote(o));
        return s.toString();
    }

    /**
     * @param word one argument
     * @return the word as a POSIX shell reads it back unchanged: as it is when it holds only safe characters, else in
     *         single quotes (a single quote inside written {@code '\''})
     */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static String join(List<String> words) {
        StringBuilder s = new StringBuilder();
        for (String w : words) {
            if (!s.isEmpty()) s.append(' ');
            s.append(quote(w));
        }
        return s.toString();
    }
}
