package dev.profileadvisor.apply;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.audit.ProfileReport;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.SettingAdvice;
import dev.profileadvisor.audit.SettingReport;
import dev.profileadvisor.audit.WorkspaceAudit;
import dev.profileadvisor.edit.Change;
import dev.profileadvisor.edit.CorpusChecks;
import dev.profileadvisor.edit.SafeWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applies recommendations to every {@code Cargo.toml} of Debian's packaged crate sources (installed by
 * {@code .ci/crate-corpus}; {@code $CPA_CRATE_CORPUS} overrides the directory), each to a copy, and checks each
 * result the way a sceptical reviewer would, independently of the editor's own bookkeeping:
 * <ol>
 *   <li>tomlj parses it;</li>
 *   <li>every line is byte-identical to the original except the lines tomlj places the changed keys on (and, for
 *       a profile the file did not have, its new header and the blank line before it); a changed line differs from
 *       the original only in the value;</li>
 *   <li>the audit of the copy shows every recommended key in force with the recommended value, from that file;</li>
 *   <li>applying again changes nothing;</li>
 *   <li>for a bounded sample (every manifest that already has profiles, plus evenly spaced others, 40 in all, to keep
 *       CI time bounded), {@code cargo metadata --offline --no-deps} accepts the whole crate with the edited manifest
 *       and prints no warning it did not print before (a crate whose original cargo rejects is skipped and counted).</li>
 * </ol>
 * The numbers go to {@code target/apply-corpus-report.md} and stdout.
 */
class CorpusApplyTest {
    static final int CARGO_SAMPLE = 40;

