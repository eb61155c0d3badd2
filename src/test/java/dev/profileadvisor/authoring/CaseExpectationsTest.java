package dev.profileadvisor.authoring;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.WorkingCopy;
import dev.profileadvisor.catalog.RuleCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What `rules test` says when an audit case states the message or column its finding must have, and it differs. */
class CaseExpectationsTest {
    @TempDir
    Path tmp;

    private static String failureOf(ProfileAdvisor advisor, String rule, String name) {
        RuleCase c = advisor.rules().get(rule).cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return RuleChecks.run(advisor, c).failure().orElseThrow(() -> new AssertionError("expected `" + name + "` to fail"));
    }

    @Test
    void aWrongExpectedMessageFailsWithBothMessagesOneAboveTheOtherAndTheFirstDifferenceMarked() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.rules.resolve("audit/values.toml"), "is ignored by cargo; did you mean `codegen-units`?'",
                "is ignored by cargo; did you mean `codegen-unit`?'");
        assertThat(failureOf(wc.load(), "unknown-profile-key", "a typo of codegen-units")).isEqualTo("""
                the message is not the one expected:
                  expected: unknown key `codegen-unit` in profile `release` is ignored by cargo; did you mean `codegen-unit`?
                     found: unknown key `codegen-unit` in profile `release` is ignored by cargo; did you mean `codegen-units`?
                                                                                                                           ^ first difference, at character 96""");
    }

    @Test
    void aMessageWithoutTheExpectedTextFailsShowingTheMessage() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.rules.resolve("audit/values.toml"), "message-contains = \"did you mean `codegen-units`?\"",
                "message-contains = \"did you mean `codegen-unit`?\"");
        assertThat(failureOf(wc.load(), "unknown-profile-key", "an indented key is reported at its column")).isEqualTo("""
                the message does not contain the text expected:
                  expected to contain: did you mean `codegen-unit`?
                                found: unknown key `codegen-unit` in profile `release` is ignored by cargo; did you mean `codegen-units`?""");
    }

    @Test
    void aWrongColumnFailsNamingWhereTheFindingIs() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.rules.resolve("audit/values.toml"), "column = 5", "column = 3");
        assertThat(failureOf(wc.load(), "unknown-profile-key", "an indented key is reported at its column"))
                .isEqualTo("expected the finding at 2:3, got [Cargo.toml:2:5]");
    }

    @Test
    void aMessageWithAnUnfilledPlaceholderFails() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.rules.resolve("audit/values.toml"), "is ignored by cargo{suggestion}\"", "is ignored by {cargo}{suggestion}\"");
        assertThat(failureOf(wc.load(), "unknown-profile-key", "a key like no known one gets no suggestion")).startsWith(
                "the message still has the placeholder `{cargo}`: unknown key `frobnicate` in profile `release` is ignored by {cargo}");
    }

    @Test
    void aSilentCaseCannotExpectAMessage() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "name = \"known keys are fine\"", "name = \"known keys are fine\"\nmessage = \"x\"") + 1;
        assertThatThrownBy(wc::load).isInstanceOf(AdvisorException.class).satisfies(e -> assertThat(((AdvisorException) e).problems())
                .extracting(Problem::toString).containsExactly(toml + ":" + line + ":1: a case that expects `silent` has no message to check; remove `message`"));
    }

    @Test
    void aCaseGivesTheWholeMessageOrAPartNotBoth() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "message-contains = \"did you mean `codegen-units`?\"",
                "message = \"x\"\nmessage-contains = \"did you mean `codegen-units`?\"") + 1;
        assertThatThrownBy(wc::load).isInstanceOf(AdvisorException.class).satisfies(e -> assertThat(((AdvisorException) e).problems())
                .extracting(Problem::toString).containsExactly(toml + ":" + line
                        + ":1: give `message` (the whole message) or `message-contains` (a part of it), not both"));
    }
}
