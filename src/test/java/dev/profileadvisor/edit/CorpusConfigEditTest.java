package dev.profileadvisor.edit;

import dev.profileadvisor.AdvisorException;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trip of {@link ConfigEdit} over real and generated cargo config files: the {@code .cargo/config.toml} and
 * {@code .cargo/config} files of Debian's packaged crate sources ({@code $CPA_CRATE_CORPUS}, default
 * {@code /usr/share/cargo/registry}) and generated ones (every layout a {@code [target.TRIPLE]} table and its
 * {@code rustflags} can take, with comments), each also with {@code \r\n} newlines and without a final newline. Every
 * edit of a plan is applied to each, then a second plan with other values to the result. Checked independently of the
 * editor's bookkeeping:
 * <ol>
 *   <li>tomlj parses the result, and it is the original document with exactly the asked keys changed;</li>
 *   <li>no byte changed outside the edited statements: the text before the first and after the last difference is
 *       the original's, and the original's part between them lies within the lines of the edited keys' statements
 *       (an insertion changes no original byte at all);</li>
 *   <li>applying the same edit again changes nothing.</li>
 * </ol>
 * The figures go to {@code target/config-corpus-report.md} and stdout.
 */
class CorpusConfigEditTest {
    static final String HOST = "x86_64-unknown-linux-gnu";

    static final List<TargetTableEdit> PLAN = List.of(
            TargetTableEdit.rustflags(HOST, "-C", "target-cpu=x86-64-v3"),
            TargetTableEdit.rustflags(HOST, "-C", "force-frame-pointers=yes"),
            TargetTableEdit.rustflags(HOST, "-C", "target-cpu=x86-64-v2", "-C", "force-frame-pointers=yes"),
            new TargetTableEdit(HOST, RustFlags.Codegen.parse(List.of("-C", "link-arg=-fuse-ld=mold")), Optional.of("clang")));

    static final List<TargetTableEdit> REPLAN = List.of(
            TargetTableEdit.rustflags(HOST, "-C", "target-cpu=native"),
            TargetTableEdit.rustflags(HOST, "-C", "force-frame-pointers=no"),
            TargetTableEdit.rustflags(HOST, "-C", "target-cpu=x86-64-v4", "-C", "force-frame-pointers=no"),
            new TargetTableEdit(HOST, RustFlags.Codegen.parse(List.of("-C", "link-arg=-fuse-ld=lld")), Optional.of("cc")));

    /** Config files as real projects write them: layouts of the target table and of its rustflags, comments around. */
    static final List<String> GENERATED = List.of(
            "",
            "# nothing yet\n",
            "[build]\njobs = 4 # cores\n\n[alias]\nb = \"build --release\"\n",
            "[build]\nrustflags = [\"--cfg\", \"tokio_unstable\"] # tokio console\n",
            "[build]\nrustflags = \"-C target-cpu=native\"\n",
            "# linker for the host\n[target.x86_64-unknown-linux-gnu]\nlinker = \"clang\"   # clang drives mold\n"
                    + "rustflags = [\"-C\", \"link-arg=-fuse-ld=mold\"]\n\n# aliases\n[alias]\nt = \"test\"\n",
            "[target.x86_64-unknown-linux-gnu]\nrustflags = [\n    # speed\n    \"-C\", \"target-cpu=native\",\n"
                    + "    \"-C\", \"force-frame-pointers=yes\", # perf\n]\n",
            "[target.x86_64-unknown-linux-gnu]\nrustflags = [\n  \"-Ctarget-cpu=haswell\",\n  \"--cfg\",\n  \"foo\"\n]\n[env]\nX = \"1\"\n",
            "[target.x86_64-unknown-linux-gnu]\n  rustflags = '-C target-cpu=native  --cfg x' # literal\n",
            "[target.x86_64-unknown-linux-gnu]\nrustflags = \"\"\n",
            "[target.x86_64-unknown-linux-gnu]\nrustflags = []\n",
            "[target.'x86_64-unknown-linux-gnu']\nrunner = \"sudo -E\"\n",
            "[target.\"x86_64-unknown-linux-gnu\"]\n# empty for now\n\n[build]\ntarget-dir = \"t\"\n",
            "target.x86_64-unknown-linux-gnu.rustflags = [\"-C\", \"opt-level=2\"]\n[build]\njobs = 1\n",
            "[target]\nx86_64-unknown-linux-gnu.linker = \"gcc\"\naarch64-unknown-linux-gnu.linker = \"aarch64-linux-gnu-gcc\"\n",
            "[target.aarch64-unknown-linux-gnu]\nlinker = \"aarch64-linux-gnu-gcc\"\n\n[target.'cfg(target_os = \"linux\")']\n"
                    + "rustflags = [\"-C\", \"link-arg=-Wl,-z,now\"]\n\n[profile.release]\nlto = true\n",
            "[target.x86_64-unknown-linux-gnu.openssl]\nrustc-link-lib = [\"ssl\"]\n",
            "[target.x86_64-unknown-linux-gnu]\nrustflags = [\"-C\", \"target-cpu=native\", \"-C\", \"target-cpu=znver3\"]\n",
            "[unstable]\nbuild-std = [\"std\"]\n\n[target.x86_64-unknown-linux-gnu]\nrustflags = [ '-C', 'link-arg=-fuse-ld=lld', ]\n"
                    + "linker = 'cc'\n");

