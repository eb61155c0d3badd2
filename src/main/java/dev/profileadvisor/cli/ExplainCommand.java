package dev.profileadvisor.cli;

import dev.profileadvisor.explain.Explanation;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.json.JsonDocuments;
import dev.profileadvisor.knowledge.Alias;
import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Effect;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.knowledge.VersionNote;
import dev.profileadvisor.catalog.RuleCase;
import dev.profileadvisor.catalog.RuleDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code explain ID}: a setting, a goal, a rule or a correction, with effects and sources. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a setting (lto), a goal (small-binary), a rule id or a correction id.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "What to explain.")
    String id;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    PlainFormat format;

    @Mixin
    LoadOptions load;

    @Mixin
    DocsUrlOption docs;

    @Override
    public Integer call() {
        var links = docs.links();
        ProfileAdvisor advisor = load.advisor();
        Knowledge k = advisor.knowledge();
        PrintWriter out = spec.commandLine().getOut();
        Explanation e = advisor.explain(id);
        if (format == PlainFormat.json) out.println(JsonDocuments.write(JsonDocuments.explanation(k, e)));
        else if (e instanceof Explanation.OfSetting s) setting(out, k, s.setting());
        else if (e instanceof Explanation.OfGoal g) goal(out, k, g.goal());
        else if (e instanceof Explanation.OfRule r) {
            rule(out, k, r);
            if (links.configured()) out.println("  = docs: " + links.forRule(r.id()));
        }
        else if (e instanceof Explanation.OfScopes s) scopes(out, k, s);
        else correction(out, k, ((Explanation.OfCorrection) e).correction());
        out.flush();
        return Main.OK;
    }

    private static void setting(PrintWriter out, Knowledge k, Setting s) {
        out.printf("%s: %s%n  %s%n%n", s.key(), s.title(), s.summary());
        out.println(indent(s.description().strip(), "  "));
        out.println();
        out.println("values (cargo 1.95; flags are what cargo passes to rustc for the binary):");
        int w = s.values().stream().mapToInt(v -> v.assignment().length()).max().orElse(10);
        for (SettingValue v : s.values()) {
            out.printf("  %-" + w + "s  %s%s%n", v.assignment(), v.title(),
                    v.flags().isEmpty() ? "; no flag" : "; " + String.join(" ", v.flags()));
            for (Alias a : v.aliases()) {
                out.printf("  %-" + w + "s  same as above%s%s%n", s.key() + " = " + a.toml(),
                        a.flags().equals(v.flags()) ? "" : "; " + (a.flags().isEmpty() ? "no flag" : String.join(" ", a.flags())),
                        a.documented() ? "" : " (undocumented)");
            }
        }
        out.println();
        out.print("defaults:");
        s.defaults().forEach((p, v) -> out.print("  " + p + " = " + s.value(v).map(SettingValue::title).orElse(v)));
        out.println();
        s.implicit().ifPresent(i -> out.println("implicit: " + i.note() + " (since " + i.since() + ")"));
        if (!s.rustcDefaultNote().isEmpty()) out.println("rustc's default: " + s.rustcDefaultNote());
        List<Effect> effects = k.effects().stream().filter(e -> e.setting().equals(s.key())).toList();
        if (!effects.isEmpty()) {
            out.println();
            out.println("effects (−3 … +3 against cargo's default release build):");
            for (Effect e : effects) {
                out.printf("  %s: %s%n", s.value(e.value()).map(SettingValue::assignment).orElse(e.value()), scores(e));
                out.println(indent(e.evidence(), "      "));
            }
        }
        if (!s.versions().isEmpty()) {
            out.println();
            out.println("versions:");
            for (VersionNote v : s.versions()) out.printf("  %s: %s%n", v.since(), v.note());
        }
        List<Correction> cs = k.corrections().values().stream().filter(c -> c.settings().contains(s.key())).toList();
        if (!cs.isEmpty()) {
            out.println();
            out.println("corrections of published claims:");
            for (Correction c : cs) out.printf("  claim:   %s%n  correct: %s  [%s]%n", c.claim(), c.correct(), c.id());
        }
        sources(out, k, s.sources());
    }

    private static String scores(Effect e) {
        return e.scores().entrySet().stream().map(x -> x.getKey() + " " + (x.getValue() > 0 ? "+" : "") + x.getValue())
                .collect(Collectors.joining(", "));
    }

    private static void goal(PrintWriter out, Knowledge k, Goal g) {
        out.printf("%s: %s%n  %s%n%n", g.id(), g.title(), g.summary());
        out.println(indent(g.description().strip(), "  "));
        out.println();
        out.println("aliases:  " + String.join(", ", g.aliases()));
        out.println("profile:  " + (g.profile().isEmpty() ? "none of its own (follows the other goals; release when alone)" : g.profile()));
        out.println("weighs:   " + (g.criteria().isEmpty() ? "no criterion (a constraint rule acts for it)"
                : g.criteria().entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "))));
        sources(out, k, g.sources());
    }

    private static void rule(PrintWriter out, Knowledge k, Explanation.OfRule r) {
        RuleDoc d = r.rule();
        String where = r.definedAt().orElse(null);
        out.printf("%s (%s%s): %s%n", d.id(), d.kind(), d.severity().map(v -> ", " + v.label()).orElse(""), d.title());
        out.println("  " + (where == null ? "no DRL rule has this id (`rules lint` reports it)" : "defined at " + where) + ", documented at " + d.file() + ":" + d.line());
        out.println();
        if (!d.message().isEmpty()) out.println("message: " + d.message() + "\n");
        out.println("why:\n" + indent(d.why().strip(), "  "));
        if (!d.fix().isEmpty()) out.println("\nfix: " + d.fix());
        if (!d.knownProblems().isEmpty()) out.println("\nknown problems: " + d.knownProblems());
        r.example().filter(RuleCase::isAudit).ifPresent(c -> auditCase(out, "example", c));
        r.useInstead().filter(RuleCase::isAudit).ifPresent(c -> auditCase(out, "use instead", c));
        if (!d.cases().isEmpty()) {
            out.println("\ncases:");
            for (RuleCase c : d.cases()) {
                if (c.isAudit()) out.printf("  %-6s %s%s%n", c.expect(), c.name(), withGoals(c));
                else out.printf("  %-6s %s: --goal %s%s%s%s%n", c.expect(), c.name(), String.join(" --goal ", c.goals()),
                        c.profile().isEmpty() ? "" : " --profile " + c.profile(),
                        c.targetCpu().isEmpty() ? "" : " --target-cpu " + c.targetCpu(), hostOf(c));
            }
        }
        sources(out, k, d.sourceKeys());
    }

    /** The machine a target rule's case is for: {@code  (host x86_64-unknown-linux-gnu, rustc 1.95.0, cc gcc 12.2.0, on PATH: mold)}. */
    private static String hostOf(RuleCase c) {
        if (c.host().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        parts.add("host " + c.host().get("triple"));
        if (c.host().containsKey("rustc")) parts.add("rustc " + c.host().get("rustc"));
        if (c.host().containsKey("cc")) parts.add("cc " + c.host().get("cc"));
        String programs = c.host().getOrDefault("programs", "");
        parts.add(programs.isEmpty() ? "nothing on PATH" : "on PATH: " + String.join(", ", programs.split(" ")));
        return " (" + String.join(", ", parts) + ")";
    }

    /** An audit case as clippy shows a lint's example: the manifest lines (and any other file), then the environment. */
    private static void auditCase(PrintWriter out, String heading, RuleCase c) {
        out.println();
        out.println(heading + ": " + c.name() + withGoals(c));
        List<Map.Entry<String, String>> files = new ArrayList<>();
        files.add(Map.entry("Cargo.toml", c.manifest()));
        if (!c.config().isEmpty()) files.add(Map.entry(".cargo/config.toml", c.config()));
        files.addAll(c.files().entrySet());
        boolean labelled = files.size() > 1 || !c.env().isEmpty();
        for (Map.Entry<String, String> f : files) {
            if (labelled) out.println("  " + f.getKey() + ":");
            String text = f.getKey().endsWith("Cargo.toml") ? withoutPackageBoilerplate(f.getValue()) : f.getValue();
            text.strip().lines().forEach(l -> out.println(l.isBlank() ? "" : (labelled ? "    " : "  ") + l));
        }
        new TreeMap<>(c.env()).forEach((key, value) -> out.println("  environment: " + key + "=" + value));
    }

    private static String withGoals(RuleCase c) {
        return c.goals().isEmpty() ? "" : " (audited with `--goal " + String.join(" --goal ", c.goals()) + "`)";
    }

    /**
     * The manifest without a {@code [package]} table that holds only {@code name}, {@code version} and
     * {@code edition} ({@link RuleCase#withoutPackageBoilerplate(String)}).
     */
    static String withoutPackageBoilerplate(String toml) {
        return RuleCase.withoutPackageBoilerplate(toml);
    }

    private static void correction(PrintWriter out, Knowledge k, Correction c) {
        out.println(c.id() + ": a published claim corrected");
        out.println("  claim:    " + c.claim() + " (" + String.join(", ", c.claimedBy()) + ")");
        out.println("  correct:  " + c.correct());
        out.println("  evidence: " + c.evidence());
        sources(out, k, c.sources());
    }

    private static void scopes(PrintWriter out, Knowledge k, Explanation.OfScopes e) {
        out.println("scopes: where in a profile a setting can be written (first match wins, top to bottom)");
        for (dev.profileadvisor.knowledge.Scope s : e.scopes()) {
            String table = s.table().isEmpty() ? "[profile.P]" : "[profile.P." + String.join(".", s.table().stream()
                    .map(t -> t.equals("*") ? "\"*\"" : t.equals("{name}") ? "NAME" : t).toList()) + "]";
            out.println();
            out.println("  " + table + ": " + s.title() + " (since " + s.since() + ")");
            out.println("      reaches: " + s.covers());
            out.println("      why:     " + s.why());
            if (!s.refuses().isEmpty()) out.println("      refuses: " + String.join(", ", s.refuses()) + " (cargo rejects the manifest)");
            if (!s.ignored().isEmpty()) out.println("      ignores: " + String.join(", ", s.ignored()) + " (silently)");
            out.println("      env:     " + (s.env().isEmpty() ? "none: only a manifest or config file can set it" : s.env()));
        }
        out.println();
        out.println("facts (checked with cargo 1.95 unless only a document is cited):");
        for (dev.profileadvisor.knowledge.ScopeFact f : e.facts()) {
            out.println("  " + f.id() + ": " + f.text());
            for (String key : f.sources()) out.println("      = see: " + k.url(key));
        }
        if (!e.crates().isEmpty()) {
            out.println();
            out.println("crates optimised on their own in dev when a project uses them (knowledge/crates.toml):");
            for (dev.profileadvisor.knowledge.KnownCrate c : e.crates()) {
                out.println("  " + c.name() + ": " + c.settings().entrySet().stream().map(x -> x.getKey() + " = " + x.getValue())
                        .collect(Collectors.joining(", ")) + "; " + c.reason());
            }
        }
    }

    private static void sources(PrintWriter out, Knowledge k, List<String> keys) {
        if (keys.isEmpty()) return;
        out.println();
        for (String key : keys) out.println("  = see: " + k.url(key) + " (" + k.sources().get(key).title() + ")");
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).collect(Collectors.joining("\n"));
    }
}
