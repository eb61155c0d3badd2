package dev.profileadvisor.authoring;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.WorkingCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mistakes a rule maintainer can make, each reported as file:line:col with a message that says what to fix. */
class RuleErrorsTest {
    @TempDir
    Path tmp;

    private static String lineOf(Path file, int line) {
        try {
            return java.nio.file.Files.readAllLines(file).get(line - 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Problem> problemsOf(WorkingCopy wc) {
        try {
            wc.load();
        } catch (AdvisorException e) {
            return e.problems();
        }
        throw new AssertionError("expected the working copy to be refused");
    }

    @Test
    void aDrlSyntaxErrorIsReportedAtItsLine() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/20-constraints.drl");
        int line = WorkingCopy.edit(drl, "GoalRequest( goal == \"catch-panics\" )", "GoalRequest( goal == \"catch-panics\" ");
        assertThat(problemsOf(wc)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(drl.toString());
            assertThat(p.line()).isBetween(line, line + 1);
            assertThat(p.message()).contains("catch-panics-forbids-abort");
        });
    }

    @Test
    void anUnknownFieldNamesTheTypeTheFieldAndTheLine() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/20-constraints.drl");
        int line = WorkingCopy.edit(drl, "traits contains \"aborts-on-panic\"", "trait contains \"aborts-on-panic\"");
        assertThat(problemsOf(wc)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isPositive();
            assertThat(p.message()).isEqualTo("`ValueFact` has no field `trait` (in `trait contains \"aborts-on-panic\"`)");
        });
    }

    @Test
    void aConsequenceErrorIsReportedAtTheOffendingLineNotAtTheRuleLine() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/20-constraints.drl");
        int line = WorkingCopy.edit(drl, "new Veto( $key, $value, \"catch-panics\", kcontext", "new Veto( $key, $value, kcontext");
        assertThat(problemsOf(wc)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith("no constructor `Veto(String, String, String)`");
        });
    }

    @Test
    void eachJavaProblemInAConsequenceIsReportedWhereItIs() {
        // Consequences are Java (ECJ); Drools reports all their problems as one error at the `rule` line.
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/20-constraints.drl");
        int line = WorkingCopy.edit(drl, "insertLogical( new Veto( $key, $value, \"catch-panics\", kcontext.getRule().getName() ) );",
                "insertLogical( new Veto( $kee, $value, \"catch-panics\", kcontext.getRule().getNam() ) );");
        assertThat(problemsOf(wc)).satisfiesExactly(
                p -> {
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.column()).isEqualTo(30);
                    assertThat(p.message()).isEqualTo("`$kee` is not bound in the rule's conditions");
                },
                p -> {
                    assertThat(p.line()).isEqualTo(line);
                    assertThat(p.column()).isEqualTo(79);
                    assertThat(p.message()).isEqualTo("`Rule` has no method `getNam()`");
                });
    }

    @Test
    void mvelPropertySyntaxInAConsequenceSaysToCallTheAccessor() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/30-decide.drl");
        int line = WorkingCopy.edit(drl, "insertLogical( new Decision( $scope, $key, $t.value() ) );", "insertLogical( new Decision( $scope, $key, $t.value ) );");
        assertThat(problemsOf(wc)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).isEqualTo("no field `value`: a consequence is Java, so call the accessor `value()`");
        });
    }

    @Test
    void anUnknownTypeInAConsequenceIsNamed() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/20-constraints.drl");
        int line = WorkingCopy.edit(drl, "insertLogical( new Veto( $key, $value, \"catch-panics\"", "insertLogical( new Vetoo( $key, $value, \"catch-panics\"");
        assertThat(problemsOf(wc)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith("unknown type `Vetoo`");
        });
    }

    @Test
    void anUnknownFactTypeIsNamed() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("recommend/20-constraints.drl");
        int line = WorkingCopy.edit(drl, "ValueFact( $key : key, $value : value, traits contains \"aborts-on-panic\" )",
                "VauleFact( $key : key, $value : value )");
        assertThat(problemsOf(wc)).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.message()).startsWith("unknown fact type `VauleFact`");
        });
    }

    @Test
    void aDuplicateRuleIdIsRefused() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.rules.resolve("recommend/extra.drl"), """
                package recommend;
                import dev.profileadvisor.facts.GoalRequest;
                rule "decide-best-value"
                when
                    GoalRequest( )
                then
                end
                """);
        assertThat(problemsOf(wc)).anySatisfy(p -> {
            assertThat(p.file()).endsWith("extra.drl");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("rule `decide-best-value` is already defined at").contains("30-decide.drl:");
        });
    }

    @Test
    void aLoopingRuleIsStoppedByTheFiringLimitAndNamed() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.rules.resolve("recommend/loop.drl"), """
                package recommend;
                import dev.profileadvisor.facts.Note;

                rule "runaway-note"
                when
                    $n : Note( )
                then
                    insert( new Note( $n.scope(), $n.key(), $n.rule() + "x" ) );
                end
                """);
        ProfileAdvisor advisor = wc.load();
        assertThatThrownBy(() -> advisor.recommend(Request.goals("small-binary")))
                .isInstanceOf(AdvisorException.class)
                .satisfies(e -> assertThat(((AdvisorException) e).problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).endsWith("loop.drl");
                    assertThat(p.line()).isEqualTo(4);
                    assertThat(p.message()).startsWith("rule `runaway-note` fired").contains("past the firing limit (10000 plus 20 per input fact)");
                }));
    }

    @Test
    void aBrokenWorkingCopyNeverBreaksTheBundledRules() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.edit(wc.rules.resolve("recommend/30-decide.drl"), "rule \"decide-best-value\"", "rule decide-best-value\"");
        assertThat(problemsOf(wc)).isNotEmpty();
        assertThat(ProfileAdvisor.withDefaults().recommend(Request.goals("small-binary")).settings()).isNotEmpty();
    }

    @Test
    void lintFindsARuleWithoutDocsAndDocsWithoutARule() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.rules.resolve("recommend/extra.drl"), """
                package recommend;
                import dev.profileadvisor.facts.GoalRequest;

                rule "undocumented-rule"
                when
                    GoalRequest( goal == "nothing" )
                then
                end
                """);
        WorkingCopy.append(wc.rules.resolve("recommend/extra.toml"), """
                [rule.ghost-rule]
                kind = "note"
                title = "Has a capital and a period."
                why = "x"

                [[rule.ghost-rule.case]]
                name = "n"
                goals = ["small-binary"]
                expect = "fires"
                """);
        List<Problem> lint = RuleChecks.lint(wc.load());
        assertThat(lint).extracting(Problem::toString).anySatisfy(s -> assertThat(s)
                        .endsWith("extra.drl:4:1: rule `undocumented-rule` has no docs: add `[rule.undocumented-rule]` to the .toml file beside it"))
                .anySatisfy(s -> assertThat(s).endsWith("extra.toml:1:1: docs for `ghost-rule`, but no DRL rule has that name"));
    }

    @Test
    void lintEnforcesCasesAndTheMessageStyle() {
        WorkingCopy wc = new WorkingCopy(tmp);
        WorkingCopy.append(wc.rules.resolve("recommend/extra.drl"), """
                package recommend;
                import dev.profileadvisor.facts.GoalRequest;

                rule "badly-documented"
                when
                    GoalRequest( goal == "nothing" )
                then
                end
                """);
        WorkingCopy.append(wc.rules.resolve("recommend/extra.toml"), """
                [rule.badly-documented]
                kind = "note"
                title = "Sets lto = true."
                message = "use strip = true"
                why = "x"
                """);
        List<String> lint = RuleChecks.lint(wc.load()).stream().map(Problem::message).toList();
        assertThat(lint).contains(
                "rule `badly-documented` has no case that fires",
                "rule `badly-documented` has no case that stays silent",
                "`title` of `badly-documented` must start lowercase (rustc style): `Sets lto = true.`",
                "`title` of `badly-documented` must not end with a period: `Sets lto = true.`",
                "`title` of `badly-documented` must put values in backticks: `lto = true`",
                "`message` of `badly-documented` must put values in backticks: `strip = true`");
    }

    @Test
    void lintReportsAPlaceholderTheRuleNeverSuppliesAtTheTemplate() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        WorkingCopy.edit(toml, "parts.suggestion = \"; did you mean `{closest}`?\"\n", "");
        int line = WorkingCopy.edit(toml, "message = \"unknown key `{key}`", "message = \"unknown key `{key}`");
        assertThat(RuleChecks.lint(wc.load())).extracting(Problem::toString).contains(toml + ":" + line + ":11: `message` of "
                + "`unknown-profile-key` names `{suggestion}`, which the rule never supplies (it supplies: key, profile, closest)");
    }

    @Test
    void lintReportsAValueNoTemplateNamesAtTheConsequence() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/values.drl");
        int line = WorkingCopy.edit(drl, "\"key\", $e.key(), \"profile\", $e.profile(), \"closest\", $e.closestKey()",
                "\"key\", $e.key(), \"profile\", $e.profile(), \"closest\", $e.closestKey(), \"table\", $e.table()");
        int column = lineOf(drl, line).indexOf("\"table\"") + 1;
        assertThat(RuleChecks.lint(wc.load())).extracting(Problem::toString).containsExactly(drl + ":" + line + ":" + column + ": "
                + "`unknown-profile-key` supplies `table`, which neither its message, its fix nor a part names");
    }

    @Test
    void lintReportsWordingBuiltInAConsequence() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/values.drl");
        WorkingCopy.edit(drl, "\"closest\", $e.closestKey()", "\"closest\", \"did you mean `\" + $e.closestKey() + \"`?\"");
        assertThat(RuleChecks.lint(wc.load())).extracting(Problem::message).containsExactly("`unknown-profile-key` words `closest` in its "
                + "consequence (\"did you mean `\"): pass the values, and word them in the sidecar's message, fix or parts");
    }

    @Test
    void lintReportsAPartNoTemplateNamesAndAPartNamingANothingSupplied() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "parts.suggestion = \"; did you mean `{closest}`?\"\n",
                "parts.suggestion = \"; did you mean `{closest}`?\"\nparts.hint = \"see `{docs}`\"\n") + 1;
        assertThat(RuleChecks.lint(wc.load())).extracting(Problem::toString).containsExactly(
                toml + ":" + line + ":14: part `hint` of `unknown-profile-key` is named by neither its message nor its fix",
                toml + ":" + line + ":14: part `hint` of `unknown-profile-key` names `{docs}`, which the rule never supplies "
                        + "(it supplies: key, profile, closest)");
    }

    @Test
    void aCaseNamingAnUnknownGoalOrSourceIsReportedAtItsLine() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("recommend/20-constraints.toml");
        int line = WorkingCopy.edit(toml, "sources = [\"cargo-book-profiles-panic\", \"dirge-pr-238\"]",
                "sources = [\"cargo-book-profiles-panic\", \"no-such-source\"]");
        assertThat(problemsOf(wc)).singleElement().hasToString(toml + ":" + line + ":1: unknown source `no-such-source`; define it in knowledge/sources.toml");
    }

    @Test
    void aMisspeltCaseKeyIsReportedAloneWithTheKeyItResembles() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "expect = \"fires\"", "expekt = \"fires\"");
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(
                toml + ":" + line + ":1: unknown key `expekt` in a case of `invalid-opt-level`; did you mean `expect`?");
    }

    @Test
    void aCaseKeyLikeNoneIsReportedWithTheKeysACaseMayHave() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path toml = wc.rules.resolve("audit/values.toml");
        int line = WorkingCopy.edit(toml, "expect = \"fires\"", "expect = \"fires\"\nwhatever = 1") + 1;
        assertThat(problemsOf(wc)).extracting(Problem::toString).containsExactly(toml + ":" + line
                + ":1: unknown key `whatever` in a case of `invalid-opt-level`; a case may have column, config, env, expect, files, goals,"
                + " host, inherits, line, linker, manifest, measured, message, message-contains, name, profile, rustflags, settings, target-cpu");
    }

    @Test
    void lintReportsATraitNoKnowledgeValueHasAtTheDrlLiteral() {
        WorkingCopy wc = new WorkingCopy(tmp);
        Path drl = wc.rules.resolve("audit/contradictions.drl");
        int line = WorkingCopy.edit(drl, "traits not contains \"no-debuginfo\"", "traits not contains \"no-debuginfoo\"");
        int column = lineOf(drl, line).indexOf("\"no-debuginfoo\"") + 1;
        assertThat(RuleChecks.lint(wc.load())).extracting(Problem::toString).containsExactly(drl + ":" + line + ":" + column
                + ": `strip-discards-debuginfo` matches the trait `no-debuginfoo`, which no value in knowledge/settings.toml has,"
                + " so `traits not contains` always holds; did you mean `no-debuginfo`?");
    }
}
