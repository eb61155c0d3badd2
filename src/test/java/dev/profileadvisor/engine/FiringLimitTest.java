package dev.profileadvisor.engine;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.WorkingCopy;
import dev.profileadvisor.recommend.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The firing limit tells a rule that loops from an input that is merely large. */
class FiringLimitTest {
    @Test
    void theLimitGrowsWithTheInput() {
        assertThat(RuleBase.firingLimit(0)).isEqualTo(10_000);
        assertThat(RuleBase.firingLimit(10_001)).isEqualTo(10_000 + 20 * 10_001);
        assertThat(RuleBase.firingLimit(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aRuleThatKeepsFiringOnTheSameFactsIsNamedLongBeforeTheLimit(@TempDir Path tmp) {
        WorkingCopy copy = new WorkingCopy(tmp);
        WorkingCopy.append(copy.rules.resolve("recommend/50-update-loop.drl"), """
                package recommend;
                import dev.profileadvisor.facts.Note;
                rule "notes-forever"
                when
                    $n : Note()
                then
                    update( $n );
                end
                """);
        ProfileAdvisor advisor = ProfileAdvisor.load(Optional.of(copy.rules), Optional.empty());
        AdvisorException e = catchThrowableOfType(() -> advisor.recommend(Request.goals("small-binary")), AdvisorException.class);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("50-update-loop.drl");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).isEqualTo("rule `notes-forever` fired 101 times on the same facts without reaching a"
                    + " fixpoint: it keeps re-triggering itself or another rule; derive a new fact instead of modifying the one it matches");
        });
    }

    @Test
    void manyFactsThatEachFireOnceAreNoLoop() {
        RuleBase rules = RuleBase.compile(List.of(new dev.profileadvisor.catalog.RuleFile("count.drl", "count", """
                package count;
                rule "one-per-string"
                when
                    $s : String()
                then
                    insert( Integer.valueOf( $s.length() ) );
                end
                """)));
        List<String> facts = java.util.stream.IntStream.range(0, 15_000).mapToObj(i -> "s" + i).toList();
        RuleBase.Outcome out = rules.run(facts);
        assertThat(out.firings()).containsEntry("one-per-string", 15_000);
    }
}
