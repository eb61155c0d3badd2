package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.profileadvisor.edit.ProfileEditTest.PKG;
import static dev.profileadvisor.edit.ProfileEditTest.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans of several tables ({@code [profile.NAME]}, {@code [profile.NAME.package."*"]}, {@code [profile.NAME.package.PKG]},
 * {@code [profile.NAME.build-override]}) on every layout the override tables can be written in.
 */
class ProfileTablesEditTest {
    static final List<String> STAR = List.of("profile", "dev", "package", "*");

    static TableEdit dev(String... kv) {
        return TableEdit.profile("dev", keys(kv));
    }

    static TableEdit star(String... kv) {
        return TableEdit.allPackages("dev", keys(kv));
    }

    static TableEdit insta(String... kv) {
        return TableEdit.forPackage("dev", "insta", keys(kv));
    }

    static TableEdit buildOverride(String profile, String... kv) {
        return TableEdit.buildOverride(profile, keys(kv));
    }

    /** Applies the plan, and checks that applying it again to the result changes nothing. */
    static EditResult edit(String text, TableEdit... plan) {
        EditResult r = ProfileEdit.apply(text, "Cargo.toml", List.of(plan));
        EditResult again = ProfileEdit.apply(r.text(), "Cargo.toml", List.of(plan));
        assertThat(again.changes()).as("applying again to\n%s", r.text()).isEmpty();
        assertThat(again.text()).isSameAs(r.text());
        return r;
    }

    // ---- existing override tables, edited in place

