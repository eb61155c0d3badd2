package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.manifest.Literals;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies a plan of several tables, override tables included, straight through {@link ProfileEdit} to every
 * {@code Cargo.toml} of Debian's packaged crate sources (the corpus of {@code CorpusApplyTest}: {@code .ci/crate-corpus}
 * installs it, {@code $CPA_CRATE_CORPUS} overrides the directory), and to CRLF and no-final-newline copies of those
 * with profiles; then a second plan with other values to the result, which edits the tables the first one wrote in
 * place. Each result is checked independently of the editor's bookkeeping:
 * <ol>
 *   <li>tomlj parses it, and it is the original document with exactly the plan's values set in every table;</li>
 *   <li>every line is byte-identical to the original except the lines tomlj places the changed keys on, the headers
 *       of the tables the plan adds and a blank line before each; a changed line differs only in the value;</li>
 *   <li>applying the plan again changes nothing;</li>
 *   <li>a refusal is one of those a user expects (an inline table, an array of tables, a value that is not a table or
 *       that spans lines, TOML that tomlj rejects), with its location.</li>
 * </ol>
 * The numbers go to {@code target/tables-corpus-report.md} and stdout.
 */
class CorpusTablesEditTest {
    static final List<TableEdit> PLAN = List.of(
            TableEdit.profile("dev", keys("debug", "\"line-tables-only\"")),
            TableEdit.allPackages("dev", keys("opt-level", "3", "debug", "false")),
            TableEdit.forPackage("dev", "insta", keys("opt-level", "3")),
            TableEdit.buildOverride("release", keys("debug", "false")));

    /** Other values for the same tables (and one more key), applied to the first plan's result. */
    static final List<TableEdit> REPLAN = List.of(
            TableEdit.profile("dev", keys("debug", "1")),
            TableEdit.allPackages("dev", keys("opt-level", "2", "debug", "\"limited\"")),
            TableEdit.forPackage("dev", "insta", keys("opt-level", "3", "debug", "true")),
            TableEdit.buildOverride("release", keys("debug", "0", "opt-level", "1")));

    /** The refusals a user expects, by what their message says. */
    static final Map<String, String> EXPECTED_REFUSALS = new LinkedHashMap<>(Map.of(
            "is an inline table", "inline table",
            "is an array of tables", "array of tables",
            "not a table;", "value that is not a table",
            "spans several lines", "multi-line value",
            "invalid TOML: ", "TOML tomlj rejects"));

