package dev.profileadvisor.guide;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The guided dialog as a state machine, with no terminal in it: {@link #prompt()} says what to ask, {@link #answer}
 * takes what the user typed and returns what to show. The steps, and the {@code apply} flag each sets:
 * <ol>
 *   <li>profile ({@code --profile}; empty: chosen by the goals), then its parent for a new custom profile
 *       ({@code --inherits});</li>
 *   <li>goals ({@code --goal ID=WEIGHT}, ids or aliases, comma-separated);</li>
 *   <li>review: the justified plan and the diff, the equivalent {@code apply} command; then apply, edit the weights
 *       (one prompt per goal), change the goals or the profile, or quit.</li>
 * </ol>
 * Applying writes through {@link Backend.Review#write()}; quitting, or the end of input, writes nothing. Either way
 * the last screen prints the equivalent {@code apply} command line.
 */
public final class Dialog {
    /** Where the dialog is. */
    public enum Step {
        /** asking for the profile */
        PROFILE,
        /** asking for the parent of a new custom profile */
        INHERITS,
        /** asking for the goals */
        GOALS,
        /** showing the plan, asking what to do */
        REVIEW,
        /** asking for one goal's weight */
        WEIGHT,
        /** finished: applied, quit, or failed to write */
        DONE
    }

    /** The answers the review step takes, by their first letter or in full. */
    static final List<String> ACTIONS = List.of("apply", "weights", "goals", "profile", "quit");

    private final Backend backend;
    private final List<String> options;
    private Choices choices = Choices.none();
    private Step step = Step.PROFILE;
    private int weightIndex;
    private Backend.Review review;
    private int exitCode;

    /**
     * @param backend the project and its plans
     * @param options the options {@code guide} was given that the {@code apply} command line repeats, one word each
     *                ({@code --manifest-path}, {@code PATH})
     */
    public Dialog(Backend backend, List<String> options) {
        this.backend = backend;
        this.options = List.copyOf(options);
    }

    /** @return where the dialog is */
    public Step step() {
        return step;
    }

    /** @return what has been chosen so far */
    public Choices choices() {
        return choices;
    }

    /** @return whether the dialog is over */
    public boolean done() {
        return step == Step.DONE;
    }

    /** @return the exit code once {@link #done()}: 0 applied, nothing to apply, or quit; 2 when writing was refused */
    public int exitCode() {
        return exitCode;
    }

    /** @return the {@code apply} command line that does what the choices do */
    public String command() {
        return ApplyCommandLine.of(choices, options);
    }

    /** @return what to show before the first question: the manifest and the profiles to choose from */
    public String start() {
        StringBuilder s = new StringBuilder();
        s.append("cargo-profile-advisor guide: a plan for ").append(backend.manifest()).append('\n');
        s.append("each answer is a flag of `cargo-profile-advisor apply`; Tab completes; Ctrl-C, or Ctrl-D on an empty line, quits without writing\n\n");
        s.append(profileList());
        return s.toString();
    }

    /** @return the question to ask now; not to be called once {@link #done()} */
    public Prompt prompt() {
        return switch (step) {
            case PROFILE -> new Prompt("profile (--profile; empty: chosen by the goals): ",
                    backend.profiles().stream().map(Backend.ProfileChoice::name).toList(), choices.profile().orElse(""));
            case INHERITS -> new Prompt("`" + choices.profile().orElseThrow() + "` is a new custom profile; it inherits (--inherits) [release]: ",
                    backend.profiles().stream().map(Backend.ProfileChoice::name).toList(), "");
            case GOALS -> new Prompt("goals (--goal; comma-separated, GOAL=WEIGHT weighs one 1-10): ",
                    backend.goals().stream().map(Backend.GoalChoice::id).toList(),
                    String.join(", ", choices.goals().stream().map(GoalWeight::toString).toList()));
            case REVIEW -> new Prompt(review.changes() ? "[a]pply, edit [w]eights, change [g]oals or [p]rofile, [q]uit: "
                    : "nothing to write; edit [w]eights, change [g]oals or [p]rofile, [q]uit: ", ACTIONS, "");
            case WEIGHT -> {
                GoalWeight g = choices.goals().get(weightIndex);
                yield new Prompt("weight of " + g.goal() + " (1-" + GoalWeight.MAX_WEIGHT + ") [" + g.weight() + "]: ",
                        List.of(), "");
            }
            case DONE -> throw new IllegalStateException("the dialog is over");
        };
    }

    /**
     * @param line what the user typed; {@code null} for the end of input (Ctrl-D) or an interrupt (Ctrl-C): quit
     * @return what to show now (a message, the plan, the last screen); may be empty
     */
    public String answer(String line) {
        if (step == Step.DONE) throw new IllegalStateException("the dialog is over");
        if (line == null) return quit();
        String a = line.strip();
        return switch (step) {
            case PROFILE -> profile(a);
            case INHERITS -> {
                choices = choices.withInherits(a.isEmpty() ? "release" : a);
                step = Step.GOALS;
                yield goalList();
            }
            case GOALS -> goals(a);
            case REVIEW -> action(a);
            case WEIGHT -> weight(a);
            case DONE -> throw new IllegalStateException("the dialog is over");
        };
    }

    private String profile(String a) {
        choices = choices.withProfile(a.isEmpty() ? Optional.empty() : Optional.of(a));
        boolean known = a.isEmpty() || backend.profiles().stream().anyMatch(p -> p.name().equals(a));
        step = known ? Step.GOALS : Step.INHERITS;
        return known ? goalList() : "";
    }

    private String goals(String a) {
        try {
            return chooseGoals(a);
        } catch (AdvisorException e) { // a weight that is not 1-10
            return errors(e);
        }
    }

    private String chooseGoals(String a) {
        List<String> items = new ArrayList<>();
        for (String item : a.split(",")) {
            String t = item.strip();
            if (t.isEmpty()) continue;
            // `small-binary fast-compile`: words that are goals each, rather than one alias with spaces in it
            String[] words = t.split("\\s+");
            if (!namesGoal(t) && words.length > 1 && java.util.Arrays.stream(words).allMatch(this::namesGoal)) items.addAll(List.of(words));
            else items.add(t);
        }
        if (items.isEmpty()) {
            return "error: name at least one goal, e.g. `small-binary` (Tab completes goal ids)\n";
        }
        Map<String, GoalWeight> chosen = new LinkedHashMap<>();
        for (String item : items) {
            GoalWeight typed = GoalWeight.parse(item);
            Optional<String> id = backend.goalId(typed.goal());
            if (id.isEmpty()) {
                return "error: unknown goal `" + typed.goal() + "`; known: "
                        + String.join(", ", backend.goals().stream().map(Backend.GoalChoice::id).toList()) + "\n";
            }
            if (chosen.put(id.get(), new GoalWeight(id.get(), typed.weight())) != null) {
                return "error: goal `" + id.get() + "` is given twice; give it once, with a weight if it matters more (`"
                        + id.get() + "=2`)\n";
            }
        }
        choices = choices.withGoals(List.copyOf(chosen.values()));
        return review();
    }

    private boolean namesGoal(String word) {
        try {
            return backend.goalId(GoalWeight.parse(word).goal()).isPresent();
        } catch (AdvisorException e) {
            return false;
        }
    }

    private String review() {
        try {
            review = backend.review(choices);
        } catch (AdvisorException e) {
            boolean aboutGoals = e.problems().stream().allMatch(p -> p.file().equals("--goal"));
            step = aboutGoals ? Step.GOALS : Step.PROFILE;
            return errors(e) + (aboutGoals ? "" : "\n" + profileList());
        }
        step = Step.REVIEW;
        return review.screen() + "\nthe same from a script:\n  " + command() + "\n\n";
    }

    private String action(String a) {
        String w = a.toLowerCase(Locale.ROOT);
        Optional<String> act = ACTIONS.stream().filter(x -> !w.isEmpty() && (x.equals(w) || x.substring(0, 1).equals(w))).findFirst();
        if (act.isEmpty() || act.get().equals("apply") && !review.changes()) {
            return "answer " + (review.changes() ? "a, " : "") + "w, g, p or q\n";
        }
        switch (act.get()) {
            case "apply" -> {
                step = Step.DONE;
                try {
                    return review.write().get() + "done; the same from a script:\n  " + command() + "\n";
                } catch (AdvisorException e) {
                    exitCode = 2;
                    return errors(e) + "the same from a script, once that is fixed:\n  " + command() + "\n";
                }
            }
            case "weights" -> {
                step = Step.WEIGHT;
                weightIndex = 0;
                return "";
            }
            case "goals" -> {
                step = Step.GOALS;
                return goalList();
            }
            case "profile" -> {
                step = Step.PROFILE;
                return profileList();
            }
            default -> {
                return quit();
            }
        }
    }

    private String weight(String a) {
        if (!a.isEmpty()) {
            int w;
            try {
                w = Integer.parseInt(a);
            } catch (NumberFormatException e) {
                w = -1;
            }
            if (w < 1 || w > GoalWeight.MAX_WEIGHT) {
                return "error: invalid weight `" + a + "`: expected a whole number from 1 to " + GoalWeight.MAX_WEIGHT + "\n";
            }
            choices = choices.withWeight(weightIndex, w);
        }
        weightIndex++;
        if (weightIndex < choices.goals().size()) return "";
        return review();
    }

    private String quit() {
        step = Step.DONE;
        if (choices.goals().isEmpty()) {
            return "quit: nothing written; the same from a script:\n  " + ApplyCommandLine.template(options) + "\n";
        }
        return "quit: nothing written; to apply these choices later:\n  " + command() + "\n";
    }

    private String profileList() {
        StringBuilder s = new StringBuilder();
        int w = backend.profiles().stream().mapToInt(p -> p.name().length()).max().orElse(7);
        for (boolean project : new boolean[]{true, false}) {
            List<Backend.ProfileChoice> these = backend.profiles().stream().filter(p -> p.inProject() == project).toList();
            if (these.isEmpty()) continue;
            s.append(project ? "profiles the project sets:\n" : "other profiles:\n");
            for (Backend.ProfileChoice p : these) s.append(String.format("  %-" + w + "s  %s%n", p.name(), p.note()).stripTrailing()).append('\n');
        }
        s.append("(another name makes a new custom profile)\n");
        return s.toString();
    }

    private String goalList() {
        StringBuilder s = new StringBuilder("goals:\n");
        int w = backend.goals().stream().mapToInt(g -> g.id().length()).max().orElse(10);
        for (Backend.GoalChoice g : backend.goals()) {
            s.append(String.format("  %-" + w + "s  %s%n", g.id(), g.summary()));
            if (!g.aliases().isEmpty()) s.append(String.format("  %-" + w + "s  aliases: %s%n", "", String.join(", ", g.aliases())));
        }
        return s.toString();
    }

    private static String errors(AdvisorException e) {
        StringBuilder s = new StringBuilder();
        for (Problem p : e.problems()) s.append("error: ").append(p).append('\n');
        return s.toString();
    }
}