    @Test
    void anOverrideTableIsEditedInPlaceHoweverItsNameIsQuoted() {
        for (String header : List.of("[profile.dev.package.\"*\"]", "[profile.dev.package.'*']", "[ profile . dev . package . \"*\" ]")) {
            String before = PKG + "\n[profile.dev]\nopt-level = 1\n\n" + header + " # dependencies\nopt-level = 1 # slow\n\n"
                    + "[dependencies]\nserde = \"1\"\n";
            EditResult r = edit(before, star("opt-level", "3", "debug", "false"));
            assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\n\n" + header + " # dependencies\nopt-level = 3 # slow\n"
                    + "debug = false\n\n[dependencies]\nserde = \"1\"\n");
            assertThat(r.layout()).isEqualTo(EditResult.Layout.TABLE);
            assertThat(r.changes()).extracting(Change::describe).containsExactly(
                    "changed `opt-level = 1` to `opt-level = 3` in `[profile.dev.package.\"*\"]`",
                    "set `debug = false` in `[profile.dev.package.\"*\"]`");
            assertThat(r.changes()).extracting(Change::qualifiedKey)
                    .containsExactly("profile.dev.package.\"*\".opt-level", "profile.dev.package.\"*\".debug");
            assertThat(r.changes()).extracting(Change::line).containsExactly(9, 10);
            assertThat(r.changes().get(0).table()).isEqualTo(STAR);
        }
    }

    @Test
    void aPackageTableIsEditedInPlaceBareOrQuoted() {
        for (String name : List.of("insta", "\"insta\"", "'insta'")) {
            String before = PKG + "\n[profile.dev.package." + name + "]\nopt-level = 1\n";
            EditResult r = edit(before, insta("opt-level", "3", "debug", "false"));
            assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev.package." + name + "]\nopt-level = 3\ndebug = false\n");
            assertThat(r.changes()).extracting(Change::tableName).containsOnly("profile.dev.package.insta");
        }
    }

    @Test
    void aBuildOverrideTableIsEditedInPlace() {
        String before = PKG + "\n[profile.release]\nlto = true\n\n[profile.release.build-override]\nopt-level = 0\n";
        EditResult r = edit(before, buildOverride("release", "debug", "false", "opt-level", "1"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.release]\nlto = true\n\n[profile.release.build-override]\nopt-level = 1\ndebug = false\n");
        assertThat(r.changes()).extracting(Change::describe).containsExactly(
                "set `debug = false` in `[profile.release.build-override]`",
                "changed `opt-level = 0` to `opt-level = 1` in `[profile.release.build-override]`");
    }

    @Test
    void anEmptyOverrideTableGetsItsKeysRightAfterItsHeader() {
        String before = PKG + "\n[profile.dev.package.\"*\"]\n\n[dependencies]\nserde = \"1\"\n";
        assertThat(edit(before, star("opt-level", "3")).text())
                .isEqualTo(PKG + "\n[profile.dev.package.\"*\"]\nopt-level = 3\n\n[dependencies]\nserde = \"1\"\n");
    }

    @Test
    void overrideTablesWrittenAsDottedKeysInTheProfileTableAreExtendedTheSameWay() {
        String before = PKG + "\n[profile.dev]\nopt-level = 1\n  package.'*'.opt-level = 1  # deps\n\n[dependencies]\nserde = \"1\"\n";
        EditResult r = edit(before, star("opt-level", "3", "debug", "false"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\n  package.'*'.opt-level = 3  # deps\n"
                + "  package.'*'.debug = false\n\n[dependencies]\nserde = \"1\"\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.DOTTED);
    }

    @Test
    void overrideTablesWrittenAsDottedKeysAtTheTopLevelAreExtendedTheSameWay() {
        String before = "profile.dev.opt-level = 1\nprofile.dev.package.\"*\".opt-level = 1\n" + PKG;
        EditResult r = edit(before, star("opt-level", "3", "debug", "false"), dev("debug", "1"));
        assertThat(r.text()).isEqualTo("profile.dev.opt-level = 1\nprofile.dev.package.\"*\".opt-level = 3\n"
                + "profile.dev.debug = 1\nprofile.dev.package.\"*\".debug = false\n" + PKG);
        assertThat(r.layouts()).containsEntry(STAR, EditResult.Layout.DOTTED).containsEntry(List.of("profile", "dev"), EditResult.Layout.DOTTED);
        assertThat(r.changes()).extracting(Change::describe).containsExactly(
                "changed `opt-level = 1` to `opt-level = 3` in `[profile.dev.package.\"*\"]`",
                "set `debug = false` in `[profile.dev.package.\"*\"]`", "set `debug = 1`");
    }

    @Test
    void overrideTablesWrittenAsDottedKeysUnderProfileAreExtendedTheSameWay() {
        String before = PKG + "\n[profile]\ndev.package.\"*\".opt-level = 1\nrelease.lto = true\n\n[features]\nx = []\n";
        EditResult r = edit(before, star("opt-level", "3", "debug", "false"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile]\ndev.package.\"*\".opt-level = 3\ndev.package.\"*\".debug = false\n"
                + "release.lto = true\n\n[features]\nx = []\n");
    }

    // ---- new override tables

    @Test
    void aNewOverrideTableFollowsItsProfileTableBeforeTheNextProfilesTables() {
        String before = PKG + "\n[profile.dev]\nopt-level = 1\n\n[profile.release]\nlto = true\n";
        EditResult r = edit(before, star("opt-level", "3"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\n\n[profile.dev.package.\"*\"]\nopt-level = 3\n\n"
                + "[profile.release]\nlto = true\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.NEW);
        assertThat(r.changes()).extracting(Change::line).containsExactly(9);
    }

    @Test
    void aNewOverrideTableFollowsItsProfilesOtherOverrideTables() {
        String before = PKG + "\n[profile.dev]\nopt-level = 1\n\n[profile.dev.package.insta]\nopt-level = 3\n\n"
                + "[profile.release]\nlto = true\n";
        EditResult r = edit(before, star("opt-level", "2"), buildOverride("dev", "debug", "false"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\n\n[profile.dev.package.insta]\nopt-level = 3\n\n"
                + "[profile.dev.package.\"*\"]\nopt-level = 2\n\n[profile.dev.build-override]\ndebug = false\n\n[profile.release]\nlto = true\n");
    }

    @Test
    void aNewOverrideTableAtTheEndOfTheFile() {
        String before = PKG + "\n[profile.dev]\nopt-level = 1\n";
        assertThat(edit(before, star("opt-level", "3")).text())
                .isEqualTo(before + "\n[profile.dev.package.\"*\"]\nopt-level = 3\n");
        String noNewline = PKG + "\n[profile.dev]\nopt-level = 1";
        assertThat(edit(noNewline, star("opt-level", "3"), dev("debug", "0")).text())
                .isEqualTo(noNewline + "\ndebug = 0\n\n[profile.dev.package.\"*\"]\nopt-level = 3");
    }

    @Test
    void inAFileWhoseTablesAreNotSeparatedByBlankLinesANewOverrideTableIsNotEither() {
        String before = "[package]\nname = \"demo\"\n[profile.dev]\nopt-level = 1\n[profile.release]\nlto = true\n";
        assertThat(edit(before, star("opt-level", "3")).text()).isEqualTo("[package]\nname = \"demo\"\n[profile.dev]\nopt-level = 1\n"
                + "[profile.dev.package.\"*\"]\nopt-level = 3\n[profile.release]\nlto = true\n");
    }

    @Test
    void commentsRightAfterTheProfileTableStayWithItThoseAboveTheNextTableStayWithThatOne() {
        String before = PKG + "\n[profile.dev]\nopt-level = 1\n# debug = true\n\n# for releases\n[profile.release]\nlto = true\n";
        assertThat(edit(before, star("opt-level", "3")).text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\n# debug = true\n\n"
                + "[profile.dev.package.\"*\"]\nopt-level = 3\n\n# for releases\n[profile.release]\nlto = true\n");
        String tight = PKG + "\n[profile.dev]\nopt-level = 1\n# for releases\n[profile.release]\nlto = true\n";
        assertThat(edit(tight, star("opt-level", "3")).text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\n\n"
                + "[profile.dev.package.\"*\"]\nopt-level = 3\n# for releases\n[profile.release]\nlto = true\n");
    }

    @Test
    void aNewProfileIsAppendedFirstAndItsOverrideTablesFollowItWhateverTheOrderAsked() {
        EditResult r = edit(PKG, buildOverride("release", "debug", "false"), star("opt-level", "3", "debug", "false"),
                dev("debug", "\"line-tables-only\""));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev]\ndebug = \"line-tables-only\"\n\n[profile.dev.package.\"*\"]\nopt-level = 3\n"
                + "debug = false\n\n[profile.release.build-override]\ndebug = false\n");
        assertThat(r.changes()).extracting(Change::qualifiedKey).containsExactly("profile.release.build-override.debug",
                "profile.dev.package.\"*\".opt-level", "profile.dev.package.\"*\".debug", "profile.dev.debug");
        assertThat(r.layouts().values()).containsOnly(EditResult.Layout.NEW);
    }

    @Test
    void aCustomProfileGetsInheritsFirstAndItsOverrideTablesAfterIt() {
        EditResult r = edit(PKG + "\n[profile.release]\nlto = true\n", TableEdit.allPackages("profiling", keys("debug", "true")),
                TableEdit.profile("profiling", keys("debug", "true", "inherits", "\"release\"")));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.release]\nlto = true\n\n[profile.profiling]\ninherits = \"release\"\ndebug = true\n\n"
                + "[profile.profiling.package.\"*\"]\ndebug = true\n");
    }

    @Test
    void anOverrideTableOfAProfileTheFileDoesNotHaveIsAddedWithoutAnEmptyProfileTable() {
        assertThat(edit(PKG, star("opt-level", "3")).text()).isEqualTo(PKG + "\n[profile.dev.package.\"*\"]\nopt-level = 3\n");
        String other = PKG + "\n[profile.dev.package.insta]\nopt-level = 3\n\n[dependencies]\nserde = \"1\"\n";
        assertThat(edit(other, star("opt-level", "2")).text()).isEqualTo(PKG + "\n[profile.dev.package.insta]\nopt-level = 3\n\n"
                + "[profile.dev.package.\"*\"]\nopt-level = 2\n\n[dependencies]\nserde = \"1\"\n");
    }

    @Test
    void aNewOverrideTableOfAProfileWrittenWithDottedKeysIsWrittenWithDottedKeys() {
        String top = "profile . dev . opt-level = 1\n" + PKG;
        assertThat(edit(top, star("opt-level", "3"), buildOverride("dev", "debug", "false")).text())
                .isEqualTo("profile . dev . opt-level = 1\nprofile . dev . package . \"*\" . opt-level = 3\n"
                        + "profile . dev . build-override . debug = false\n" + PKG);
        String under = PKG + "\n[profile]\ndev.opt-level = 1\n\n[features]\nx = []\n";
        assertThat(edit(under, star("opt-level", "3")).text())
                .isEqualTo(PKG + "\n[profile]\ndev.opt-level = 1\ndev.package.\"*\".opt-level = 3\n\n[features]\nx = []\n");
        String otherProfile = "profile.release.lto = true\n" + PKG;
        assertThat(edit(otherProfile, dev("debug", "0"), star("opt-level", "3"), insta("opt-level", "3")).text())
                .isEqualTo("profile.release.lto = true\nprofile.dev.debug = 0\nprofile.dev.package.\"*\".opt-level = 3\n"
                        + "profile.dev.package.insta.opt-level = 3\n" + PKG);
        assertThat(edit(otherProfile, star("opt-level", "3")).text())
                .isEqualTo("profile.release.lto = true\nprofile.dev.package.\"*\".opt-level = 3\n" + PKG);
    }

    @Test
    void aNewOverrideTableFollowsTheDottedStyleOfItsProfilesOtherOverrideTables() {
        String pkg = PKG + "\n[profile.dev]\nopt-level = 1\npackage.insta.opt-level = 3\n\n[dependencies]\nserde = \"1\"\n";
        assertThat(edit(pkg, star("opt-level", "2")).text()).isEqualTo(PKG + "\n[profile.dev]\nopt-level = 1\npackage.insta.opt-level = 3\n"
                + "package.\"*\".opt-level = 2\n\n[dependencies]\nserde = \"1\"\n");
        String quoted = PKG + "\n[profile.dev]\n\"package\".insta.opt-level = 3\n";
        assertThat(edit(quoted, star("opt-level", "2")).text()).isEqualTo(quoted + "\"package\".\"*\".opt-level = 2\n");
        String bo = PKG + "\n[profile.dev]\nopt-level = 1\nbuild-override.opt-level = 0\n";
        assertThat(edit(bo, star("opt-level", "2")).text()).isEqualTo(bo + "package.\"*\".opt-level = 2\n");
    }

    @Test
    void underAPackageHeaderANewPackageIsADottedKey() {
        String before = PKG + "\n[profile.dev.package]\ninsta.opt-level = 3\n\n[dependencies]\nserde = \"1\"\n";
        assertThat(edit(before, star("opt-level", "2")).text()).isEqualTo(PKG + "\n[profile.dev.package]\ninsta.opt-level = 3\n"
                + "\"*\".opt-level = 2\n\n[dependencies]\nserde = \"1\"\n");
        String inline = PKG + "\n[profile.dev.package]\n\"*\" = { opt-level = 2 }\n";
        assertThat(edit(inline, insta("opt-level", "3")).text()).isEqualTo(inline + "insta.opt-level = 3\n");
    }

    @Test
    void dottedKeysDoNotExtendATableThatAHeaderAlreadyDefines() {
        String before = PKG + "\n[profile]\ndev.opt-level = 1\n\n[profile.dev.package.insta]\nopt-level = 3\n";
        EditResult r = edit(before, star("opt-level", "2"), buildOverride("dev", "debug", "false"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile]\ndev.opt-level = 1\ndev.build-override.debug = false\n\n"
                + "[profile.dev.package.insta]\nopt-level = 3\n\n[profile.dev.package.\"*\"]\nopt-level = 2\n");
    }

    @Test
    void packageNamesAreWrittenBareWhenTheyCanBeAndQuotedOtherwise() {
        EditResult r = edit(PKG, TableEdit.forPackage("dev", "my-crate_2", keys("opt-level", "3")), star("opt-level", "2"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev.package.my-crate_2]\nopt-level = 3\n\n[profile.dev.package.\"*\"]\nopt-level = 2\n");
        assertThat(TableEdit.forPackage("dev", "a.b", Map.of()).name()).isEqualTo("profile.dev.package.\"a.b\"");
    }

    // ---- newlines, comments

    @Test
    void crlfFilesGetCrlfLinesInEveryTable() {
        String before = (PKG + "\n[profile.dev]\nopt-level = 1\n\n[profile.dev.package.insta]\nopt-level = 1\n\n[profile.release]\nlto = true\n")
                .replace("\n", "\r\n");
        EditResult r = edit(before, insta("opt-level", "3", "debug", "false"), star("opt-level", "2"), buildOverride("release", "debug", "false"));
        assertThat(r.text()).isEqualTo((PKG + "\n[profile.dev]\nopt-level = 1\n\n[profile.dev.package.insta]\nopt-level = 3\ndebug = false\n\n"
                + "[profile.dev.package.\"*\"]\nopt-level = 2\n\n[profile.release]\nlto = true\n\n[profile.release.build-override]\ndebug = false\n")
                .replace("\n", "\r\n"));
        assertThat(edit(PKG.replace("\n", "\r\n"), star("opt-level", "3")).text())
                .isEqualTo((PKG + "\n[profile.dev.package.\"*\"]\nopt-level = 3\n").replace("\n", "\r\n"));
    }

    @Test
    void aFileWithoutAFinalNewlineStillHasNone() {
        String table = PKG + "\n[profile.dev.package.\"*\"]\nopt-level = 1";
        assertThat(edit(table, star("opt-level", "3", "debug", "false")).text())
                .isEqualTo(PKG + "\n[profile.dev.package.\"*\"]\nopt-level = 3\ndebug = false");
        String none = "[package]\nname = \"demo\"";
        assertThat(edit(none, dev("debug", "0"), star("opt-level", "3")).text())
                .isEqualTo(none + "\n\n[profile.dev]\ndebug = 0\n\n[profile.dev.package.\"*\"]\nopt-level = 3");
        String dotted = "profile.dev.opt-level = 1";
        assertThat(edit(dotted, star("opt-level", "3")).text()).isEqualTo(dotted + "\nprofile.dev.package.\"*\".opt-level = 3");
    }

    @Test
    void anEmptyFileGetsTheTables() {
        assertThat(edit("", dev("debug", "0"), star("opt-level", "3")).text())
                .isEqualTo("[profile.dev]\ndebug = 0\n\n[profile.dev.package.\"*\"]\nopt-level = 3\n");
    }

    @Test
    void valuesAlreadyWrittenAreLeftAloneInEveryTable() {
        String before = PKG + "\n[profile.dev]\ndebug = 0\n\n[profile.dev.package.'*']\nopt-level = 3 # deps\n";
        EditResult r = ProfileEdit.apply(before, "Cargo.toml", List.of(dev("debug", "0"), star("opt-level", "3")));
        assertThat(r.changed()).isFalse();
        assertThat(r.text()).isSameAs(before);
        assertThat(r.layouts()).containsEntry(STAR, EditResult.Layout.TABLE);
    }

    @Test
    void otherProfilesAndOtherPackagesTablesAreNotTouched() {
        String before = PKG + "\n[profile.dev.package.insta]\nopt-level = 1\n\n[profile.release.package.\"*\"]\nopt-level = 1\n";
        EditResult r = edit(before, star("opt-level", "3"));
        assertThat(r.text()).isEqualTo(PKG + "\n[profile.dev.package.insta]\nopt-level = 1\n\n[profile.dev.package.\"*\"]\nopt-level = 3\n\n"
                + "[profile.release.package.\"*\"]\nopt-level = 1\n");
    }

    // ---- refusals

    @Test
    void anInlinePackageTableIsRefusedWithItsLocation() {
        String before = PKG + "\n[profile.dev]\nopt-level = 1\npackage = { \"*\" = { opt-level = 3 } }\n";
        assertThatThrownBy(() -> edit(before, star("opt-level", "2"))).isInstanceOf(AdvisorException.class)
                .hasMessage("Cargo.toml:7:1: `profile.dev.package` is an inline table (`package = { … }`), which apply does not edit; "
                        + "nothing was changed: write it as `[profile.dev.package.\"*\"]` (a table per package), or set `opt-level = 2` by hand");
        String star = PKG + "\n[profile.dev.package]\n  \"*\" = { opt-level = 3 }\n";
        assertThatThrownBy(() -> edit(star, star("opt-level", "2"))).isInstanceOf(AdvisorException.class)
                .hasMessageStartingWith("Cargo.toml:6:3: `profile.dev.package.\"*\"` is an inline table (`\"*\" = { … }`)");
        String bo = "profile.release.build-override = { opt-level = 0 }\n" + PKG;
        assertThatThrownBy(() -> edit(bo, buildOverride("release", "debug", "false"))).isInstanceOf(AdvisorException.class)
                .hasMessageStartingWith("Cargo.toml:1:1: `profile.release.build-override` is an inline table");
        String profile = PKG + "[profile]\ndev = { opt-level = 1 }\n";
        assertThatThrownBy(() -> edit(profile, star("opt-level", "2"))).isInstanceOf(AdvisorException.class)
                .hasMessageStartingWith("Cargo.toml:5:1: `profile.dev` is an inline table (`dev = { … }`)");
    }

    @Test
    void anArrayOfTablesOnTheWayIsRefusedWithItsLocation() {
        assertThatThrownBy(() -> edit(PKG + "[[profile.dev.package]]\ninsta.opt-level = 1\n", star("opt-level", "3")))
                .hasMessage("Cargo.toml:4:1: `[[profile.dev.package]]` is an array of tables, which cargo does not accept; "
                        + "nothing was changed: make it a `[profile.dev.package]` table");
        assertThatThrownBy(() -> edit(PKG + "[[profile.dev.package.\"*\"]]\nopt-level = 1\n", star("opt-level", "3")))
                .hasMessageStartingWith("Cargo.toml:4:1: `[[profile.dev.package.\"*\"]]` is an array of tables");
    }

    @Test
    void aValueThatIsNotATableOnTheWayIsRefused() {
        assertThatThrownBy(() -> edit(PKG + "[profile.dev]\npackage = \"all\"\n", star("opt-level", "3")))
                .hasMessage("Cargo.toml:5:1: `profile.dev.package` is `\"all\"`, not a table; nothing was changed: "
                        + "cargo expects `[profile.dev.package]`");
    }

    @Test
    void aMultiLineValueToReplaceIsRefusedWithItsTable() {
        String before = PKG + "[profile.dev.package.\"*\"]\ndebug = \"\"\"\nfull\"\"\"\n";
        assertThatThrownBy(() -> edit(before, star("debug", "false")))
                .hasMessage("Cargo.toml:5:1: `debug` in `[profile.dev.package.\"*\"]` spans several lines; apply changes only one-line "
                        + "values, so nothing was changed: set `debug = false` by hand");
        String dotted = PKG + "[profile.dev]\npackage.\"*\".debug = '''\nfull'''\n";
        assertThatThrownBy(() -> edit(dotted, star("debug", "false"))).hasMessageStartingWith("Cargo.toml:5:1: `debug` in `[profile.dev.package.\"*\"]`");
    }

    @Test
    void plansAreCheckedBeforeAnythingIsEdited() {
        assertThatThrownBy(() -> star("inherits", "\"dev\"")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dev("package", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableEdit(List.of("profile", "dev", "package"), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableEdit(List.of("profile", "dev", "lto"), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableEdit(List.of("package"), Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> star("opt-level", "3\nlto = true")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProfileEdit.apply(PKG, "Cargo.toml", List.of(star("debug", "1"), star("debug", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("table given twice: [profile.dev.package.\"*\"]");
        assertThatThrownBy(() -> ProfileEdit.apply(PKG, "Cargo.toml", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
