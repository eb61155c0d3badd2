package dev.profileadvisor.manifest;

import dev.profileadvisor.cli.CliRun;
import dev.profileadvisor.toml.TomlText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the messages say about values and files: TOML's words and the user's text, not Java's class names. */
class MessagesInWordsTest {
    @TempDir
    Path dir;

    @Test
    void aDateIsNamedByItsTomlTypeAndShownWithItsSeconds() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Path m = Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
                + "\n[profile.release]\nlto = 1979-05-27T07:32:00Z\n");
        CliRun r = CliRun.run("audit", m.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("`lto = 1979-05-27T07:32:00Z`").contains("found an offset date-time")
                .doesNotContain("OffsetDateTime");
        assertThat(CliRun.run("audit", m.toString(), "--format", "json").out()).contains("\"value\" : \"1979-05-27T07:32:00Z\"");
    }

    @Test
    void everyTomlTypeHasItsName() {
        var t = TomlText.parse("a = 1979-05-27T07:32:00\nb = 1979-05-27\nc = 07:32:00\nd = 1.5\ne = [1]\n").table();
        assertThat(TomlText.typeName(t.get("a"))).isEqualTo("a local date-time");
        assertThat(TomlText.typeName(t.get("b"))).isEqualTo("a local date");
        assertThat(TomlText.typeName(t.get("c"))).isEqualTo("a local time");
        assertThat(TomlText.typeName(t.get("d"))).isEqualTo("a float");
        assertThat(TomlText.typeName(t.get("e"))).isEqualTo("an array");
        assertThat(Literals.toml(t.get("c"))).isEqualTo("07:32:00");
    }

    @Test
    void fileErrorsAreWordsWithoutTheExceptionClass() throws Exception {
        assertThat(ManifestReader.describe(new AccessDeniedException("/x/Cargo.toml"))).isEqualTo("permission denied");
        Path file = Files.writeString(dir.resolve("plain"), "x");
        CliRun r = CliRun.run("audit", file.resolve("Cargo.toml").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cargo.toml: not a directory").doesNotContain("Exception");
        assertThat(r.out()).endsWith("1 input not audited\n");
    }
}
