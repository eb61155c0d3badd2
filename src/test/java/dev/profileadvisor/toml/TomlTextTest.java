package dev.profileadvisor.toml;

import org.junit.jupiter.api.Test;
import org.tomlj.Toml;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class TomlTextTest {
    private static final String PACKAGE = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n";

    @Test
    void fiveThousandCommentLinesBeforeThePackageParseQuicklyWithPositionsOfTheTextAsWritten() {
        // tomlj alone took minutes on this (cubic in the run); the bound is generous for a loaded machine
        String text = "# c\n".repeat(5_000) + PACKAGE + "bad =\n";
        TomlText t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TomlText.parse(text));
        assertThat(t.table().getString("package.name")).isEqualTo("x");
        assertThat(t.positionOf(List.of("package", "name")).line()).isEqualTo(5_002);
        assertThat(t.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(5_004);
            assertThat(e.column()).isEqualTo(6);
        });
    }

    @Test
    void blankLinesInsideAnArrayAndAfterTheLastTableAreLinearToo() {
        String text = PACKAGE + "keywords = [\n" + "\n".repeat(5_000) + "\"a\"]\n" + "# tail\n".repeat(5_000);
        TomlText t = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TomlText.parse(text));
        assertThat(t.hasErrors()).isFalse();
        assertThat(t.positionOf(t.table().getArray("package.keywords"), 0).line()).isEqualTo(5_005);
    }

    @Test
    void theResultIsWhatTomljReadsFromTheTextAsWritten() {
        String text = "# head\n".repeat(20) + "a = \"\"\"\n" + "\n".repeat(20) + "x\"\"\"\n" + "\n".repeat(20)
                + "[t]\nb = 'it''s'\n" + "  # indented\n".repeat(20) + "c = [1,\n# c\n" + "\n".repeat(20) + "2]\n";
        TomlText t = TomlText.parse(text);
        var plain = Toml.parse(text);
        assertThat(Toml.equals(t.table(), plain)).as("same tables and values").isTrue();
        for (List<String> key : List.of(List.of("a"), List.of("t"), List.of("t", "b"), List.of("t", "c"))) {
            assertThat(t.positionOf(key)).as("%s", key).isEqualTo(plain.inputPositionOf(key));
        }
        assertThat(t.table().getString("a")).isEqualTo("\n".repeat(20) + "x");
    }

    @Test
    void aCommentWithAForbiddenCharacterInsideALongRunIsStillReportedOnItsLine() {
        String text = "# c\n".repeat(30) + "# bell \u0007\n" + "# c\n".repeat(30) + PACKAGE;
        assertThat(TomlText.parse(text).errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(31));
        assertThat(Toml.parse(text).errors()).singleElement().satisfies(e -> assertThat(e.position().line()).isEqualTo(31));
    }

    @Test
    void anErrorMessageNamingAnotherLineNamesItAsWritten() {
        String text = "[a]\n" + "\n".repeat(100) + "[a]\n";
        TomlText t = TomlText.parse(text);
        assertThat(t.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(102);
            assertThat(e.message()).isEqualTo(Toml.parse(text).errors().get(0).getMessage()
                    .replaceFirst("\\s*\\(line \\d+, column \\d+\\)\\s*$", ""));
        });
    }

    @Test
    void aByteOrderMarkIsDroppedAsCargoDoes() {
        TomlText t = TomlText.parse("\uFEFF" + PACKAGE);
        assertThat(t.hasErrors()).isFalse();
        assertThat(t.table().getString("package.version")).isEqualTo("0.1.0");
        assertThat(t.positionOf(List.of("package")).column()).isEqualTo(1);
    }
}
