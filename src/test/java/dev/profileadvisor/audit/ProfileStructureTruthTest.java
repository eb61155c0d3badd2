package dev.profileadvisor.audit;

import dev.profileadvisor.cargo.RealCargo;
import dev.profileadvisor.cli.CliRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of the profile tables that cargo 1.95 refuses before it builds anything: each one is an input error
 * (exit 2) at the position cargo points at, and the real cargo fails on the same file. A byte order mark, which
 * cargo accepts, is audited.
 */
class ProfileStructureTruthTest {
    static final String PKG = "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n";
    static RealCargo cargo;

    @TempDir
    Path dir;

    @BeforeAll
    static void findCargo() {
        cargo = RealCargo.locate();
    }

    /**
     * The manifest is {@code before} + the package + {@code after}; {@code at} is where the audit points, cargo's own
     * {@code -->} position but for an array as a whole profile, where cargo points at the element it cannot read.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [profile] release = 3             | ''                          | '[profile]\\nrelease = 3\\n'              | 7:11 | `profile.release` must be a table, found the integer `3`
            profile.release = [1, 2]          | 'profile.release = [1, 2]\\n' | ''                                       | 1:19 | `profile.release` must be a table, found an array
            profile = "release"               | 'profile = "release"\\n'      | ''                                       | 1:11 | `profile` must be a table, found the string `"release"`
            package = [1] in a profile        | ''                          | '[profile.release]\\npackage = [1]\\n'    | 7:11 | `profile.release.package` must be a table, found an array
            a package override that is 1      | ''                          | '[profile.release.package]\\nfoo = 1\\n'  | 7:7  | `profile.release.package.foo` must be a table, found the integer `1`
            build-override = "x"              | ''                          | '[profile.release]\\nbuild-override = "x"\\n' | 7:18 | `profile.release.build-override` must be a table, found the string `"x"`
            inherits = [1, 2]                 | ''                          | '[profile.custom]\\ninherits = [1, 2]\\n' | 7:12 | `profile.custom.inherits` must be a string, found an array
            """)
    void aManifestCargoRefusesIsAnInputErrorWhereCargoPointsAtIt(String name, String before, String after, String at, String message)
            throws Exception {
        String manifest = unescape(before) + PKG + (after.isEmpty() ? "" : "\n" + unescape(after));
        RealCargo.BuildResult built = cargo.buildProject(Map.of("Cargo.toml", manifest, "src/main.rs", "fn main() {}\n"), "dev", Map.of());
        assertThat(built.exitCode()).as("cargo build").isNotZero();
        assertThat(built.output()).contains("invalid type")
                .contains("--> Cargo.toml:" + (name.equals("profile.release = [1, 2]") ? "1:23" : at));

        CliRun r = CliRun.run("audit", write(manifest, null).toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Cargo.toml:" + at + ": " + message);
        assertThat(r.out()).endsWith("1 input not audited\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            profile = 3                | 'profile = 3\\n'                          | 1:11 | `profile` must be a table, found the integer `3`                     | expected table for configuration key `profile`, but found integer
            [profile] release = "fast" | '[profile]\\nrelease = "fast"\\n'           | 2:11 | `profile.release` must be a table, found the string `"fast"`         | expected a table, but found a string for `profile.release`
            package = [1]              | '[profile.release]\\npackage = [1]\\n'      | 2:11 | `profile.release.package` must be a table, found an array           | expected a table, but found a array for `profile.release.package`
            inherits = [1, 2]          | '[profile.release]\\ninherits = [1, 2]\\n'  | 2:12 | `profile.release.inherits` must be a string, found an array         | `profile.release.inherits` expected a string, but found a array
            """)
    void aConfigFileCargoRefusesIsAnInputError(String name, String config, String at, String message, String cargoSays) throws Exception {
        String text = unescape(config);
        RealCargo.BuildResult built = cargo.buildProject(Map.of("Cargo.toml", PKG, "src/main.rs", "fn main() {}\n",
                ".cargo/config.toml", text), "dev", Map.of());
        assertThat(built.exitCode()).as("cargo build").isNotZero();
        assertThat(built.output()).contains(cargoSays);

        Path m = write(PKG, text);
        CliRun r = CliRun.run("audit", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("config.toml:" + at + ": " + message);
    }

    @Test
    void aConfigTomlThatIsADirectoryIsAnInputErrorAsForCargo() throws Exception {
        // cargo 1.95: `failed to read configuration file `…/.cargo/config.toml`` / `Is a directory (os error 21)`
        Path m = write(PKG, null);
        Files.createDirectories(dir.resolve(".cargo/config.toml"));
        CliRun r = CliRun.run("audit", m.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("config.toml: is a directory");
    }

    @Test
    void aByteOrderMarkIsAcceptedAsCargoAcceptsIt() throws Exception {
        String manifest = "\uFEFF" + PKG + "\n[profile.release]\nlto = \"thin\"\n";
        RealCargo.BuildResult built = cargo.buildProject(Map.of("Cargo.toml", manifest, "src/main.rs", "fn main() {}\n"), "release", Map.of());
        assertThat(built.exitCode()).as("cargo build").isZero();
        CliRun r = CliRun.run("audit", write(manifest, null).toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("lto\\s+\"thin\"\\s+\\S*Cargo.toml:7:1");
    }

    private Path write(String manifest, String config) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        if (config != null) {
            Files.createDirectories(dir.resolve(".cargo"));
            Files.writeString(dir.resolve(".cargo/config.toml"), config);
        }
        return Files.writeString(dir.resolve("Cargo.toml"), manifest);
    }

    private static String unescape(String s) {
        return s.replace("\\n", "\n");
    }
}
