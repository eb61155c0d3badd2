package dev.profileadvisor.edit;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.fuzz.FuzzInput;
import org.junit.jupiter.api.Timeout;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the span editor behind {@code apply} with one fixed plan (keys in {@code [profile.release]}, its
 * {@code package."*"} and {@code build-override} tables, and a new custom profile) on a fuzzed manifest. Either the
 * editor refuses with a message ({@link AdvisorException}), or, checked independently of the editor's bookkeeping:
 * the result parses; it is the original document with exactly the planned values set (compared as nested maps);
 * every line of the original is kept byte for byte except the lines tomlj places the replaced keys on, and the new
 * lines are the changed keys, new headers and a blank line before a new header; applying again changes nothing.
 */
class SpanEditFuzzTest {
    static final List<TableEdit> PLAN = List.of(
            TableEdit.profile("release", keys("lto", "\"fat\"", "opt-level", "\"z\"", "codegen-units", "1", "panic", "\"abort\"")),
            new TableEdit(List.of("profile", "release", "package", "*"), keys("opt-level", "2", "debug", "false")),
            new TableEdit(List.of("profile", "release", "build-override"), keys("opt-level", "0")),
            TableEdit.profile("profiling", keys("inherits", "\"release\"", "debug", "\"line-tables-only\"", "strip", "\"none\"")));

    @FuzzTest
    @Timeout(10)
    void aFixedPlanIsRefusedOrWritesExactlyItsKeys(byte[] data) {
        Optional<FuzzInput> input = FuzzInput.of(data);
        if (input.isEmpty()) return;
        String before = input.get().manifest();
        EditResult r;
        try {
            r = ProfileEdit.apply(before, "Cargo.toml", PLAN);
        } catch (AdvisorException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).isNotBlank());
            return;
        }
        TomlParseResult old = Toml.parse(withoutBom(before));
        TomlParseResult now = Toml.parse(withoutBom(r.text()));
        assertThat(now.errors()).as("the result parses:\n%s", r.text()).isEmpty();
        assertThat(ProfileEdit.plain(now)).as("the document is the original with the plan's values set")
                .isEqualTo(expected(old));
        assertThat(linesOutsideTheEdit(before, r, old, now)).as("lines outside the edit").isEmpty();
        EditResult again = ProfileEdit.apply(r.text(), "Cargo.toml", PLAN);
        assertThat(again.changes()).as("applying again").isEmpty();
        assertThat(again.text()).isEqualTo(r.text());
    }

    /** The original as nested maps with every planned key set, new tables created where missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expected(TomlParseResult old) {
        Map<String, Object> doc = ProfileEdit.plain(old);
        for (TableEdit t : PLAN) {
            Map<String, Object> table = doc;
            for (String part : t.path()) table = (Map<String, Object>) table.computeIfAbsent(part, k -> new LinkedHashMap<>());
            for (Map.Entry<String, String> e : t.keys().entrySet()) {
                table.put(e.getKey(), ProfileEdit.plain(Toml.parse("v = " + e.getValue())).get("v"));
            }
        }
        return doc;
    }

    /** What differs outside the lines the edit may touch, located by tomlj: empty when nothing does. */
    static List<String> linesOutsideTheEdit(String before, EditResult r, TomlParseResult old, TomlParseResult now) {
        List<String> problems = new ArrayList<>();
        List<String> a = Arrays.asList(before.split("\n", -1));
        List<String> b = Arrays.asList(r.text().split("\n", -1));
        Set<Integer> dropA = new LinkedHashSet<>();
        Set<Integer> dropB = new LinkedHashSet<>();
        CorpusChecks.changedKeyLines(r.changes(), old, now, a, b, dropA, dropB, problems);
        Set<Integer> blanks = new LinkedHashSet<>();
        for (TableEdit t : PLAN) {
            // a header the edit wrote: the table's line in the result is not its line in the original (which may
            // have no header for it, or only an implicit one: `[profile.release.package.x]` defines `profile.release`)
            TomlPosition header = now.inputPositionOf(t.path());
            TomlPosition was = old.inputPositionOf(t.path());
            if (header != null && (was == null || !a.get(was.line() - 1).equals(b.get(header.line() - 1)))) {
                dropB.add(header.line() - 1);
                if (header.line() >= 2 && b.get(header.line() - 2).isBlank()) blanks.add(header.line() - 2);
            }
        }
        List<String> kept = without(a, dropA);
        boolean same = kept.equals(without(b, dropB));
        List<Integer> candidates = new ArrayList<>(blanks);
        for (int subset = 1; subset < 1 << candidates.size() && !same; subset++) { // at most one blank per new table
            Set<Integer> drop = new LinkedHashSet<>(dropB);
            for (int k = 0; k < candidates.size(); k++) if ((subset & 1 << k) != 0) drop.add(candidates.get(k));
            same = kept.equals(without(b, drop));
        }
        if (!same) problems.add("lines outside the changed keys differ:\n" + UnifiedDiff.of(before, r.text(), "a", "b"));
        return problems;
    }

    private static List<String> without(List<String> lines, Set<Integer> drop) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (!drop.contains(i)) out.add(lines.get(i));
        return out;
    }

    private static Map<String, String> keys(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put(kv[i], kv[i + 1]);
        return out;
    }

    /** cargo (and the advisor's reader) accept a UTF-8 byte order mark; plain tomlj, used here as the judge, does not. */
    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
