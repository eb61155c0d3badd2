package dev.profileadvisor.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a docs file is cut into one section per rule, each parsed on its own (a large sidecar fits the heap). */
class SidecarSectionsTest {
    @Test
    void eachRuleWithItsCasesIsOneSectionStartingAtItsHeader() {
        String text = """
                # docs
                [rule.a]
                kind = "note"

                [[rule.a.case]]
                manifest = '''
                [rule.b]
                [profile.release]
                '''

                [rule.b]
                kind = "note"
                [rule.b.parts]
                x = "y"
                """;
        List<RuleCatalog.Section> sections = RuleCatalog.sections(text);
        assertThat(sections).extracting(RuleCatalog.Section::offset).containsExactly(1, 10);
        assertThat(sections.get(0).text()).startsWith("[rule.a]\n").contains("[rule.b]\n[profile.release]\n'''\n\n").doesNotContain("kind = \"note\"\n[rule.b.parts]");
        assertThat(sections.get(1).text()).isEqualTo("[rule.b]\nkind = \"note\"\n[rule.b.parts]\nx = \"y\"\n");
    }

    @Test
    void aMultiLineBasicStringWithEscapedQuotesHidesTheHeadersInIt() {
        String text = "[rule.a]\nwhy = \"\"\"a \\\"\"\" quote\n[rule.c]\n\"\"\"\n[rule.b]\nkind = 'x'''\n";
        assertThat(RuleCatalog.sections(text)).extracting(RuleCatalog.Section::offset).containsExactly(0, 4);
    }

    @Test
    void aFileWhoseMeaningCuttingWouldChangeIsOneSection() {
        for (String text : List.of(
                "rule.a.kind = \"note\"\n[rule.b]\nkind = \"note\"\n",            // a key before the first header
                "[rule.a]\nkind = \"note\"\n[other]\nx = 1\n",                    // a header outside rule.ID
                "[rule.a]\n[rule.b]\n[[rule.a.case]]\nname = \"n\"\n",            // one rule's tables in two places
                "[rule.\"a\"]\nkind = \"note\"\n[rule.b]\n")) {                   // a quoted id
            assertThat(RuleCatalog.sections(text)).as(text).containsExactly(new RuleCatalog.Section(0, text));
        }
    }
}