    record Scenario(String name, Request request) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("small-binary → release", Request.goals("small-binary").profile("release")),
            new Scenario("profilable → profiling (new custom profile)", Request.goals("profilable").profile("profiling")),
            new Scenario("fast-compile → dev", Request.goals("fast-compile").profile("dev")));

    @TempDir
    Path tmp;

    static Path corpus() {
        return Path.of(System.getenv().getOrDefault("CPA_CRATE_CORPUS", "/usr/share/cargo/registry"));
    }

    @Test
    void everyRealManifestTakesTheRecommendationsAndKeepsEveryOtherByte() throws Exception {
        List<Path> manifests = CorpusChecks.manifests(corpus());
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        long started = System.nanoTime();

        int crlf = 0;
        int noFinalNewline = 0;
        int withProfiles = 0;
        List<Task> tasks = new ArrayList<>();
        for (Path original : manifests) {
            String text = new String(Files.readAllBytes(original), StandardCharsets.UTF_8);
            String name = corpus().relativize(original).toString();
            if (text.contains("\r\n")) crlf++;
            if (!text.isEmpty() && !text.endsWith("\n")) noFinalNewline++;
            boolean profiles = text.contains("[profile") || text.contains("profile.");
            if (profiles) withProfiles++;
            for (Scenario sc : SCENARIOS) tasks.add(new Task(name, sc, text));
            if (profiles) { // the corpus has no CRLF file and few without a final newline: make them from real ones
                tasks.add(new Task(name + " as CRLF", SCENARIOS.get(0), text.replace("\r\n", "\n").replace("\n", "\r\n")));
                tasks.add(new Task(name + " without final newline", SCENARIOS.get(0), text.stripTrailing()));
            }
        }
        List<Result> results = java.util.stream.IntStream.range(0, tasks.size()).parallel()
                .mapToObj(i -> run(advisor, tasks.get(i), tmp.resolve("m" + i))).toList();
        Map<String, Map<String, Integer>> outcomes = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> layouts = new LinkedHashMap<>();
        List<String> refusals = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int keysWritten = 0;
        int keysChanged = 0;
        int n = results.size();
        for (Result r : results) {
            String scenario = r.task().variant() + r.task().scenario().name();
            count(outcomes, scenario, r.outcome());
            r.layout().ifPresent(l -> count(layouts, scenario, l));
            r.refusal().ifPresent(x -> refusals.add(r.task().name() + " (" + r.task().scenario().name() + "): " + x));
            r.problems().forEach(x -> failures.add(r.task().name() + " (" + r.task().scenario().name() + "): " + x));
            keysWritten += r.added();
            keysChanged += r.changed();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        CargoSample cargo = cargoSample(advisor, manifests);

        StringBuilder md = new StringBuilder("# Apply on the crate corpus\n\n")
                .append("- corpus: ").append(corpus()).append(", ").append(manifests.size()).append(" Cargo.toml files (")
                .append(withProfiles).append(" with profile tables, ").append(crlf).append(" with CRLF newlines, ")
                .append(noFinalNewline).append(" without a final newline)\n")
                .append("- each recommendation applied to a fresh copy of each manifest, and small-binary to CRLF and ")
                .append("no-final-newline copies of those with profile tables: ").append(n).append(" applications in ")
                .append(String.format("%.1f s on %d cores", seconds, Runtime.getRuntime().availableProcessors()))
                .append(" (plan, write, re-read, audit, re-plan)\n")
                .append("- keys added: ").append(keysWritten).append(", keys changed in place: ").append(keysChanged).append('\n')
                .append("- checks on each written copy: parses; every line outside the changed keys (and a new profile's header) ")
                .append("byte-identical; changed lines differ only in the value; the audit shows each recommended value in force ")
                .append("from the file; applying again changes nothing\n\n")
                .append("| recommendation | outcome | manifests |\n|---|---|---:|\n");
        outcomes.forEach((sc, m) -> m.forEach((k, v) -> md.append("| ").append(sc).append(" | ").append(k).append(" | ").append(v).append(" |\n")));
        md.append("\n| recommendation | layout edited | manifests |\n|---|---|---:|\n");
        layouts.forEach((sc, m) -> new TreeMap<>(m).forEach((k, v) -> md.append("| ").append(sc).append(" | ").append(k).append(" | ").append(v).append(" |\n")));
        md.append("\n## cargo metadata --offline --no-deps on a sample\n\n")
                .append("- sampled: ").append(cargo.sampled).append(" crates (every manifest with profile tables, then evenly spaced others)\n")
                .append("- skipped because cargo rejects the original: ").append(cargo.skipped.size()).append('\n')
                .append("- checked after applying all ").append(SCENARIOS.size()).append(" recommendations: ").append(cargo.checked)
                .append(", accepted with no new warning: ").append(cargo.checked - cargo.failures.size()).append('\n');
        cargo.skipped.forEach(s -> md.append("  - skipped: ").append(s).append('\n'));
        cargo.failures.forEach(s -> md.append("  - FAILED: ").append(s).append('\n'));
        if (!refusals.isEmpty()) md.append("\n## Refused (nothing written)\n\n");
        refusals.forEach(r -> md.append("- ").append(r).append('\n'));
        if (!failures.isEmpty()) md.append("\n## Failures\n\n");
        failures.forEach(f -> md.append("- ").append(f).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/apply-corpus-report.md"), md.toString());
        System.out.println(md);

        assertThat(failures).isEmpty();
        assertThat(cargo.failures).isEmpty();
        assertThat(cargo.checked).isGreaterThanOrEqualTo(CARGO_SAMPLE / 2);
        assertThat(refusals).as("refusals").allSatisfy(r -> assertThat(r).doesNotContain("Exception"));
        long applied = outcomes.values().stream().mapToLong(m -> m.getOrDefault("applied, all checks pass", 0)).sum();
        assertThat(applied).isGreaterThanOrEqualTo((long) (0.9 * n));
    }

    @Test
    void theChecksCatchAByteChangedOutsideTheValues() throws Exception {
        ProfileAdvisor advisor = ProfileAdvisor.withDefaults();
        String before = "[package]\nname = \"x\" # name\nversion = \"0.1.0\"\n\n[profile.release]\nlto = \"thin\" # fast\n";
        Path copy = Files.writeString(tmp.resolve("Cargo.toml"), before);
        ApplyPlan plan = advisor.plan(new ApplyRequest(copy, Request.goals("small-binary"), Map.of(), tmp));
        Files.writeString(copy, plan.text());
        assertThat(check(advisor, copy, before, plan.text(), plan)).isEmpty();
        for (String tampered : List.of(plan.text().replace("# name", "#name"), plan.text().replace("# fast", "#fast"),
                plan.text().replace("[package]\n", "[package]\r\n"), plan.text().replace("\n\n[profile", "\n[profile"))) {
            Files.writeString(copy, tampered);
            assertThat(check(advisor, copy, before, tampered, plan)).as(tampered).isNotEmpty();
        }
    }

    record Task(String name, Scenario scenario, String text) {
        String variant() {
            return name.endsWith(" as CRLF") ? "CRLF copies: " : name.endsWith(" without final newline") ? "no-final-newline copies: " : "";
        }
    }

    record Result(Task task, String outcome, java.util.Optional<String> layout, java.util.Optional<String> refusal,
                  List<String> problems, int added, int changed) {
    }

    /** Plans, writes and checks one copy. */
    static Result run(ProfileAdvisor advisor, Task task, Path dir) {
        try {
            Path copy = Files.createDirectories(dir).resolve("Cargo.toml");
            Files.writeString(copy, task.text());
            ApplyPlan plan;
            try {
                plan = advisor.plan(new ApplyRequest(copy, task.scenario().request(), Map.of(), dir));
            } catch (AdvisorException e) {
                return new Result(task, "refused", java.util.Optional.empty(), java.util.Optional.of(e.getMessage()), List.of(), 0, 0);
            }
            if (!plan.changesFile()) {
                return new Result(task, "already matching", java.util.Optional.empty(), java.util.Optional.empty(), List.of(), 0, 0);
            }
            SafeWrite.replace(plan.file(), plan.text());
            List<String> problems = check(advisor, copy, task.text(), Files.readString(copy), plan);
            int changed = (int) plan.changes().stream().filter(c -> c.was().isPresent()).count();
            return new Result(task, problems.isEmpty() ? "applied, all checks pass" : "FAILED",
                    java.util.Optional.of(plan.layout().name()), java.util.Optional.empty(), problems,
                    plan.changes().size() - changed, changed);
        } catch (IOException | RuntimeException e) {
            return new Result(task, "FAILED", java.util.Optional.empty(), java.util.Optional.empty(), List.of(e.toString()), 0, 0);
        }
    }

    /** The independent checks of one written copy; returns what is wrong, empty when all is well. */
    static List<String> check(ProfileAdvisor advisor, Path copy, String before, String after, ApplyPlan plan) {
        List<String> problems = new ArrayList<>();
        String profile = plan.recommendation().profile();
        TomlParseResult old = Toml.parse(before);
        TomlParseResult now = Toml.parse(after);
        if (now.hasErrors()) {
            problems.add("the result does not parse: " + now.errors());
            return problems;
        }
        // 2. byte-identical outside the changed key lines, located by tomlj, not by the editor
        List<String> a = new ArrayList<>(Arrays.asList(before.split("\n", -1)));
        List<String> b = new ArrayList<>(Arrays.asList(after.split("\n", -1)));
        Set<Integer> dropA = new LinkedHashSet<>();
        Set<Integer> dropB = new LinkedHashSet<>();
        Set<List<String>> tables = new LinkedHashSet<>();
        tables.add(List.of("profile", profile));
        for (Change c : plan.changes()) tables.add(c.table());
        CorpusChecks.changedKeyLines(plan.changes(), old, now, a, b, dropA, dropB, problems);
        // a table the edit created: its header, and the blank line before it when there is one
        List<Integer> newHeaders = new ArrayList<>();
        for (List<String> t : tables) {
            TomlPosition header = now.inputPositionOf(t);
            if (old.inputPositionOf(t) == null && header != null && !dropB.contains(header.line() - 1)) {
                dropB.add(header.line() - 1);
                newHeaders.add(header.line());
            }
        }
        List<String> keptA = without(a, dropA);
        boolean same = keptA.equals(without(b, dropB));
        if (!same && !newHeaders.isEmpty()) {
            // a new table may bring one blank line before its header; each such blank is dropped only where the
            // original has no line to match it (a file that already ends with a blank line keeps that one)
            Set<Integer> blanks = new LinkedHashSet<>();
            for (int line : newHeaders) if (line >= 2 && b.get(line - 2).isBlank()) blanks.add(line - 2);
            List<Integer> candidates = new ArrayList<>(blanks);
            same = false;
            for (int subset = 1; subset < 1 << candidates.size() && !same; subset++) { // a handful of new tables at most
                Set<Integer> drop = new LinkedHashSet<>(dropB);
                for (int k = 0; k < candidates.size(); k++) if ((subset & 1 << k) != 0) drop.add(candidates.get(k));
                same = keptA.equals(without(b, drop));
            }
        }
        if (!same) problems.add("lines outside the changed keys differ:\n" + dev.profileadvisor.edit.UnifiedDiff.of(before, after, "a", "b"));
        // 3. the audit sees the recommended values in force, from this file
        AuditReport audit = advisor.audit(new AuditRequest(List.of(copy), List.of(), Map.of(), copy.getParent()));
        if (!audit.errors().isEmpty()) problems.add("audit errors: " + audit.errors());
        for (WorkspaceAudit w : audit.workspaces()) {
            ProfileReport p = w.profiles().stream().filter(x -> x.name().equals(profile)).findFirst().orElse(null);
            if (p == null || p.problem().isPresent()) {
                problems.add("the audit has no usable profile `" + profile + "`" + (p == null ? "" : ": " + p.problem().get()));
                continue;
            }
            for (SettingAdvice s : plan.recommendation().settings()) {
                SettingReport r = p.settings().stream().filter(x -> x.key().equals(s.key())).findFirst().orElseThrow();
                if (!r.valueId().equals(s.value()) || !r.origin().startsWith("Cargo.toml:") || !r.setIn().equals(profile)) {
                    problems.add("the audit shows `" + s.key() + "` = " + r.value() + " from " + r.origin() + " (set in "
                            + r.setIn() + "), not the recommended `" + s.toml() + "` from Cargo.toml");
                }
            }
            plan.recommendation().inherits().ifPresent(parent -> {
                if (p.chain().size() < 2 || !p.chain().get(1).equals(parent)) problems.add("`" + profile + "` does not inherit `" + parent + "`");
            });
        }
        // 4. idempotent
        ApplyPlan again = advisor.plan(new ApplyRequest(copy, plan.recommendation().inherits().isPresent()
                ? Request.goals(goals(plan)).profile(profile).inherits(plan.recommendation().inherits().get())
                : Request.goals(goals(plan)).profile(profile), Map.of(), copy.getParent()));
        if (again.changesFile()) problems.add("applying again would change: " + again.changes());
        return problems;
    }

    private static String[] goals(ApplyPlan plan) {
        return plan.recommendation().goals().stream().map(g -> g.goal() + "=" + g.weight()).toArray(String[]::new);
    }

    private static List<String> without(List<String> lines, Set<Integer> drop) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) if (!drop.contains(i)) out.add(lines.get(i));
        return out;
    }

    private static void count(Map<String, Map<String, Integer>> m, String scenario, String outcome) {
        m.computeIfAbsent(scenario, k -> new LinkedHashMap<>()).merge(outcome, 1, Integer::sum);
    }

    record CargoSample(int sampled, int checked, List<String> skipped, List<String> failures) {
    }

    /** cargo metadata on whole crate copies, before and after applying every scenario in turn. */
    CargoSample cargoSample(ProfileAdvisor advisor, List<Path> manifests) throws Exception {
        List<Path> sample = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        for (Path m : manifests) {
            String t = Files.readString(m);
            if ((t.contains("[profile") || t.contains("profile.")) && sample.size() < CARGO_SAMPLE) sample.add(m);
            else others.add(m);
        }
        int missing = CARGO_SAMPLE - sample.size();
        for (int i = 0; i < missing && !others.isEmpty(); i++) sample.add(others.get(i * others.size() / missing));
        List<String> skipped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int k = 0;
        for (Path original : sample) {
            Path crate = tmp.resolve("cargo" + k++);
            copyTree(original.getParent(), crate);
            Path manifest = crate.resolve("Cargo.toml");
            String shown = corpus().relativize(original).toString();
            Cargo before = cargoMetadata(manifest);
            if (before.code != 0) {
                skipped.add(shown + ": " + before.output.lines().filter(l -> l.startsWith("error")).findFirst().orElse("exit " + before.code));
                continue;
            }
            try {
                for (Scenario sc : SCENARIOS) {
                    ApplyPlan plan = advisor.plan(new ApplyRequest(manifest, sc.request(), Map.of(), crate));
                    if (plan.changesFile()) SafeWrite.replace(plan.file(), plan.text());
                }
            } catch (AdvisorException e) {
                skipped.add(shown + ": refused: " + e.getMessage());
                continue;
            }
            checked++;
            Cargo after = cargoMetadata(manifest);
            Set<String> newWarnings = new LinkedHashSet<>(after.warnings());
            newWarnings.removeAll(before.warnings());
            if (after.code != 0 || !newWarnings.isEmpty()) {
                failures.add(shown + ": exit " + after.code + ", " + String.join("; ", after.code != 0
                        ? after.output.lines().filter(l -> l.startsWith("error")).toList() : List.copyOf(newWarnings)));
            }
        }
        return new CargoSample(sample.size(), checked, skipped, failures);
    }

    record Cargo(int code, String output) {
        Set<String> warnings() {
            Set<String> out = new LinkedHashSet<>();
            output.lines().filter(l -> l.startsWith("warning")).forEach(out::add);
            return out;
        }
    }

    static Cargo cargoMetadata(Path manifest) throws Exception {
        Path log = Files.createTempFile("cargo-metadata", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder("cargo", "metadata", "--offline", "--no-deps", "--format-version", "1",
                    "--manifest-path", manifest.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile());
            pb.environment().keySet().removeIf(key -> key.startsWith("CARGO_PROFILE_"));
            pb.environment().put("CARGO_TERM_COLOR", "never");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Cargo(-1, "error: cargo metadata timed out");
            }
            return new Cargo(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (Files.isRegularFile(p)) Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
