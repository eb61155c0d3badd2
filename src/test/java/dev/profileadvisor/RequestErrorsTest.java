package dev.profileadvisor;

import dev.profileadvisor.recommend.Request;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input gets a clear message naming what is wrong and what to do. */
class RequestErrorsTest {
    static ProfileAdvisor advisor;

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (AdvisorException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an AdvisorException");
    }

    @Test
    void anUnknownGoalListsTheClosestKnownIds() {
        org.assertj.core.api.Assertions.assertThat(messageOf(() -> advisor.recommend(Request.goals("smal-binary"))))
                .isEqualTo("--goal: unknown goal `smal-binary`; closest known: `small-binary`"
                        + " (`cargo-profile-advisor goals` lists them with aliases)");
        org.assertj.core.api.Assertions.assertThat(messageOf(() -> advisor.recommend(Request.goals("quantum"))))
                .isEqualTo("--goal: unknown goal `quantum`; known goals: `small-binary`, `fast-runtime`, `debuggable`, `profilable`,"
                        + " `low-build-memory`, `catch-panics`, `fast-compile` (`cargo-profile-advisor goals` lists them with aliases)");
    }

    @Test
    void aWeightThatIsNotAWholeNumberIsRejected() {
        assertThatThrownBy(() -> Request.goals("fast-runtime=fast")).isInstanceOf(AdvisorException.class)
                .hasMessage("--goal: invalid weight `fast` for goal `fast-runtime`: expected a whole number from 1 to 10 (e.g. `fast-runtime=2`)");
        assertThatThrownBy(() -> Request.goals("fast-runtime=0")).hasMessageContaining("invalid weight `0`");
        assertThatThrownBy(() -> Request.goals("fast-runtime=11")).hasMessageContaining("invalid weight `11`");
    }

    @Test
    void anUnknownProfileSuggestsTheClosestAndHowToMakeACustomOne() {
        assertThatThrownBy(() -> advisor.recommend(Request.goals("small-binary").profile("relase")))
                .hasMessage("--profile: unknown profile `relase`; did you mean `release`? A custom profile needs a parent: add `--inherits release` (or `dev`)");
    }

    @Test
    void reservedAndDeprecatedProfileNamesAreRefused() {
        assertThatThrownBy(() -> advisor.recommend(Request.goals("small-binary").profile("build")))
                .hasMessage("--profile: profile name `build` is reserved by cargo; choose another name for a custom profile");
        assertThatThrownBy(() -> advisor.recommend(Request.goals("small-binary").profile("doc")))
                .hasMessage("--profile: profile `doc` is deprecated and has no effect in cargo; use `dev` or `release`");
        assertThatThrownBy(() -> advisor.recommend(Request.goals("small-binary").profile("my.profile").inherits("release")))
                .hasMessageContaining("invalid profile name `my.profile`");
    }

    @Test
    void aGoalGivenTwiceUnderTwoNamesIsRefused() {
        assertThatThrownBy(() -> advisor.recommend(Request.goals("small-binary", "min-size")))
                .hasMessageContaining("goal `small-binary` is given twice (as `small-binary` and `min-size`)");
    }

    @Test
    void noGoalAtAllIsRefused() {
        assertThatThrownBy(() -> advisor.recommend(new Request(java.util.List.of(), java.util.Optional.empty(), java.util.Optional.empty()))).hasMessageContaining("no goal given");
    }
}
