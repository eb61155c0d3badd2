package dev.profileadvisor.knowledge;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did you mean": a typo gets its correction, a name that resembles nothing gets none. */
class SuggestionsTest {
    static final List<String> PROFILES = List.of("dev", "release", "test", "bench", "profiling");

    @Test
    void aTypoOfAtMostAThirdOfTheLengthIsSuggested() {
        assertThat(Suggestions.closest("relase", PROFILES)).contains("release");
        assertThat(Suggestions.closest("Relase", PROFILES)).as("case does not count").contains("release");
        assertThat(Suggestions.closest("codegen-unit", List.of("opt-level", "codegen-units"))).contains("codegen-units");
        assertThat(Suggestions.closest("ltoo", List.of("lto", "debug", "strip"))).contains("lto");
    }

    @Test
    void swappingTwoNeighbouringLettersIsOneEdit() {
        assertThat(Text.distance("lot", "lto")).isEqualTo(1);
        assertThat(Suggestions.closest("lot", List.of("lto", "opt-level"))).contains("lto");
        assertThat(Suggestions.closest("relaese", PROFILES)).contains("release");
    }

    @Test
    void aNameThatResemblesNothingGetsNoSuggestion() {
        assertThat(Suggestions.closest("zzqqxxyy", PROFILES)).isEmpty();
        assertThat(Suggestions.closest("zzqqxxyy", List.of("lto", "debug", "strip", "opt-level"), 3)).isEmpty();
        assertThat(Suggestions.closest("quantum", List.of("small-binary", "fast-runtime"), 3)).isEmpty();
        assertThat(Suggestions.closest("dve", List.of("release", "bench"))).as("two edits in three letters").isEmpty();
    }

    @Test
    void theLimitIsAThirdOfTheTypedLengthAndAtLeastOne() {
        assertThat(Suggestions.maxDistance("lt")).isEqualTo(1);
        assertThat(Suggestions.maxDistance("relase")).isEqualTo(2);
        assertThat(Suggestions.maxDistance("zzqqxxyy")).isEqualTo(2);
        assertThat(Suggestions.isClose("relxse", "release")).as("two edits in six letters").isTrue();
        assertThat(Suggestions.isClose("rxlxse", "release")).as("three edits in six letters").isFalse();
    }

    @Test
    void aNameCutShortStandsForTheLongerNameItBegins() {
        assertThat(Suggestions.closest("smallest", List.of("fast-runtime", "smallest binary"))).contains("smallest binary");
        assertThat(Suggestions.closest("debug-assert", List.of("debug", "debug-assertions"))).contains("debug-assertions");
        assertThat(Suggestions.closest("rel", List.of("release-lto"))).as("three letters are too few to stand for a name").isEmpty();
    }

    @Test
    void theClosestComesFirstAndTiesKeepTheCandidatesOrder() {
        assertThat(Suggestions.closest("debugg", List.of("debuggable", "debug", "debug-assertions"), 3))
                .containsExactly("debug", "debuggable");
        assertThat(Suggestions.closest("tst", List.of("test", "tst2"), 3)).containsExactly("test", "tst2");
    }

    @Test
    void aThingWithSeveralNamesIsAsCloseAsItsClosestName() {
        record Goal(String id, List<String> aliases) { }
        List<Goal> goals = List.of(new Goal("fast-runtime", List.of("speed")), new Goal("small-binary", List.of("min-size", "size")));
        assertThat(Suggestions.closest("min-sise", goals, Goal::aliases, 3)).extracting(Goal::id).containsExactly("small-binary");
    }

    @Test
    void namesAreListedInBackticks() {
        assertThat(Suggestions.quoted(List.of("dev", "release"))).isEqualTo("`dev`, `release`");
    }
}
