package dev.profileadvisor.manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ManifestFinder} finds exactly what GNU {@code find} finds (symbolic links below the directory not followed; {@code target/},
 * {@code node_modules/} and hidden directories pruned), whether it trusts directory link counts (the leaf
 * optimisation, used on ext4 and tmpfs) or reads every entry's type.
 */
class ManifestFinderTest {
    @TempDir
    Path dir;

    /** What {@code find} prints for the same question, as absolute paths, sorted. */
    static List<Path> find(Path root) throws Exception {
        Process p = new ProcessBuilder("find", root.toString(), "-mindepth", "1",
                "(", "-type", "d", "(", "-name", "target", "-o", "-name", "node_modules", "-o", "-name", ".*", ")", "-prune", ")",
                "-o", "(", "-name", "Cargo.toml", "-type", "f", "-print", ")").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<Path> paths = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) paths.add(Path.of(line).toAbsolutePath().normalize());
        paths.sort(null);
        return paths;
    }

    static List<Path> finder(Path root, boolean trustLinkCounts) throws IOException {
        List<IOException> failures = new ArrayList<>();
        List<Path> found = ManifestFinder.below(root, (p, e) -> failures.add(e), trustLinkCounts);
        assertThat(failures).isEmpty();
        return found;
    }

    void write(String path) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "[package]\nname = \"x\"\n");
    }

    @ParameterizedTest(name = "trust link counts: {0}")
    @ValueSource(booleans = {true, false})
    void findsWhatFindFinds(boolean trustLinkCounts) throws Exception {
        write("Cargo.toml");
        write("crates/a/Cargo.toml");
        write("crates/a/src/lib.rs");
        for (int i = 0; i < 50; i++) write("crates/a/src/m" + i + ".rs"); // a leaf directory: listed, never stat'ed
        write("crates/a/src/nested/Cargo.toml"); // a manifest below sources
        write("crates/b/examples/demo/Cargo.toml");
        write("crates/b/zz-last/deep/er/Cargo.toml"); // the last entry of a directory is a directory
        write("Cargo.toml.d/Cargo.toml");
        Files.createDirectories(dir.resolve("dir-named/Cargo.toml")); // a directory called Cargo.toml...
        write("dir-named/Cargo.toml/inner/Cargo.toml"); // ...with a manifest inside
        write("target/debug/build/Cargo.toml");
        write("crates/a/target/Cargo.toml");
        write("node_modules/pkg/Cargo.toml");
        write(".git/Cargo.toml");
        write("crates/.hidden/Cargo.toml");
        Files.createDirectories(dir.resolve("empty/one/two"));
        Files.createSymbolicLink(dir.resolve("link-to-crates"), dir.resolve("crates")); // not followed
        Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(dir.resolve("links/Cargo.toml"), dir.resolve("Cargo.toml")); // not a regular file
        Files.createSymbolicLink(dir.resolve("links/dangling"), dir.resolve("nowhere"));

        List<Path> found = finder(dir, trustLinkCounts);
        assertThat(found).isEqualTo(find(dir));
        assertThat(found).extracting(p -> dir.relativize(p).toString()).containsExactly(
                "Cargo.toml", "Cargo.toml.d/Cargo.toml", "crates/a/Cargo.toml", "crates/a/src/nested/Cargo.toml",
                "crates/b/examples/demo/Cargo.toml", "crates/b/zz-last/deep/er/Cargo.toml",
                "dir-named/Cargo.toml/inner/Cargo.toml");
    }

    @Test
    void aSymbolicLinkGivenAsTheDirectoryIsFollowedLikeFindH() throws Exception {
        write("real/Cargo.toml");
        write("real/member/Cargo.toml");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));
        assertThat(finder(link, true)).containsExactly(link.resolve("Cargo.toml"), link.resolve("member/Cargo.toml"));
        assertThat(finder(link, false)).isEqualTo(finder(link, true));
    }

    @Test
    void theDebianCrateCorpusGivesFindsAnswer() throws Exception {
        Path corpus = Path.of(System.getenv().getOrDefault("CPA_CRATE_CORPUS", "/usr/share/cargo/registry"));
        List<Path> expected = find(corpus);
        assertThat(expected).as("Cargo.toml files under %s: run .ci/crate-corpus to install Debian's crate sources", corpus)
                .hasSizeGreaterThanOrEqualTo(100);
        assertThat(finder(corpus, true)).isEqualTo(expected);
        assertThat(finder(corpus, false)).isEqualTo(expected);
    }

    @Test
    void aDirectoryThatCannotBeListedSaysWhy() throws Exception {
        write("a/Cargo.toml");
        Files.writeString(dir.resolve("file"), "");
        assertThat(ManifestFinder.names(dir)).containsExactlyInAnyOrder("a", "file");
        assertThatThrownBy(() -> ManifestFinder.names(dir.resolve("missing"))).isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThatThrownBy(() -> ManifestFinder.names(dir.resolve("file"))).isInstanceOf(java.nio.file.NotDirectoryException.class);
    }
}
