package dev.profileadvisor.guide;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialog's steps without a terminal: what each answer leads to, what is written, and the command it prints. */
class DialogTest {
    /** A project with a release profile and two goals; records every plan asked for and every write. */
    static final class FakeBackend implements Backend {
        final List<Choices> reviewed = new ArrayList<>();
        int writes;
        boolean changes = true;
        AdvisorException refuseReview;
        AdvisorException refuseWrite;

        @Override
        public String manifest() {
            return "Cargo.toml";
        }

        @Override
        public List<ProfileChoice> profiles() {
            return List.of(new ProfileChoice("release", true, "in force: lto (Cargo.toml:7:1)"),
                    new ProfileChoice("dev", false, "the development profile"),
                    new ProfileChoice("profiling", false, "a release build with debug info"));
        }

        @Override
        public List<GoalChoice> goals() {
            return List.of(new GoalChoice("small-binary", "as small as possible", List.of("smallest binary", "size")),
                    new GoalChoice("fast-compile", "short edit-compile-run cycles", List.of("fast iteration")));
        }

        @Override
        public Optional<String> goalId(String typed) {
            String t = typed.toLowerCase(Locale.ROOT);
            return goals().stream().filter(g -> g.id().equals(t) || g.aliases().contains(t)).map(GoalChoice::id).findFirst();
        }

        @Override
        public Review review(Choices choices) {
            reviewed.add(choices);
            if (refuseReview != null) throw refuseReview;
            return new Review("PLAN " + choices.goals() + " in " + choices.profile().orElse("(by goals)") + "\n", changes, () -> {
                if (refuseWrite != null) throw refuseWrite;
                writes++;
                return "wrote Cargo.toml\n";
            });
        }
    }

    final FakeBackend backend = new FakeBackend();
    final Dialog dialog = new Dialog(backend, List.of());

    private String say(String... answers) {
        StringBuilder out = new StringBuilder();
        for (String a : answers) out.append(dialog.answer(a));
        return out.toString();
    }

    @Test
    void theFirstScreenListsTheProjectsProfilesAndAsksForOne() {
        assertThat(dialog.start()).contains("a plan for Cargo.toml\n").endsWith("""
                profiles the project sets:
                  release    in force: lto (Cargo.toml:7:1)
                other profiles:
                  dev        the development profile
                  profiling  a release build with debug info
                (another name makes a new custom profile)
                """);
        assertThat(dialog.step()).isEqualTo(Dialog.Step.PROFILE);
        assertThat(dialog.prompt().completions()).containsExactly("release", "dev", "profiling");
    }

    @Test
    void noProfileAndTwoGoalsByAliasShowThePlanAndTheApplyCommandWithGoalIds() {
        String out = say("", "smallest binary=3, fast-compile");

        assertThat(dialog.step()).isEqualTo(Dialog.Step.REVIEW);
        assertThat(backend.reviewed).containsExactly(new Choices(Optional.empty(), Optional.empty(),
                List.of(new GoalWeight("small-binary", 3), new GoalWeight("fast-compile", 1))));
        assertThat(out).contains("PLAN [small-binary=3, fast-compile] in (by goals)")
                .contains("\n  cargo-profile-advisor apply --goal small-binary=3 --goal fast-compile\n");
        assertThat(dialog.prompt().text()).startsWith("[a]pply");
        assertThat(backend.writes).isZero();
    }

    @Test
    void applyingWritesOnceAndTheLastScreenPrintsTheCommand() {
        String out = say("release", "small-binary", "a");

        assertThat(backend.writes).isEqualTo(1);
        assertThat(dialog.done()).isTrue();
        assertThat(dialog.exitCode()).isZero();
        assertThat(out).endsWith("wrote Cargo.toml\ndone; the same from a script:\n"
                + "  cargo-profile-advisor apply --goal small-binary --profile release\n");
    }

    @Test
    void quittingAtTheReviewWritesNothingAndPrintsTheCommandForLater() {
        String out = say("", "fast-compile", "q");

        assertThat(backend.writes).isZero();
        assertThat(dialog.done()).isTrue();
        assertThat(dialog.exitCode()).isZero();
        assertThat(out).endsWith("quit: nothing written; to apply these choices later:\n  cargo-profile-advisor apply --goal fast-compile\n");
    }

    @Test
    void endOfInputBeforeAnyGoalQuitsNamingTheCommandWithPlaceholders() {
        String out = say((String) null);

        assertThat(dialog.done()).isTrue();
        assertThat(backend.reviewed).isEmpty();
        assertThat(out).contains("nothing written").contains("cargo-profile-advisor apply --goal GOAL[=WEIGHT] [--profile NAME]");
    }

    @Test
    void editingWeightsAsksEveryGoalKeepsAnEmptyAnswerAndShowsTheNewPlan() {
        say("", "small-binary=2, fast-compile", "w");
        assertThat(dialog.prompt().text()).isEqualTo("weight of small-binary (1-10) [2]: ");
        say("");
        assertThat(dialog.prompt().text()).isEqualTo("weight of fast-compile (1-10) [1]: ");
        String out = say("4");

        assertThat(dialog.step()).isEqualTo(Dialog.Step.REVIEW);
        assertThat(backend.reviewed).last().extracting(Choices::goals)
                .isEqualTo(List.of(new GoalWeight("small-binary", 2), new GoalWeight("fast-compile", 4)));
        assertThat(out).contains("cargo-profile-advisor apply --goal small-binary=2 --goal fast-compile=4");
    }