    static Map<String, String> keys(String... kv) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put(kv[i], kv[i + 1]);
        return out;
    }

    static Path corpus() {
        return Path.of(System.getenv().getOrDefault("CPA_CRATE_CORPUS", "/usr/share/cargo/registry"));
    }

    record Task(String name, String text) {
    }

    @Test
    void everyRealManifestTakesAPlanOfSeveralTablesAndKeepsEveryOtherByte() throws Exception {
        List<Path> manifests = CorpusChecks.manifests(corpus());
        List<Task> tasks = new ArrayList<>();
        int withProfiles = 0;
        for (Path original : manifests) {
            String text = new String(Files.readAllBytes(original), StandardCharsets.UTF_8);
            String name = corpus().relativize(original).toString();
            tasks.add(new Task(name, text));
            if (text.contains("[profile") || text.contains("profile.")) { // as CorpusApplyTest: CRLF and no-final-newline copies
                withProfiles++;
                tasks.add(new Task(name + " as CRLF", text.replace("\r\n", "\n").replace("\n", "\r\n")));
                tasks.add(new Task(name + " without final newline", text.stripTrailing()));
            }
        }

        long started = System.nanoTime();
        int applied = 0;
        int replanned = 0;
        int linesAdded = 0;
        int valuesReplaced = 0;
        Map<String, List<String>> refusals = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Map<String, Integer>> layouts = new LinkedHashMap<>();
        for (Task task : tasks) {
            EditResult first;
            try {
                first = ProfileEdit.apply(task.text(), "Cargo.toml", PLAN);
            } catch (AdvisorException e) {
                String kind = EXPECTED_REFUSALS.entrySet().stream().filter(k -> e.getMessage().contains(k.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                boolean located = e.problems().stream().allMatch(p -> p.line() > 0 && p.column() > 0);
                if (kind == null || !located) unexpected.add(task.name() + ": " + e.getMessage());
                refusals.computeIfAbsent(kind == null ? "unexpected" : kind, k -> new ArrayList<>()).add(task.name() + ": " + e.getMessage());
                continue;
            } catch (RuntimeException e) {
                failures.add(task.name() + ": " + e);
                continue;
            }
            List<String> problems = check(task.text(), first, PLAN);
            first.layouts().forEach((path, layout) -> layouts.computeIfAbsent(TableEdit.render(path), k -> new TreeMap<>())
                    .merge(layout.name(), 1, Integer::sum));
            linesAdded += (int) first.changes().stream().filter(c -> c.was().isEmpty()).count();
            if (problems.isEmpty()) applied++;
            problems.forEach(p -> failures.add(task.name() + ": " + p));
            if (!problems.isEmpty()) continue;
            try {
                EditResult second = ProfileEdit.apply(first.text(), "Cargo.toml", REPLAN);
                List<String> again = check(first.text(), second, REPLAN);
                valuesReplaced += (int) second.changes().stream().filter(c -> c.was().isPresent()).count();
                if (again.isEmpty()) replanned++;
                again.forEach(p -> failures.add(task.name() + " (second plan): " + p));
            } catch (RuntimeException e) {
                failures.add(task.name() + " (second plan): " + e);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        StringBuilder md = new StringBuilder("# A plan of several tables on the crate corpus\n\n")
                .append("- corpus: ").append(corpus()).append(", ").append(manifests.size()).append(" Cargo.toml files (")
                .append(withProfiles).append(" with profiles, also edited as CRLF and no-final-newline copies): ")
                .append(tasks.size()).append(" texts\n")
                .append("- plan: ").append(describe(PLAN)).append('\n')
                .append("- then, on each result: ").append(describe(REPLAN)).append('\n')
                .append("- applied with all checks passing: ").append(applied).append(" of ").append(tasks.size())
                .append("; second plan: ").append(replanned).append('\n')
                .append("- keys added: ").append(linesAdded).append(", values replaced in place by the second plan: ")
                .append(valuesReplaced).append('\n')
                .append(String.format("- time: %.2f s for both plans, checks included, on one thread%n", seconds))
                .append("- checks: parses; the original document with exactly the plan's values set; every line outside the ")
                .append("changed keys and the new tables' headers (and a blank line before each) byte-identical; changed lines ")
                .append("differ only in the value; applying again changes nothing\n\n")
                .append("| table | layout found | texts |\n|---|---|---:|\n");
        layouts.forEach((t, m) -> m.forEach((k, v) -> md.append("| `").append(t).append("` | ").append(k).append(" | ").append(v).append(" |\n")));
        md.append("\n## Refused (nothing written): ").append(refusals.values().stream().mapToInt(List::size).sum()).append("\n\n");
        refusals.forEach((kind, list) -> {
            md.append("- ").append(kind).append(": ").append(list.size()).append('\n');
            list.forEach(r -> md.append("  - ").append(r).append('\n'));
        });
        if (!failures.isEmpty()) md.append("\n## Failures\n\n");
        failures.forEach(f -> md.append("- ").append(f).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/tables-corpus-report.md"), md.toString());
        System.out.println(md);

        assertThat(failures).isEmpty();
        assertThat(unexpected).as("refusals a user would not expect").isEmpty();
        assertThat(applied).isGreaterThanOrEqualTo((int) (0.9 * tasks.size()));
        assertThat(replanned).isEqualTo(applied);
    }

    @Test
    void theChecksCatchAByteChangedOutsideTheEdit() {
        String before = "[package]\nname = \"x\" # name\n\n[profile.dev]\ndebug = 0 # fast\n\n[profile.release]\nlto = true\n";
        EditResult r = ProfileEdit.apply(before, "Cargo.toml", PLAN);
        assertThat(check(before, r, PLAN)).isEmpty();
        for (String tampered : List.of(r.text().replace("# name", "#name"), r.text().replace("# fast", "#fast"),
                r.text().replace("[package]\n", "[package]\r\n"), r.text().replace("\n\n[profile.dev]\n", "\n[profile.dev]\n"),
                r.text().replace("opt-level = 3", "opt-level = 2"), r.text().replace("lto = true", "lto = true\n"),
                r.text() + "\n")) {
            EditResult forged = new EditResult(tampered, r.changes(), r.layout(), r.layouts());
            assertThat(check(before, forged, PLAN)).as(tampered).isNotEmpty();
        }
    }

    static String describe(List<TableEdit> plan) {
        List<String> out = new ArrayList<>();
        for (TableEdit t : plan) {
            out.add("`[" + t.name() + "]` " + String.join(", ", t.keys().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()));
        }
        return String.join("; ", out);
    }

    /** The independent checks of one result; returns what is wrong, empty when all is well. */
    static List<String> check(String before, EditResult r, List<TableEdit> plan) {
        List<String> problems = new ArrayList<>();
        String after = r.text();
        TomlParseResult old = Toml.parse(before);
        TomlParseResult now = Toml.parse(after);
        if (now.hasErrors()) {
            problems.add("the result does not parse: " + now.errors());
            return problems;
        }
        // 1. the original document with exactly the plan's values set
        Map<String, Object> expected = plain(old);
        for (TableEdit t : plan) {
            Map<String, Object> table = expected;
            for (String part : t.path()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) table.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
                table = next;
            }
            Map<String, Object> into = table;
            t.keys().forEach((k, v) -> into.put(k, plainValue(Literals.parse(v))));
        }
        if (!expected.equals(plain(now))) problems.add("the result is not the original with the plan's values set");
        // 2. byte-identical outside the changed key lines and the new headers, located by tomlj, not by the editor
        List<String> a = Arrays.asList(before.split("\n", -1));
        List<String> b = Arrays.asList(after.split("\n", -1));
        Set<Integer> dropA = new LinkedHashSet<>();
        Set<Integer> dropB = new LinkedHashSet<>();
        BitSet blankBeforeHeader = new BitSet();
        CorpusChecks.changedKeyLines(r.changes(), old, now, a, b, dropA, dropB, problems);
        for (TableEdit t : plan) {
            TomlPosition pb = now.inputPositionOf(t.path());
            if (pb == null || !names(b.get(pb.line() - 1), t.path())) continue;
            TomlPosition pa = old.inputPositionOf(t.path());
            if (pa != null && names(a.get(pa.line() - 1), t.path())) continue;
            dropB.add(pb.line() - 1);
            if (pb.line() >= 2 && b.get(pb.line() - 2).replace("\r", "").isEmpty()) blankBeforeHeader.set(pb.line() - 2);
        }
        List<String> keptA = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) if (!dropA.contains(i)) keptA.add(a.get(i));
        List<String> keptB = new ArrayList<>();
        List<Boolean> droppable = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            if (dropB.contains(i)) continue;
            keptB.add(b.get(i));
            droppable.add(blankBeforeHeader.get(i));
        }
        // a last line without a newline gets one (\r\n in a CRLF file) when lines are added after it
        String lastWithCr = !before.endsWith("\n") && !dropA.contains(a.size() - 1) ? a.get(a.size() - 1) + "\r" : null;
        if (!sameWithoutSomeOf(keptA, keptB, droppable, lastWithCr)) {
            problems.add("lines outside the changed keys differ:\n" + UnifiedDiff.of(before, after, "a", "b"));
        }
        // 3. idempotent
        EditResult again = ProfileEdit.apply(after, "Cargo.toml", plan);
        if (again.changed() || !again.text().equals(after)) problems.add("applying again would change: " + again.changes());
        return problems;
    }

    /** Whether {@code line} is a table header defining exactly {@code path}. */
    static boolean names(String line, List<String> path) {
        String s = line.strip();
        if (!s.startsWith("[") || s.startsWith("[[")) return false;
        TomlParseResult h = Toml.parse(s);
        if (h.hasErrors()) return false;
        TomlTable t = h.getTable(path);
        return t != null && t.isEmpty();
    }

    /**
     * Whether {@code b} is {@code a} with some of the lines marked droppable added, {@code a}'s last line possibly
     * written {@code lastWithCr}: a small bounded search.
     */
    static boolean sameWithoutSomeOf(List<String> a, List<String> b, List<Boolean> droppable, String lastWithCr) {
        int extra = b.size() - a.size();
        if (extra < 0) return false;
        Set<Integer> reachable = Set.of(0); // lines of b skipped so far
        for (int j = 0; j < b.size(); j++) {
            Set<Integer> next = new LinkedHashSet<>();
            for (int skipped : reachable) {
                int i = j - skipped;
                boolean same = i < a.size() && (a.get(i).equals(b.get(j)) || i == a.size() - 1 && b.get(j).equals(lastWithCr));
                if (same) next.add(skipped);
                if (droppable.get(j) && skipped < extra) next.add(skipped + 1);
            }
            if (next.isEmpty()) return false;
            reachable = next;
        }
        return reachable.contains(extra);
    }

    /** A TOML table as nested maps and lists. */
    static Map<String, Object> plain(TomlTable table) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : table.keySet()) out.put(key, plainValue(table.get(List.of(key))));
        return out;
    }

    static Object plainValue(Object v) {
        if (v instanceof TomlTable t) return plain(t);
        if (v instanceof TomlArray arr) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < arr.size(); i++) out.add(plainValue(arr.get(i)));
            return out;
        }
        return v;
    }
}
