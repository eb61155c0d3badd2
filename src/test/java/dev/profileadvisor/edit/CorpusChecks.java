package dev.profileadvisor.edit;

import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the corpus tests share: the corpus's manifests, and checks of an edit's result line by line. */
public final class CorpusChecks {
    private CorpusChecks() {
    }

    /**
     * Every {@code Cargo.toml} under the crate corpus, sorted; fails the test when there are fewer than 100.
     *
     * @param corpus the crate corpus ({@code /usr/share/cargo/registry})
     * @return the manifests
     */
    public static List<Path> manifests(Path corpus) {
        List<Path> manifests;
        try (Stream<Path> walk = Files.walk(corpus)) {
            manifests = walk.filter(p -> p.getFileName().toString().equals("Cargo.toml")).sorted().toList();
        } catch (IOException e) {
            manifests = List.of();
        }
        assertThat(manifests.size()).as("Cargo.toml files under %s: run .ci/crate-corpus to install Debian's crate sources", corpus)
                .isGreaterThanOrEqualTo(100);
        return manifests;
    }

    /**
     * Marks the lines of the changed keys, located by tomlj, not by the editor: each key's line in the result in
     * {@code dropB}, and a replaced key's line in the original in {@code dropA}, after checking that the result's line
     * is the original's with only the value changed.
     *
     * @param a        the original's lines
     * @param b        the result's lines
     * @param problems where what is wrong goes
     */
    public static void changedKeyLines(List<Change> changes, TomlParseResult old, TomlParseResult now, List<String> a,
                                       List<String> b, Set<Integer> dropA, Set<Integer> dropB, List<String> problems) {
        for (Change c : changes) {
            List<String> path = new ArrayList<>(c.table());
            path.add(c.key());
            TomlPosition pb = now.inputPositionOf(path);
            if (pb == null) {
                problems.add("tomlj does not find `" + c.qualifiedKey() + "` in the result");
                continue;
            }
            dropB.add(pb.line() - 1);
            if (c.was().isPresent()) {
                TomlPosition pa = old.inputPositionOf(path);
                if (pa == null) {
                    problems.add("tomlj does not find the changed `" + c.qualifiedKey() + "` in the original");
                    continue;
                }
                dropA.add(pa.line() - 1);
                String was = a.get(pa.line() - 1);
                int at = was.indexOf(c.was().get(), was.indexOf('='));
                String expected = at < 0 ? null : was.substring(0, at) + c.now() + was.substring(at + c.was().get().length());
                if (!b.get(pb.line() - 1).equals(expected)) {
                    problems.add("line " + pb.line() + " `" + b.get(pb.line() - 1) + "` is not line " + pa.line() + " `" + was
                            + "` with only the value changed");
                }
            }
        }
    }
}
