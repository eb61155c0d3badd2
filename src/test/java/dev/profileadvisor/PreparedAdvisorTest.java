package dev.profileadvisor;

import dev.profileadvisor.audit.AuditFinding;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.recommend.Request;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An advisor told what it will do first ({@code withDefaults(Set<Use>)}, what the command line uses) compiles
 * those rules on a second thread, and answers exactly like one that compiles them when first used.
 */
class PreparedAdvisorTest {
    static final String MANIFEST = """
            [package]
            name = "demo"
            version = "0.1.0"

            [profile.release]
            lto = true
            codegen-units = 1
            codegen-unit = 4
            """;

    @Test
    void preparedAndLazyAdvisorsGiveTheSameAnswers() {
        ProfileAdvisor lazy = ProfileAdvisor.withDefaults();
        for (Set<ProfileAdvisor.Use> first : List.of(EnumSet.allOf(ProfileAdvisor.Use.class), Set.of(ProfileAdvisor.Use.AUDIT),
                Set.of(ProfileAdvisor.Use.RECOMMEND))) {
            ProfileAdvisor prepared = ProfileAdvisor.withDefaults(first);
            for (Request r : List.of(Request.goals("small-binary"), Request.goals("fast-runtime", "fast-compile"),
                    Request.goals("debuggable").profile("dev"))) {
                assertThat(prepared.recommend(r)).as(first + " " + r).isEqualTo(lazy.recommend(r));
            }
            List<GoalWeight> goals = List.of(GoalWeight.parse("small-binary"));
            AuditReport a = prepared.auditText(MANIFEST, Optional.empty(), Map.of(), goals);
            assertThat(a).as(first.toString()).isEqualTo(lazy.auditText(MANIFEST, Optional.empty(), Map.of(), goals));
            assertThat(a.findings()).extracting(AuditFinding::id).contains("unknown-profile-key", "conflicts-with-goal")
                    .as("small-binary chose one codegen unit with fat LTO: the audit does not question it")
                    .doesNotContain("codegen-units-one-with-fat-lto");
        }
    }

    @Test
    void findingsAtTheSamePlaceComeInAFixedOrder() {
        // Three goal conflicts are all reported at the [profile.release] header; working memory has no order, so
        // before the report sorted by message too, their order changed from one advisor to the next.
        AuditReport a = ProfileAdvisor.withDefaults().auditText(MANIFEST, Optional.empty(), Map.of(),
                List.of(GoalWeight.parse("small-binary")));
        List<String> conflicts = a.findings().stream().filter(f -> f.id().equals("conflicts-with-goal")).map(AuditFinding::message).toList();
        assertThat(conflicts).hasSize(3).isSorted();
        assertThat(conflicts.get(0)).contains("`opt-level = 3`");
    }
}
