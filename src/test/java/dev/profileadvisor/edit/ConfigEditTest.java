package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The config editor on every way a {@code [target.TRIPLE]} table and its {@code rustflags} can be written. */
class ConfigEditTest {
    static final String HOST = "x86_64-unknown-linux-gnu";
    static final TargetTableEdit CPU = TargetTableEdit.rustflags(HOST, "-C", "target-cpu=x86-64-v3");
    static final TargetTableEdit FP = TargetTableEdit.rustflags(HOST, "-C", "force-frame-pointers=yes");

    static ConfigEditResult edit(String text, TargetTableEdit e) {
        ConfigEditResult r = ConfigEdit.apply(text, ".cargo/config.toml", e);
        ConfigEditResult again = ConfigEdit.apply(r.text(), ".cargo/config.toml", e);
        assertThat(again.changes()).as("idempotent").isEmpty();
        assertThat(again.text()).isSameAs(r.text());
        return r;
    }

    static String text(String text, TargetTableEdit e) {
        return edit(text, e).text();
    }

    // ---- creating

    @Test
    void anEmptyOrMissingFileBecomesTheTableAlone() {
        ConfigEditResult r = edit("", CPU);
        assertThat(r.text()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.NEW);
        assertThat(r.changes()).extracting(ConfigChange::describe)
                .containsExactly("set `rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]` in `[target.x86_64-unknown-linux-gnu]`");
        assertThat(r.changes()).extracting(ConfigChange::line, ConfigChange::column).containsExactly(org.assertj.core.groups.Tuple.tuple(2, 1));
    }