    @Test
    void aWeightOutsideOneToTenIsAskedAgain() {
        say("", "small-binary", "w");
        String out = say("11");

        assertThat(out).isEqualTo("error: invalid weight `11`: expected a whole number from 1 to 10\n");
        assertThat(dialog.step()).isEqualTo(Dialog.Step.WEIGHT);
        assertThat(say("x")).contains("invalid weight `x`");
        assertThat(dialog.choices().goals()).containsExactly(new GoalWeight("small-binary", 1));
    }

    @Test
    void anUnknownGoalABadWeightOrAGoalGivenTwiceIsAskedAgainWithoutAPlan() {
        say("");
        assertThat(say("smal-binary")).startsWith("error: unknown goal `smal-binary`; known: small-binary, fast-compile");
        assertThat(say("small-binary=0")).contains("invalid weight `0` for goal `small-binary`");
        assertThat(say("small-binary, size")).startsWith("error: goal `small-binary` is given twice");
        assertThat(say(" , ")).startsWith("error: name at least one goal");

        assertThat(dialog.step()).isEqualTo(Dialog.Step.GOALS);
        assertThat(backend.reviewed).isEmpty();
    }

    @Test
    void goalIdsSeparatedBySpacesAreSeveralGoalsButAnAliasWithSpacesIsOne() {
        say("", "small-binary fast-compile=2");
        assertThat(dialog.choices().goals()).containsExactly(new GoalWeight("small-binary", 1), new GoalWeight("fast-compile", 2));

        say("g", "fast iteration");
        assertThat(dialog.choices().goals()).containsExactly(new GoalWeight("fast-compile", 1));
    }

    @Test
    void changingTheGoalsStartsFromTheOnesChosen() {
        say("", "small-binary=3, fast-compile", "g");

        assertThat(dialog.step()).isEqualTo(Dialog.Step.GOALS);
        assertThat(dialog.prompt().buffer()).isEqualTo("small-binary=3, fast-compile");
        assertThat(dialog.prompt().completions()).containsExactly("small-binary", "fast-compile");
    }

    @Test
    void aNewCustomProfileAsksForItsParentAndTheCommandNamesBoth() {
        say("dist");
        assertThat(dialog.step()).isEqualTo(Dialog.Step.INHERITS);
        String out = say("", "small-binary");

        assertThat(backend.reviewed).last().isEqualTo(new Choices(Optional.of("dist"), Optional.of("release"),
                List.of(new GoalWeight("small-binary", 1))));
        assertThat(out).contains("cargo-profile-advisor apply --goal small-binary --profile dist --inherits release");
    }

    @Test
    void aProfileTheProjectOrCargoKnowsNeedsNoParent() {
        say("profiling");
        assertThat(dialog.step()).isEqualTo(Dialog.Step.GOALS);
    }

    @Test
    void aRefusedProfileGoesBackToTheProfileQuestionWithTheMessage() {
        backend.refuseReview = new AdvisorException(Problem.of("--profile", "profile name `build` is reserved by cargo"));
        String out = say("build", "", "small-binary");

        assertThat(out).contains("error: --profile: profile name `build` is reserved by cargo\n").contains("profiles the project sets:\n");
        assertThat(dialog.step()).isEqualTo(Dialog.Step.PROFILE);
        assertThat(dialog.prompt().buffer()).isEqualTo("build");
    }

    @Test
    void aPlanThatChangesNothingOffersNoApply() {
        backend.changes = false;
        say("", "small-binary");

        assertThat(dialog.prompt().text()).startsWith("nothing to write;");
        assertThat(say("a")).isEqualTo("answer w, g, p or q\n");
        assertThat(dialog.step()).isEqualTo(Dialog.Step.REVIEW);
        assertThat(backend.writes).isZero();
    }

    @Test
    void aRefusedWriteEndsTheDialogWithExitTwoAndTheCommand() {
        backend.refuseWrite = new AdvisorException(Problem.of("Cargo.toml", "changed since it was read; nothing written"));
        String out = say("", "small-binary", "apply");

        assertThat(dialog.done()).isTrue();
        assertThat(dialog.exitCode()).isEqualTo(2);
        assertThat(out).contains("error: Cargo.toml: changed since it was read").contains("cargo-profile-advisor apply --goal small-binary\n");
    }

    @Test
    void theGuidesOwnOptionsAreRepeatedInTheCommandQuotedForTheShell() {
        Dialog withPath = new Dialog(backend, List.of("--manifest-path", "my crate/Cargo.toml"));
        withPath.answer("");
        String out = withPath.answer("small-binary");

        assertThat(out).contains("cargo-profile-advisor apply --goal small-binary --manifest-path 'my crate/Cargo.toml'\n");
    }
}
