package dev.profileadvisor.site;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.Severity;
import dev.profileadvisor.catalog.RuleCase;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue page as generated from the bundled rules and knowledge, and from crafted ones. */
class CatalogueSiteTest {
    private static ProfileAdvisor advisor;
    private static String page;

    @BeforeAll
    static void generate() {
        advisor = ProfileAdvisor.withDefaults();
        page = CatalogueSite.of(advisor.knowledge(), advisor.rules(), "cargo-profile-advisor test").files().get(CatalogueSite.PAGE);
    }

    private static String article(String html, String id) {
        int start = html.indexOf("<article class=\"entry");
        start = html.indexOf("id=\"" + id + "\"", start);
        assertThat(start).as("an entry with id %s", id).isPositive();
        int open = html.lastIndexOf("<article", start);
        return html.substring(open, html.indexOf("</article>", start));
    }

    @Test
    void everyRuleGoalAndSettingHasExactlyOneAnchorOfItsOwn() {
        for (String rule : advisor.rules().keySet()) {
            assertThat(count(page, "id=\"" + rule + "\"")).as("anchor of rule %s", rule).isEqualTo(1);
            assertThat(page).contains("<a class=\"anchor\" href=\"#" + rule + "\">" + rule + "</a>");
        }
        for (String goal : advisor.knowledge().goals().keySet()) assertThat(count(page, "id=\"goal-" + goal + "\"")).isEqualTo(1);
        for (String key : advisor.knowledge().settings().keySet()) assertThat(count(page, "id=\"setting-" + key + "\"")).isEqualTo(1);
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(page);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) assertThat(seen.add(ids.group(1))).as("id %s is unique on the page", ids.group(1)).isTrue();
    }

    @Test
    void aFindingShowsItsKindSeverityWhyFixAndCasesAsFiresAndStaysSilent() {
        String strip = article(page, "strip-discards-debuginfo");
        RuleDoc doc = advisor.rules().get("strip-discards-debuginfo");
        assertThat(strip).contains("data-kind=\"finding\"", "data-severity=\"warning\"", "<span class=\"badge severity-warning\">warning</span>",
                "<h4>Why</h4>", "<h4>Fix</h4>", "debug info is generated and then stripped");
        long fires = doc.cases().stream().filter(c -> c.expect() == RuleCase.Expect.FIRES).count();
        assertThat(count(strip, "<strong>fires</strong>")).isEqualTo((int) fires).isPositive();
        assertThat(count(strip, "<strong>stays silent</strong>")).isEqualTo(doc.cases().size() - (int) fires).isPositive();
        assertThat(strip).as("the first case's manifest, without the package boilerplate")
                .contains("<pre><code>[profile.release]\ndebug = true\nstrip = true</code></pre>");
        assertThat(article(page, "strip-discards-debuginfo").replaceFirst("(?s).*data-settings=\"([^\"]*)\".*", "$1").split(" "))
                .contains("strip", "debug");
    }

    @Test
    void aRecommendRuleShowsItsCasesAsTheCommandLineAndWhatItDecides() {
        RuleDoc rule = advisor.rules().values().stream().filter(r -> r.kind() == RuleDoc.Kind.PREFERENCE)
                .filter(r -> r.cases().stream().anyMatch(c -> !c.settings().isEmpty())).findFirst().orElseThrow();
        RuleCase c = rule.cases().stream().filter(x -> !x.settings().isEmpty()).findFirst().orElseThrow();
        String html = article(page, rule.id());
        assertThat(html).contains("<pre><code>cargo-profile-advisor recommend --goal " + c.goals().get(0));
        String key = c.settings().keySet().iterator().next();
        assertThat(html).contains("<code>" + key + " = ");
    }

    @Test
    void everySourceOfARuleIsALinkToItsUrl() {
        Knowledge k = advisor.knowledge();
        String strip = article(page, "strip-discards-debuginfo");
        for (String key : advisor.rules().get("strip-discards-debuginfo").sourceKeys()) {
            Source s = k.sources().get(key);
            String url = s.url().startsWith("https://") ? s.url() : "https://github.com/cargo-profile-advisor/cargo-profile-advisor/blob/main/" + s.url();
            assertThat(strip).contains("<a href=\"" + Html.escape(url) + "\">" + Html.inline(s.title()) + "</a>");
        }
        assertThat(article(page, "setting-lto")).as("effects cite their sources").contains("<span class=\"see\">(<a href=\"https://");
    }

    @Test
    void aSettingShowsItsValuesDefaultsEffectsWithEvidenceAndCorrections() {
        String lto = article(page, "setting-lto");
        assertThat(lto).contains("<code>lto = &quot;fat&quot;</code>", "<code>lto = true</code>", "<h4>Defaults</h4>",
                "<li><code>release</code>: ", "<h4>Effects</h4>", "<h4>Corrections of published claims</h4>", "<strong>claim</strong>");
        String correction = advisor.knowledge().corrections().values().stream().filter(c -> c.settings().contains("lto")).findFirst().orElseThrow().id();
        assertThat(lto).contains("data-correction=\"" + correction + "\"");
    }

    @Test
    void everyCorrectionIsShownWithASettingItConcerns() {
        for (var c : advisor.knowledge().corrections().values()) {
            assertThat(c.settings()).as("settings of correction %s", c.id()).isNotEmpty();
            for (String key : c.settings()) assertThat(article(page, "setting-" + key)).contains("data-correction=\"" + c.id() + "\"");
        }
    }

    @Test
    void textFromTheCatalogueIsEscapedEverywhere() {
        RuleCase c = new RuleCase("escape-check", "a <b>bold</b> & \"quoted\" case", "rules/x.toml", 4, List.of(), "", "",
                RuleCase.Expect.FIRES, Map.of(), "[profile.release]\nstrip = \"<script>alert(1)</script>\"\n", "", Map.of(), Map.of(), 0, 0, "", "");
        RuleDoc doc = new RuleDoc("escape-check", RuleDoc.Kind.FINDING, Optional.of(Severity.ERROR), "title with <img src=x onerror=alert(1)>",
                "", "why `a<b` & 'c'", "fix </article>", Map.of(), "", List.of("cargo-book-profiles"), "rules/x.toml", 1, Map.of(), List.of(c));
        String html = CatalogueSite.of(advisor.knowledge(), Map.of(doc.id(), doc), "v <1>").files().get(CatalogueSite.PAGE);
        String entry = article(html, "escape-check");
        assertThat(html).doesNotContain("<img", "<b>bold", "<script>alert", "v <1>").contains("v &lt;1&gt;");
        assertThat(entry).contains("title with &lt;img src=x onerror=alert(1)&gt;", "<code>a&lt;b</code> &amp; &#39;c&#39;",
                "a &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; case", "strip = &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;",
                "fix &lt;/article&gt;");
        assertThat(count(html, "<article")).isEqualTo(count(html, "</article>"));
    }

    @Test
    void aSourceThatIsNotAWebUrlIsShownButNotLinked() {
        Knowledge k = advisor.knowledge();
        Map<String, Source> sources = new LinkedHashMap<>(k.sources());
        String key = advisor.rules().get("strip-discards-debuginfo").sourceKeys().get(0);
        sources.put(key, new Source(key, "a trap", "javascript:alert(1)", "docs"));
        Knowledge trapped = new Knowledge(sources, k.settings(), k.profiles(), k.reservedNames(), k.deprecatedNames(), k.customProfilesSince(),
                k.goals(), k.effects(), k.corrections(), k.unstableKeys(), k.scopes(), k.scopeFacts(), k.crates(), k.targets(), k.peers());
        String html = CatalogueSite.of(trapped, advisor.rules(), "v").files().get(CatalogueSite.PAGE);
        assertThat(html).doesNotContain("href=\"javascript:").contains("a trap (<code>javascript:alert(1)</code>)");
    }

    @Test
    void aRuleIdThatIsAlsoTheAnchorOfASettingIsRefused() {
        RuleDoc clash = new RuleDoc("setting-lto", RuleDoc.Kind.NOTE, Optional.empty(), "t", "", "w", "", Map.of(), "", List.of(),
                "rules/x.toml", 7, Map.of(), List.of());
        assertThatThrownBy(() -> CatalogueSite.of(advisor.knowledge(), Map.of(clash.id(), clash), "v"))
                .isInstanceOf(AdvisorException.class)
                .hasMessageContaining("the anchor `#setting-lto` of setting `lto` is already that of rule `setting-lto` (rules/x.toml:7)");
    }

    @Test
    void thePageLoadsOnlyItsOwnStyleSheetAndScript() {
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"").matcher(page.replaceAll("<a href=\"[^\"]*\"", "<a"));
        List<String> loaded = new java.util.ArrayList<>();
        while (refs.find()) loaded.add(refs.group(1));
        assertThat(loaded).containsExactly("data:,", "catalogue.css", "catalogue.js");
    }

    @Test
    void inlineCodeIsEscapedBeforeItIsMarkedUp() {
        assertThat(Html.inline("use `lto = \"fat\"` & <not> `a<b`")).isEqualTo("use <code>lto = &quot;fat&quot;</code> &amp; &lt;not&gt; <code>a&lt;b</code>");
        assertThat(Html.paragraphs("one\nline\n\nsecond")).isEqualTo("<p>one line</p>\n<p>second</p>");
        assertThat(Html.webLink(" HTTPS://doc.rust-lang.org/x ")).contains("HTTPS://doc.rust-lang.org/x");
        assertThat(Html.webLink("data:text/html,x")).isEmpty();
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