    @Test
    void aFileWithoutTheTableGetsItAtTheEndAfterABlankLine() {
        String before = "# my config\n[build]\njobs = 2 # two cores\n";
        assertThat(text(before, CPU)).isEqualTo(before + "\n[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
    }

    @Test
    void aNewTableGoesAfterTheLastTargetTableBeforeTheTablesAfterIt() {
        String before = "[target.wasm32-unknown-unknown]\nrunner = 'wasm-bindgen-test-runner'\n\n[alias]\nb = \"build\"\n";
        assertThat(text(before, CPU)).isEqualTo("[target.wasm32-unknown-unknown]\nrunner = 'wasm-bindgen-test-runner'\n\n"
                + "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n\n[alias]\nb = \"build\"\n");
    }

    @Test
    void crlfIsKeptAndNoFinalNewlineStaysSo() {
        String before = "[build]\r\njobs = 2";
        assertThat(text(before, CPU)).isEqualTo("[build]\r\njobs = 2\r\n\r\n[target.x86_64-unknown-linux-gnu]\r\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]");
        String crlf = "[target.x86_64-unknown-linux-gnu]\r\nlinker = \"clang\" # fast\r\n";
        assertThat(text(crlf, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\r\nlinker = \"clang\" # fast\r\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\r\n");
    }

    @Test
    void anExistingTableGetsTheKeyAfterItsLastKeyIndentedLikeIt() {
        String before = "[target.x86_64-unknown-linux-gnu]\n  linker = \"clang\" # ok\n\n# about build\n[build]\njobs = 1\n";
        ConfigEditResult r = edit(before, CPU);
        assertThat(r.text()).isEqualTo("[target.x86_64-unknown-linux-gnu]\n  linker = \"clang\" # ok\n  rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n"
                + "\n# about build\n[build]\njobs = 1\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.TABLE);
    }

    @Test
    void quotedTripleHeadersAreTheSameTable() {
        String before = "[target.'x86_64-unknown-linux-gnu']\nlinker = \"clang\"\n";
        assertThat(text(before, CPU)).isEqualTo(before + "rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
    }

    @Test
    void dottedKeysStayDotted() {
        String top = "target.x86_64-unknown-linux-gnu.linker = \"clang\"\n\n[build]\njobs = 1\n";
        ConfigEditResult r = edit(top, CPU);
        assertThat(r.text()).isEqualTo("target.x86_64-unknown-linux-gnu.linker = \"clang\"\n"
                + "target.x86_64-unknown-linux-gnu.rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n\n[build]\njobs = 1\n");
        assertThat(r.layout()).isEqualTo(EditResult.Layout.DOTTED);
        String under = "[target]\nx86_64-unknown-linux-gnu.linker = \"clang\"\n";
        assertThat(text(under, CPU)).isEqualTo(under + "x86_64-unknown-linux-gnu.rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
    }

    @Test
    void aTargetTableOfOnlyASubTableGetsItsOwnHeader() {
        String before = "[target.x86_64-unknown-linux-gnu.foo]\nrustc-link-lib = [\"foo\"]\n";
        assertThat(text(before, CPU)).isEqualTo(before + "\n[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
    }

    // ---- merging into an array

    @Test
    void anArrayGetsNewElementsAfterItsLastOne() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=mold\"] # mold\n";
        ConfigEditResult r = edit(before, CPU);
        assertThat(r.text()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=mold\", \"-C\", "
                + "\"target-cpu=x86-64-v3\"] # mold\n");
        assertThat(r.changes()).extracting(ConfigChange::describe).containsExactly(
                "added `-C target-cpu=x86-64-v3` in `rustflags` in `[target.x86_64-unknown-linux-gnu]`");
    }

    @Test
    void anExistingTargetCpuIsReplacedInPlaceHoweverItIsWritten() {
        String pair = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=native\", \"-C\", \"opt-level=3\"]\n";
        ConfigEditResult r = edit(pair, CPU);
        assertThat(r.text()).isEqualTo(pair.replace("native", "x86-64-v3"));
        assertThat(r.changes()).extracting(ConfigChange::description)
                .containsExactly("changed `-C target-cpu=native` to `-C target-cpu=x86-64-v3` in `rustflags`");
        String joined = "[target.x86_64-unknown-linux-gnu]\nrustflags = ['-Ctarget-cpu=native', '-Cforce-frame-pointers=yes']\n";
        assertThat(text(joined, CPU)).isEqualTo(joined.replace("native", "x86-64-v3"));
        String underscore = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"--codegen\", \"target_cpu=haswell\"]\n";
        assertThat(text(underscore, CPU)).isEqualTo(underscore.replace("haswell", "x86-64-v3"));
        String codegenEq = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"--codegen=target-cpu=haswell\"]\n";
        assertThat(text(codegenEq, CPU)).isEqualTo(codegenEq.replace("haswell", "x86-64-v3"));
    }

    @Test
    void aTargetCpuGivenTwiceHasTheLastOneReplacedTheOneRustcUses() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=haswell\", \"-C\", \"target-cpu=native\"]\n";
        assertThat(text(before, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=haswell\", \"-C\", "
                + "\"target-cpu=x86-64-v3\"]\n");
    }

    @Test
    void aFlagAlreadyThereIsNotAddedTwiceInAnySpelling() {
        for (String fp : List.of("\"-C\", \"force-frame-pointers=yes\"", "\"-Cforce-frame-pointers=on\"", "\"-C\", \"force-frame-pointers\"",
                "'-C', 'force_frame_pointers=true'")) {
            String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"--cfg\", \"tokio_unstable\", " + fp + "]\n";
            ConfigEditResult r = ConfigEdit.apply(before, "c", FP);
            assertThat(r.changes()).as(fp).isEmpty();
            assertThat(r.text()).isSameAs(before);
        }
    }

    @Test
    void aValueOfAnotherKindIsReplaced() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-Cforce-frame-pointers=no\"]\n";
        assertThat(text(before, FP)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-Cforce-frame-pointers=yes\"]\n");
    }

    @Test
    void otherFlagsStayInOrderAndNewOnesFollowTheFileStyleOfWritingOptions() {
        String joined = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-Clink-arg=-fuse-ld=lld\", \"--cfg\", \"x\"]\n";
        assertThat(text(joined, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-Clink-arg=-fuse-ld=lld\", \"--cfg\", \"x\", "
                + "\"-Ctarget-cpu=x86-64-v3\"]\n");
    }

    @Test
    void aTrailingCommaAndTheSpacingOfAOneLineArrayAreKept() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [ \"--cfg\",  \"x\", ]\n";
        assertThat(text(before, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [ \"--cfg\",  \"x\",  \"-C\",  "
                + "\"target-cpu=x86-64-v3\", ]\n");
    }

    @Test
    void anEmptyArrayGetsTheElements() {
        assertThat(text("[target.x86_64-unknown-linux-gnu]\nrustflags = []\n", CPU))
                .isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
        String commented = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  # nothing yet\n]\n";
        assertThat(text(commented, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  # nothing yet\n"
                + "    \"-C\", \"target-cpu=x86-64-v3\"\n]\n");
    }

    @Test
    void aMultiLineArrayGetsANewLineIndentedLikeItsLastElement() {
        String perLine = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\n    \"--cfg\",\n    \"tokio_unstable\", # tokio\n]\n";
        assertThat(text(perLine, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n    \"--cfg\",\n    \"tokio_unstable\", # tokio\n"
                + "    \"-C\",\n    \"target-cpu=x86-64-v3\",\n]\n");
        String pairs = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\r\n  \"-C\", \"link-arg=-fuse-ld=mold\" # fast link\r\n]\r\n";
        assertThat(text(pairs, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\r\n  \"-C\", \"link-arg=-fuse-ld=mold\", # fast link\r\n"
                + "  \"-C\", \"target-cpu=x86-64-v3\"\r\n]\r\n");
        String closeOnLast = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  \"--cfg\", \"x\"]\n";
        assertThat(text(closeOnLast, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  \"--cfg\", \"x\", \"-C\", "
                + "\"target-cpu=x86-64-v3\"]\n");
    }

    @Test
    void theLinkerArgumentIsOneSlot() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"link-arg=-fuse-ld=lld\", \"-C\", \"link-arg=-Wl,--as-needed\"]\n";
        TargetTableEdit mold = TargetTableEdit.rustflags(HOST, "-C", "link-arg=-fuse-ld=mold");
        assertThat(text(before, mold)).isEqualTo(before.replace("-fuse-ld=lld", "-fuse-ld=mold"));
        TargetTableEdit other = TargetTableEdit.rustflags(HOST, "-C", "link-arg=-Wl,-z,now");
        assertThat(text(before, other)).contains("\"link-arg=-Wl,--as-needed\", \"-C\", \"link-arg=-Wl,-z,now\"]");
    }

    @Test
    void severalOptionsAtOnce() {
        TargetTableEdit both = TargetTableEdit.rustflags(HOST, "-C", "target-cpu=x86-64-v3", "-C", "force-frame-pointers=yes");
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=native\"]\n";
        ConfigEditResult r = edit(before, both);
        assertThat(r.text()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\", \"-C\", "
                + "\"force-frame-pointers=yes\"]\n");
        assertThat(r.changes()).extracting(ConfigChange::description).containsExactly("changed `-C target-cpu=native` to "
                + "`-C target-cpu=x86-64-v3`, added `-C force-frame-pointers=yes` in `rustflags`");
    }

    // ---- merging into a string

    @Test
    void aStringStaysAString() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = \"-C target-cpu=native -C opt-level=3\" # speed\n";
        assertThat(text(before, CPU)).isEqualTo(before.replace("native", "x86-64-v3"));
        String other = "[target.x86_64-unknown-linux-gnu]\nrustflags = '--cfg  x '\n";
        assertThat(text(other, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = '--cfg  x -C target-cpu=x86-64-v3 '\n");
        String empty = "[target.x86_64-unknown-linux-gnu]\nrustflags = \"\"\n";
        assertThat(text(empty, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = \"-C target-cpu=x86-64-v3\"\n");
        String joined = "[target.x86_64-unknown-linux-gnu]\nrustflags = \"-Ctarget-cpu=native\"\n";
        assertThat(text(joined, CPU)).isEqualTo(joined.replace("native", "x86-64-v3"));
    }

    @Test
    void aStringWithEscapesIsRewrittenAsAWhole() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = \"--cfg\\tfoo -C target-cpu=native\"\n";
        assertThat(text(before, CPU)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nrustflags = \"--cfg\tfoo -C target-cpu=x86-64-v3\"\n");
    }

    @Test
    void aStringAlreadyHavingTheFlagIsLeftAlone() {
        String before = "[target.x86_64-unknown-linux-gnu]\nrustflags = \"-C force-frame-pointers=yes\"\n";
        assertThat(ConfigEdit.apply(before, "c", FP).text()).isSameAs(before);
    }

    // ---- [build] rustflags that a new target rustflags would displace

    @Test
    void aNewTargetRustflagsStartsWithTheBuildRustflagsItDisplacesInTheirForm() {
        String array = "[build]\nrustflags = [\"--cfg\", \"tokio_unstable\"]\n";
        ConfigEditResult r = edit(array, CPU);
        assertThat(r.text()).isEqualTo(array + "\n[target.x86_64-unknown-linux-gnu]\nrustflags = [\"--cfg\", \"tokio_unstable\", \"-C\", "
                + "\"target-cpu=x86-64-v3\"]\n");
        assertThat(r.changes().get(0).description()).contains("starts with `[build] rustflags` from line 2");
        String string = "[build]\nrustflags = \"-C target-cpu=native\"\n";
        assertThat(text(string, CPU)).isEqualTo(string + "\n[target.x86_64-unknown-linux-gnu]\nrustflags = \"-C target-cpu=x86-64-v3\"\n");
    }

    // ---- linker

    @Test
    void theLinkerIsSetOrReplacedInPlace() {
        TargetTableEdit clang = new TargetTableEdit(HOST, List.of(), Optional.of("clang"));
        assertThat(text("", clang)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"\n");
        String before = "[target.x86_64-unknown-linux-gnu]\nlinker = 'gcc' # old\n";
        ConfigEditResult r = edit(before, clang);
        assertThat(r.text()).isEqualTo("[target.x86_64-unknown-linux-gnu]\nlinker = 'clang' # old\n");
        assertThat(r.changes()).extracting(ConfigChange::description).containsExactly("changed `linker = 'gcc'` to `linker = 'clang'`");
        TargetTableEdit both = new TargetTableEdit(HOST, RustFlags.Codegen.parse(List.of("-C", "link-arg=-fuse-ld=mold")), Optional.of("clang"));
        assertThat(text("[target.x86_64-unknown-linux-gnu]\n", both)).isEqualTo("[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"\n"
                + "rustflags = [\"-C\", \"link-arg=-fuse-ld=mold\"]\n");
    }

    // ---- refusals

    static Problem refused(String text, TargetTableEdit e) {
        try {
            ConfigEdit.apply(text, ".cargo/config.toml", e);
        } catch (AdvisorException x) {
            assertThat(x.problems()).hasSize(1);
            return x.problems().get(0);
        }
        throw new AssertionError("not refused: " + text);
    }

    @Test
    void malformedTomlIsRefusedWithItsLocation() {
        Problem p = refused("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\"\n", CPU);
        assertThat(p.file()).isEqualTo(".cargo/config.toml");
        assertThat(p.line()).isGreaterThan(0);
        assertThat(p.message()).startsWith("invalid TOML: ");
    }

    @Test
    void rustflagsOfTheWrongTypeAreRefusedAtTheKey() {
        Problem p = refused("[target.x86_64-unknown-linux-gnu]\n\nrustflags = 3\n", CPU);
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("`rustflags` in `[target.x86_64-unknown-linux-gnu]` is a number; cargo expects a string or an "
                + "array of strings, such as `rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]`, so nothing was changed");
        assertThat(refused("[target.x86_64-unknown-linux-gnu.rustflags]\nx = 1\n", CPU).message()).contains("is a table");
        Problem element = refused("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", 3]\n", CPU);
        assertThat(element.line()).isEqualTo(2);
        assertThat(element.column()).isEqualTo(20);
        assertThat(element.message()).contains("holds `3`, which is not a string");
        assertThat(refused("[target.x86_64-unknown-linux-gnu]\nlinker = true\n", new TargetTableEdit(HOST, List.of(), Optional.of("clang"))).message())
                .contains("`linker` in `[target.x86_64-unknown-linux-gnu]` is a boolean");
    }

    @Test
    void anElementWithASpaceIsRefusedWithTheSplitForm() {
        Problem p = refused("[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C target-cpu=native\"]\n", CPU);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(14);
        assertThat(p.message()).endsWith("split it into `\"-C\", \"target-cpu=native\"`");
    }

    @Test
    void multiLineStringsAreRefused() {
        assertThat(refused("[target.x86_64-unknown-linux-gnu]\nrustflags = \"\"\"\n-C target-cpu=native\"\"\"\n", CPU).message())
                .contains("is a multi-line string");
        assertThat(refused("[target.x86_64-unknown-linux-gnu]\nrustflags = [\n'''-C''', \"x\"]\n", CPU))
                .extracting(Problem::line, Problem::column).containsExactly(3, 1);
    }

    @Test
    void inlineTablesAndArraysOfTablesAreRefused() {
        Problem p = refused("[target]\nx86_64-unknown-linux-gnu = { rustflags = [] }\n", CPU);
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.message()).startsWith("`target.x86_64-unknown-linux-gnu` is an inline table (`x86_64-unknown-linux-gnu = { … }`)")
                .endsWith("write it as `[target.x86_64-unknown-linux-gnu]`, or set `rustflags = [\"-C\", \"target-cpu=x86-64-v3\"]` by hand");
        assertThat(refused("target = { x86_64-unknown-linux-gnu = { linker = \"cc\" } }\n", CPU).message()).contains("inline table");
        assertThat(refused("[[target.x86_64-unknown-linux-gnu]]\nlinker = \"cc\"\n", CPU).message()).contains("array of tables");
        assertThat(refused("target = 1\n", CPU).message()).contains("not a table");
    }

    @Test
    void otherTargetsAreNotTouched() {
        String before = "[target.aarch64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=native\"]\n";
        assertThat(text(before, CPU)).isEqualTo(before + "\n[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=x86-64-v3\"]\n");
    }

    @Test
    void readingTheFlagsOfATarget() {
        assertThat(ConfigEdit.rustflags("[target.x86_64-unknown-linux-gnu]\nrustflags = \"-C  a=b\"\n", "c", HOST)).contains(List.of("-C", "a=b"));
        assertThat(ConfigEdit.rustflags("", "c", HOST)).isEmpty();
    }
}
