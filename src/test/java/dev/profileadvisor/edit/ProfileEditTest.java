package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The span editor on every layout a profile can be written in: what it writes, and what it leaves byte for byte. */
class ProfileEditTest {
    static final String PKG = "[package]\nname = \"demo\"\nversion = \"0.1.0\"\n";

    static Map<String, String> keys(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put(kv[i], kv[i + 1]);
        return out;
    }

    static EditResult release(String text, String... kv) {
        return ProfileEdit.apply(text, "Cargo.toml", "release", Optional.empty(), keys(kv));
    }

    @Test
    void inATableAKeyWithAnotherValueIsChangedInPlaceKeepingItsCommentAndNewKeysFollowTheLastKey() {
        String before = PKG + "\n[profile.release]\nlto = \"thin\" # fast enough\ndebug = 1\n\n[dependencies]\nserde = \"1\"\n";
        EditResult r = release(before, "opt-level", "\"z\"", "lto", "\"fat\"");
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.release]\nlto = \"fat\" # fast enough\ndebug = 1\nopt-level = \"z\"\n\n"
                + "[dependencies]\nserde = \"1\"\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.TABLE);
        assertThat(r.changes()).extracting(Change::describe)
                .containsExactly("set `opt-level = \"z\"`", "changed `lto = \"thin\"` to `lto = \"fat\"`");
        assertThat(r.changes()).extracting(Change::line).containsExactly(8, 6);
    }

    @Test
    void aKeyAlreadyWrittenWithTheSameTextIsLeftAloneAndApplyingTwiceChangesNothingTheSecondTime() {
        String before = PKG + "\n[profile.release]\nlto = \"thin\"\n";
        EditResult first = release(before, "lto", "\"fat\"", "codegen-units", "1");
        EditResult second = release(first.text(), "lto", "\"fat\"", "codegen-units", "1");
        assertThat(second.changes()).isEmpty();
        assertThat(second.changed()).isFalse();
        assertThat(second.text()).isSameAs(first.text());
    }

    @Test
    void aByteOrderMarkWhichCargoAcceptsIsKeptAndTheTableEditedAfterIt() {
        // found by SpanEditFuzzTest once tomlj was given files with a BOM (issue 19): the scanner stopped at offset 0
        String before = "\uFEFF" + PKG + "\n[profile.release]\nlto = \"thin\"\n";
        EditResult r = release(before, "lto", "\"fat\"");
        assertThat(r.text()).isEqualTo("\uFEFF" + PKG + "\n[profile.release]\nlto = \"fat\"\n");
    }

    @Test
    void withoutAProfileTableANewTableIsAppendedAfterABlankLine() {
        EditResult r = release(PKG, "lto", "\"fat\"", "panic", "\"abort\"");
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.release]\nlto = \"fat\"\npanic = \"abort\"\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.NEW);
        assertThat(r.changes()).extracting(Change::line).containsExactly(6, 7);
    }

    @Test
    void aNewTableAfterTrailingBlankLinesAddsNoSecondBlankLine() {
        assertThat(release(PKG + "\n", "lto", "true").text()).isEqualTo(PKG + "\n[profile.release]\nlto = true\n");
    }

    @Test
    void aCustomProfileGetsInheritsFirst() {
        EditResult r = ProfileEdit.apply(PKG, "Cargo.toml", "profiling", Optional.of("release"), keys("debug", "\"line-tables-only\""));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.profiling]\ninherits = \"release\"\ndebug = \"line-tables-only\"\n");
        assertThat(r.changes()).extracting(Change::describe)
                .containsExactly("set `inherits = \"release\"`", "set `debug = \"line-tables-only\"`");
    }

    @Test
    void anExistingTableWithoutInheritsGetsItRightAfterTheHeaderAndOtherKeysAfterTheLastKey() {
        String before = PKG + "[profile.dist] # for releases\nlto = true\n";
        EditResult r = ProfileEdit.apply(before, "Cargo.toml", "dist", Optional.of("release"), keys("strip", "true"));
        assertThat(r.text()).isEqualTo(PKG + "[profile.dist] # for releases\ninherits = \"release\"\nlto = true\nstrip = true\n");
    }

    @Test
    void topLevelDottedKeysAreEditedAndExtendedInTheSameStyle() {
        String before = "profile.release.lto = \"thin\"\nprofile . release . debug = 1  # spaced\n" + PKG;
        EditResult r = release(before, "lto", "\"fat\"", "opt-level", "\"z\"");
        assertThat(r.text()).isEqualTo("profile.release.lto = \"fat\"\nprofile . release . debug = 1  # spaced\n"
                + "profile . release . opt-level = \"z\"\n" + PKG);
        assertThat(r.layout()).isEqualTo(EditResult.Layout.DOTTED);
    }

    @Test
    void dottedKeysUnderAProfileTableAreEditedAndExtendedInTheSameStyle() {
        String before = PKG + "\n[profile]\ndev.debug = 0\nrelease.lto = \"thin\"\n\n[features]\nx = []\n";
        EditResult r = release(before, "lto", "\"fat\"", "panic", "\"abort\"");
        assertThat(r.text()).isEqualTo(PKG + "\n[profile]\ndev.debug = 0\nrelease.lto = \"fat\"\nrelease.panic = \"abort\"\n\n[features]\nx = []\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.DOTTED);
    }

    @Test
    void aProfileMissingFromAFileThatWritesProfilesAsDottedKeysIsAddedAsDottedKeys() {
        String before = PKG + "\n[profile]\ndev.debug = 0\n\n[features]\nx = []\n";
        EditResult r = release(before, "lto", "\"fat\"");
        assertThat(r.text()).isEqualTo(PKG + "\n[profile]\ndev.debug = 0\nrelease.lto = \"fat\"\n\n[features]\nx = []\n");
        String top = "profile.dev.debug = 0\n" + PKG;
        assertThat(release(top, "lto", "\"fat\"").text()).isEqualTo("profile.dev.debug = 0\nprofile.release.lto = \"fat\"\n" + PKG);
    }

    @Test
    void anInlineProfileTableIsRefusedWithItsLocationAndWhatToDo() {
        String before = "profile = { release = { lto = \"thin\" } }\n" + PKG;
        assertThatThrownBy(() -> release(before, "lto", "\"fat\"")).isInstanceOfSatisfying(AdvisorException.class, e ->
                assertThat(e.problems()).containsExactly(new Problem("Cargo.toml", 1, 1, "`profile` is an inline table "
                        + "(`profile = { … }`), which apply does not edit; nothing was changed: write it as `[profile.release]` "
                        + "(a table per profile), or set `lto = \"fat\"` by hand")));
        String under = PKG + "[profile]\n  release = { lto = \"thin\" }\n";
        assertThatThrownBy(() -> release(under, "lto", "\"fat\"")).isInstanceOfSatisfying(AdvisorException.class, e -> {
            assertThat(e.problems().get(0).line()).isEqualTo(5);
            assertThat(e.problems().get(0).column()).isEqualTo(3);
            assertThat(e.problems().get(0).message()).startsWith("`profile.release` is an inline table (`release = { … }`)");
        });
    }

    @Test
    void anArrayOfProfileTablesOrAProfileThatIsNotATableIsRefused() {
        assertThatThrownBy(() -> release(PKG + "[[profile.release]]\nlto = 1\n", "lto", "true"))
                .hasMessage("Cargo.toml:4:1: `[[profile.release]]` is an array of tables, which cargo does not accept; "
                        + "nothing was changed: make it a `[profile.release]` table");
        assertThatThrownBy(() -> release("profile = \"fast\"\n" + PKG, "lto", "true"))
                .hasMessage("Cargo.toml:1:1: `profile` is `\"fast\"`, not a table; nothing was changed: cargo expects `[profile]`");
    }

    @Test
    void packageSubTablesAreNotTouched() {
        String sub = PKG + "\n[profile.release.package.foo]\nopt-level = 1\n";
        assertThat(release(sub, "opt-level", "\"z\"").text()).isEqualTo(sub + "\n[profile.release]\nopt-level = \"z\"\n");
        String both = PKG + "\n[profile.release]\nlto = true\n\n[profile.release.package.foo]\nopt-level = 1\n";
        assertThat(release(both, "opt-level", "\"z\"").text()).isEqualTo(PKG + "\n[profile.release]\nlto = true\nopt-level = \"z\"\n\n"
                + "[profile.release.package.foo]\nopt-level = 1\n");
    }

    @Test
    void crlfFilesGetCrlfLines() {
        String before = (PKG + "\n[profile.release]\nlto = \"thin\"\n").replace("\n", "\r\n");
        EditResult r = release(before, "lto", "\"fat\"", "strip", "true");
        assertThat(r.text()).isEqualTo((PKG + "\n[profile.release]\nlto = \"fat\"\nstrip = true\n").replace("\n", "\r\n"));
        assertThat(release(PKG.replace("\n", "\r\n"), "lto", "true").text())
                .isEqualTo((PKG + "\n[profile.release]\nlto = true\n").replace("\n", "\r\n"));
    }

    @Test
    void aFileWithoutAFinalNewlineStillHasNone() {
        String table = PKG + "\n[profile.release]\nlto = \"thin\"";
        assertThat(release(table, "lto", "\"fat\"", "strip", "true").text())
                .isEqualTo(PKG + "\n[profile.release]\nlto = \"fat\"\nstrip = true");
        String noTable = "[package]\nname = \"demo\"";
        assertThat(release(noTable, "lto", "true").text()).isEqualTo(noTable + "\n\n[profile.release]\nlto = true");
        String crlf = "[package]\r\nname = \"demo\"";
        assertThat(release(crlf, "lto", "true").text()).isEqualTo(crlf + "\r\n\r\n[profile.release]\r\nlto = true");
    }

    @Test
    void newKeysGoAfterTheLastKeyLineBeforeTrailingCommentsAndBlankLines() {
        String before = PKG + "\n[profile.release]\n# size matters here\nlto = \"thin\"  # fast\n# debug = true\n\n"
                + "# builds for CI\n[profile.ci]\ninherits = \"dev\"\n";
        EditResult r = release(before, "codegen-units", "1");
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.release]\n# size matters here\nlto = \"thin\"  # fast\ncodegen-units = 1\n"
                + "# debug = true\n\n# builds for CI\n[profile.ci]\ninherits = \"dev\"\n");
    }

    @Test
    void anEmptyTableGetsItsKeysRightAfterTheHeader() {
        String before = PKG + "\n[profile.release]\n\n[lib]\nname = \"demo\"\n";
        assertThat(release(before, "lto", "true").text()).isEqualTo(PKG + "\n[profile.release]\nlto = true\n\n[lib]\nname = \"demo\"\n");
    }

    @Test
    void keyOrderQuotingAndIndentationOfTheUsersLinesStay() {
        String before = "[profile.release]\n  'opt-level' = 's'\n  \"debug\"=true\n  lto='thin'#c\n[package]\nname='x'\n";
        EditResult r = release(before, "lto", "\"fat\"", "panic", "\"abort\"");
        assertThat(r.text()).isEqualTo("[profile.release]\n  'opt-level' = 's'\n  \"debug\"=true\n  lto=\"fat\"#c\n  panic = \"abort\"\n"
                + "[package]\nname='x'\n");
        assertThat(r.changes().get(0).was()).contains("'thin'");
    }

    @Test
    void aValueSpanningLinesIsRefusedForThatKey() {
        String before = PKG + "[profile.release]\ndebug = \"\"\"\nfull\"\"\"\n";
        assertThatThrownBy(() -> release(before, "debug", "false"))
                .hasMessage("Cargo.toml:5:1: `debug` in `[profile.release]` spans several lines; apply changes only one-line "
                        + "values, so nothing was changed: set `debug = false` by hand");
    }

    @Test
    void tomlErrorsAreRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> release(PKG + "[profile.release\nlto = true\n", "lto", "true"))
                .isInstanceOfSatisfying(AdvisorException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).line()).isEqualTo(4);
                    assertThat(e.problems().get(0).column()).isPositive();
                    assertThat(e.problems().get(0).message()).startsWith("invalid TOML: ");
                });
    }

    @Test
    void bracketsAndHeadersInsideStringsAndArraysAreNotMistakenForTables() {
        String before = "[package]\nname = \"demo\"\ndescription = \"\"\"\n[profile.release]\nlto = \"thin\"\n\"\"\"\n"
                + "keywords = [\n[\"a\"], # [profile.release]\n]\n";
        EditResult r = release(before, "lto", "\"fat\"");
        assertThat(r.text()).isEqualTo(before + "\n[profile.release]\nlto = \"fat\"\n");
    }

    @Test
    void anEmptyFileGetsTheTable() {
        assertThat(release("", "lto", "true").text()).isEqualTo("[profile.release]\nlto = true\n");
    }

    @Test
    void keysAndValuesAreCheckedBeforeAnythingIsEdited() {
        assertThatThrownBy(() -> release(PKG, "lto x", "true")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> release(PKG, "lto", "fat")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherTablesWithTheSameKeysAreNotTouched() {
        String before = "[profile.dev]\nlto = \"thin\"\n[profile.release]\n[profile.release.build-override]\nlto = \"thin\"\n";
        EditResult r = release(before, "lto", "\"fat\"");
        assertThat(r.text()).isEqualTo("[profile.dev]\nlto = \"thin\"\n[profile.release]\nlto = \"fat\"\n"
                + "[profile.release.build-override]\nlto = \"thin\"\n");
        assertThat(List.of(r.layout())).containsExactly(EditResult.Layout.TABLE);
    }
}