    record Task(String name, String text) {
    }

    static Path corpus() {
        return Path.of(System.getenv().getOrDefault("CPA_CRATE_CORPUS", "/usr/share/cargo/registry"));
    }

    static List<Path> realConfigs() throws IOException {
        if (!Files.isDirectory(corpus())) return List.of();
        try (Stream<Path> s = Files.walk(corpus(), 4)) {
            return s.filter(p -> p.getParent() != null && p.getParent().getFileName() != null
                            && p.getParent().getFileName().toString().equals(".cargo")
                            && (p.getFileName().toString().equals("config") || p.getFileName().toString().equals("config.toml")))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    static List<Task> variants(String name, String text) {
        List<Task> out = new ArrayList<>();
        out.add(new Task(name, text));
        String crlf = text.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!crlf.equals(text)) out.add(new Task(name + " (CRLF)", crlf));
        if (text.endsWith("\n")) {
            out.add(new Task(name + " (no final newline)", text.substring(0, text.length() - 1)));
            out.add(new Task(name + " (CRLF, no final newline)", crlf.substring(0, crlf.length() - 2)));
        }
        return out;
    }

    @Test
    void everyEditKeepsEveryOtherByteAndIsIdempotent() throws IOException {
        List<Path> real = realConfigs();
        List<Task> tasks = new ArrayList<>();
        for (Path p : real) tasks.addAll(variants(corpus().relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8)));
        int realTasks = tasks.size();
        for (int i = 0; i < GENERATED.size(); i++) tasks.addAll(variants("generated #" + (i + 1), GENERATED.get(i)));
        int edits = 0;
        int changed = 0;
        int bytesOutside = 0;
        Map<String, Integer> layouts = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (Task t : tasks) {
            for (int e = 0; e < PLAN.size(); e++) {
                try {
                    ConfigEditResult first = check(t.text(), PLAN.get(e));
                    ConfigEditResult second = check(first.text(), REPLAN.get(e));
                    edits += 2;
                    if (first.changed()) changed++;
                    if (second.changed()) changed++;
                    layouts.merge(first.layout().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
                } catch (AssertionError | RuntimeException x) {
                    failures.add(t.name() + " / edit " + (e + 1) + ": " + x.getMessage());
                    bytesOutside++;
                }
            }
        }
        String report = "# config edit round trip\n\n"
                + "- real config files: " + real.size() + " (" + realTasks + " with their CRLF and no-final-newline variants) under " + corpus() + "\n"
                + "- generated config files: " + GENERATED.size() + " (" + (tasks.size() - realTasks) + " with variants)\n"
                + "- edits: " + edits + " (" + changed + " changed the text), layouts of the first edit: " + layouts + "\n"
                + "- failures (a byte changed outside the edit, a wrong document, not idempotent): " + failures.size() + "\n";
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/config-corpus-report.md"), report);
        assertThat(failures).isEmpty();
        assertThat(bytesOutside).isZero();
        assertThat(tasks.size() - realTasks).isGreaterThanOrEqualTo(60);
    }

    /** The lines of a text, each with its terminator. */
    static List<String> linesOf(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(from, i + 1));
                from = i + 1;
            }
        }
        if (from < text.length()) out.add(text.substring(from));
        return out;
    }

    /** One edit, checked as the class comment says. */
    static ConfigEditResult check(String text, TargetTableEdit edit) {
        ConfigEditResult r = ConfigEdit.apply(text, "config.toml", edit);
        String out = r.text();
        TomlParseResult after = Toml.parse(out);
        assertThat(after.hasErrors()).as("parses").isFalse();
        TomlParseResult before = Toml.parse(text);
        Map<String, Object> expected = ProfileEdit.plain(before);
        Map<String, Object> got = ProfileEdit.plain(after);
        // exactly the asked keys differ
        @SuppressWarnings("unchecked")
        Map<String, Object> gotTable = (Map<String, Object>) ((Map<String, Object>) got.get("target")).get(HOST);
        Map<String, Object> into = expected;
        for (String part : List.of("target", HOST)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) into.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
            into = m;
        }
        if (!edit.rustflags().isEmpty()) into.put("rustflags", gotTable.get("rustflags"));
        edit.linker().ifPresent(l -> assertThat(gotTable.get("linker")).isEqualTo(l));
        if (edit.linker().isPresent()) into.put("linker", edit.linker().get());
        assertThat(got).as("the document with exactly the asked keys changed").isEqualTo(expected);
        if (!edit.rustflags().isEmpty()) {
            Object flags = gotTable.get("rustflags");
            List<String> args = flags instanceof String s ? RustFlags.split(s) : ((List<?>) flags).stream().map(String::valueOf).toList();
            for (RustFlags.Codegen c : edit.rustflags()) {
                RustFlags.Occurrence last = null;
                for (RustFlags.Occurrence o : RustFlags.occurrences(args)) {
                    if (RustFlags.slot(o.key(), o.value()).equals(RustFlags.slot(c.key(), c.value()))) last = o;
                }
                assertThat(last).as("rustflags gives " + c).isNotNull();
                assertThat(RustFlags.sameValue(last.value(), c.value())).as("rustflags gives " + c + " last").isTrue();
            }
            Object was = before.get(List.of("target", HOST, "rustflags"));
            if (was != null) assertThat(flags instanceof String).as("the form is kept").isEqualTo(was instanceof String);
        }
        // no byte outside the edited statements: the rest of the original, in contiguous segments, is in the result in order
        TextLines lines = new TextLines(text);
        List<int[]> edited = new ArrayList<>();
        for (TomlScanner.Statement st : TomlScanner.scan(text)) {
            List<String> p = st.path();
            if (st.isHeader() || p.size() != 3 || !p.subList(0, 2).equals(List.of("target", HOST))) continue;
            if (!(p.get(2).equals("rustflags") && !edit.rustflags().isEmpty() || p.get(2).equals("linker") && edit.linker().isPresent())) continue;
            edited.add(new int[]{lines.start(lines.lineOf(st.start())), lines.endWithTerminator(lines.lineOf(st.end()))});
        }
        // the original's lines outside the edited statements, each with the segment (between edited statements) it is in
        List<String> keptLines = new ArrayList<>();
        List<Integer> segmentOf = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i <= edited.size(); i++) {
            int segEnd = i < edited.size() ? edited.get(i)[0] : text.length();
            for (String l : linesOf(text.substring(cursor, segEnd))) {
                keptLines.add(l);
                segmentOf.add(i);
            }
            if (i < edited.size()) cursor = edited.get(i)[1];
        }
        List<String> outLines = linesOf(out);
        int k = 0;
        for (String l : outLines) {
            if (k < keptLines.size()) {
                String want = keptLines.get(k);
                boolean lastUnterminated = k == keptLines.size() - 1 && !want.endsWith("\n") && !text.isEmpty() && text.endsWith(want);
                if (l.equals(want) || lastUnterminated && l.startsWith(want) && l.substring(want.length()).matches("\r?\n")) {
                    k++;
                    continue;
                }
            }
            // an extra line: the edited statements' new text may be anything (the document check covers it); elsewhere
            // only blank lines, the new table's header, new keys and new array elements
            boolean inEditedGap = k < keptLines.size() ? k > 0 && !segmentOf.get(k).equals(segmentOf.get(k - 1)) || k == 0 && segmentOf.get(0) > 0
                    : !edited.isEmpty() && segmentOf.get(k - 1) < edited.size();
            String c = l.strip();
            boolean allowed = c.isEmpty() || c.equals("[target." + HOST + "]") || c.matches("^([\\w.\"'-]*\\.)?(rustflags|linker) = .*")
                    || c.startsWith("\"") || c.startsWith("'");
            assertThat(inEditedGap || allowed).as("an inserted line is the asked change: " + l).isTrue();
        }
        assertThat(k).as("every original line outside the edited statements is kept, in order").isEqualTo(keptLines.size());
        ConfigEditResult again = ConfigEdit.apply(out, "config.toml", edit);
        assertThat(again.changed()).as("idempotent").isFalse();
        assertThat(again.text()).isEqualTo(out);
        return r;
    }
}
