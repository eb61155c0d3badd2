package dev.profileadvisor.authoring;

import dev.profileadvisor.ProfileAdvisor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every case documented beside every rule in rules/ (one dynamic test each), and holds the catalogue to
 * {@code rules lint}. Adding a case to a rule's TOML file adds a test here without Java.
 */
class RuleCasesTest {
    static ProfileAdvisor advisor;

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCasePasses() {
        return advisor.rules().values().stream().flatMap(doc -> doc.cases().stream()).map(c ->
                DynamicTest.dynamicTest(c.rule() + ": " + c.name(), () -> {
                    RuleChecks.CaseResult result = RuleChecks.run(advisor, c);
                    assertThat(result.failure()).as(c.where()).isEmpty();
                }));
    }

    @Test
    void theRepositoryRulesPassLint() {
        assertThat(RuleChecks.lint(advisor)).isEmpty();
    }

    @Test
    void everyDrlRuleIsDocumentedAndHasCases() {
        assertThat(advisor.rules().keySet()).containsExactlyInAnyOrderElementsOf(advisor.ruleLocations().keySet());
        assertThat(advisor.rules().values()).allSatisfy(d -> assertThat(d.cases()).as(d.id()).isNotEmpty());
    }
}
