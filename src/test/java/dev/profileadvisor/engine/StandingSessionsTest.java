package dev.profileadvisor.engine;

import dev.profileadvisor.catalog.RuleFile;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.WorkingCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code recommend} runs in standing sessions that keep the knowledge and the previous request's facts; a trace
 * runs in a new session. Whatever was asked before, both must give the same recommendation.
 */
class StandingSessionsTest {
    private static final List<String> GOALS = List.of("small-binary", "fast-runtime", "debuggable", "profilable",
            "low-build-memory", "catch-panics", "fast-compile");
    private static final List<Function<Request, Request>> TARGETS = List.of(r -> r, r -> r.profile("dev"),
            r -> r.profile("release"), r -> r.profile("dist").inherits("release"), r -> r.profile("quick").inherits("dev"));

    /** Every set of goals at weight 1, and every ordered pair of goals at weights 3 and 1, for every target. */
    private static List<Request> everyCombination() {
        List<Request> out = new ArrayList<>();
        for (Function<Request, Request> target : TARGETS) {
            for (int set = 1; set < 1 << GOALS.size(); set++) {
                List<String> goals = new ArrayList<>();
                for (int g = 0; g < GOALS.size(); g++) if ((set & 1 << g) != 0) goals.add(GOALS.get(g));
                out.add(target.apply(Request.goals(goals.toArray(String[]::new))));
            }
            for (String heavy : GOALS) {
                for (String light : GOALS) {
                    if (!heavy.equals(light)) out.add(target.apply(Request.goals(heavy + "=3", light)));
                }
            }
        }
        return out;
    }

    /** The recommend rules of a rules directory, compiled on their own. */
    private static RuleBase recommendRules(Path rules) {
        return RuleBase.compile(RuleFile.readTree(rules, "rules").stream().filter(f -> f.concern().equals("recommend")).toList());
    }

    private static void assertSameAsNewSessions(ProfileAdvisor advisor, List<Request> requests) {
        for (Request r : requests) {
            Recommendation fresh = advisor.trace(r).recommendation();
            assertThat(advisor.recommend(r)).as("%s after the requests before it", r).isEqualTo(fresh);
        }
    }

    @Test
    void everyCombinationOfGoalsGetsTheAnswerOfANewSessionInAnyOrder() {
        List<Request> requests = everyCombination();
        assertThat(requests).hasSize(5 * (127 + 42));
        Random random = new Random(7);
        for (int pass = 0; pass < 3; pass++) {
            Collections.shuffle(requests, random);
            assertSameAsNewSessions(ProfileAdvisor.withDefaults(), requests); // a new advisor: nothing cached
        }
    }

    @Test
    void theBundledRecommendRulesShareSessions() {
        RuleBase recommend = recommendRules(Path.of("rules"));
        assertThat(recommend.standingSessions()).isEmpty();
    }

    @Test
    void aRuleThatInsertsWithoutJustificationRunsEachRequestInANewSession(@TempDir Path tmp) {
        WorkingCopy copy = new WorkingCopy(tmp);
        int line = WorkingCopy.edit(copy.rules.resolve("recommend/10-preferences.drl"), "insertLogical( new Preference", "insert( new Preference");
        RuleBase recommend = recommendRules(copy.rules);
        assertThat(recommend.standingSessions()).contains("rules/recommend/10-preferences.drl:" + line + ": `insert(`");
        // Preferences inserted without justification would stay in a reused session and add to every later
        // request's totals.
        ProfileAdvisor advisor = ProfileAdvisor.load(Optional.of(copy.rules), Optional.empty());
        List<Request> requests = new ArrayList<>(everyCombination().subList(0, 127));
        Collections.shuffle(requests, new Random(11));
        assertSameAsNewSessions(advisor, requests);
    }

    @Test
    void groupsAndTimersAlsoKeepSessionsApart(@TempDir Path tmp) {
        WorkingCopy copy = new WorkingCopy(tmp);
        WorkingCopy.edit(copy.rules.resolve("recommend/30-decide.drl"), "rule \"decide-best-value\"\n",
                "rule \"decide-best-value\"\nactivation-group \"decide\"\n");
        RuleBase recommend = recommendRules(copy.rules);
        assertThat(recommend.standingSessions()).hasValueSatisfying(why -> assertThat(why).endsWith("`activation-group`"));
    }

    @Test
    void aLoopIsReportedAsInANewSession(@TempDir Path tmp) {
        WorkingCopy copy = new WorkingCopy(tmp);
        WorkingCopy.append(copy.rules.resolve("recommend/50-loop.drl"), """
                package recommend;
                import dev.profileadvisor.facts.Note;
                rule "endless-notes"
                when
                    $n : Note()
                then
                    insertLogical( new Note( $n.scope(), $n.key(), $n.rule() + "x" ) );
                end
                """);
        RuleBase recommend = recommendRules(copy.rules);
        assertThat(recommend.standingSessions()).as("the loop runs in a standing session").isEmpty();
        ProfileAdvisor advisor = ProfileAdvisor.load(Optional.of(copy.rules), Optional.empty());
        Request request = Request.goals("small-binary");
        AdvisorException traced = catchThrowableOfType(() -> advisor.trace(request), AdvisorException.class);
        assertThat(traced).hasMessageContaining("rule `endless-notes` fired").hasMessageContaining("50-loop.drl:3:");
        assertThatThrownBy(() -> advisor.recommend(request)).isInstanceOf(AdvisorException.class)
                .hasMessage(traced.getMessage());
    }
}
