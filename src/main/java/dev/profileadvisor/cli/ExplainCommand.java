package dev.profileadvisor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.knowledge.Alias;
import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Effect;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.knowledge.Text;
import dev.profileadvisor.knowledge.VersionNote;
import dev.profileadvisor.rules.RuleCase;
import dev.profileadvisor.rules.RuleDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code explain ID}: a setting, a goal, a rule or a correction, with effects and sources. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a setting (lto), a goal (small-binary), a rule id or a correction id.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "What to explain.")
    String id;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        ProfileAdvisor advisor = load.advisor();
        Knowledge k = advisor.knowledge();
        PrintWriter out = spec.commandLine().getOut();
        String key = id.trim();
        if (k.setting(key).isPresent()) {
            Setting s = k.setting(key).get();
            if (format == Format.json) out.println(Json.write(settingJson(k, s)));
            else setting(out, k, s);
        } else if (k.goal(key).isPresent()) {
            Goal g = k.goal(key).get();
            if (format == Format.json) out.println(Json.write(goalJson(k, g)));
            else goal(out, k, g);
        } else if (advisor.rules().containsKey(key)) {
            RuleDoc d = advisor.rules().get(key);
            if (format == Format.json) out.println(Json.write(ruleJson(k, d, advisor.ruleLocations().get(key))));
            else rule(out, k, d, advisor.ruleLocations().get(key));
        } else if (k.corrections().containsKey(key)) {
            Correction c = k.corrections().get(key);
            if (format == Format.json) out.println(Json.write(correctionJson(k, c)));
            else correction(out, k, c);
        } else {
            List<String> all = Stream.of(k.settings().keySet(), k.goals().keySet(), advisor.rules().keySet(), k.corrections().keySet())
                    .flatMap(java.util.Collection::stream).toList();
            String near = all.stream().sorted(Comparator.comparingInt(x -> Text.distance(x, key))).limit(3)
                    .map(x -> "`" + x + "`").collect(Collectors.joining(", "));
            throw new AdvisorException(Problem.of("explain", "nothing is called `" + key + "`: not a setting, goal, rule or correction; closest: " + near));
        }
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

    private static void rule(PrintWriter out, Knowledge k, RuleDoc d, String where) {
        out.printf("%s (%s%s): %s%n", d.id(), d.kind(), d.severity().isEmpty() ? "" : ", " + d.severity(), d.title());
        out.println("  defined at " + where + ", documented at " + d.file() + ":" + d.line());
        out.println();
        if (!d.message().isEmpty()) out.println("message: " + d.message() + "\n");
        out.println("why:\n" + indent(d.why().strip(), "  "));
        if (!d.fix().isEmpty()) out.println("\nfix: " + d.fix());
        if (!d.knownProblems().isEmpty()) out.println("\nknown problems: " + d.knownProblems());
        if (!d.cases().isEmpty()) {
            out.println("\ncases:");
            for (RuleCase c : d.cases()) {
                out.printf("  %-6s %s: --goal %s%s%n", c.expect(), c.name(), String.join(" --goal ", c.goals()),
                        c.profile().isEmpty() ? "" : " --profile " + c.profile());
            }
        }
        sources(out, k, d.sources());
    }

    private static void correction(PrintWriter out, Knowledge k, Correction c) {
        out.println(c.id() + ": a published claim corrected");
        out.println("  claim:    " + c.claim() + " (" + String.join(", ", c.claimedBy()) + ")");
        out.println("  correct:  " + c.correct());
        out.println("  evidence: " + c.evidence());
        sources(out, k, c.sources());
    }

    private static void sources(PrintWriter out, Knowledge k, List<String> keys) {
        if (keys.isEmpty()) return;
        out.println();
        for (String key : keys) out.println("  = see: " + k.url(key) + " (" + k.sources().get(key).title() + ")");
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).collect(Collectors.joining("\n"));
    }

    private static ArrayNode urls(Knowledge k, List<String> keys) {
        return Json.strings(keys.stream().map(k::url).toList());
    }

    private static ObjectNode settingJson(Knowledge k, Setting s) {
        ObjectNode o = Json.document().put("type", "setting").put("id", s.key()).put("title", s.title())
                .put("summary", s.summary()).put("description", s.description().strip()).put("kind", s.kind());
        ArrayNode values = o.putArray("values");
        for (SettingValue v : s.values()) {
            ObjectNode x = values.addObject().put("id", v.id()).put("title", v.title());
            x.set("toml", Json.tomlValue(v.toml()));
            x.set("flags", Json.strings(v.flags()));
            x.set("traits", Json.strings(v.traits().stream().sorted().toList()));
        }
        ObjectNode d = o.putObject("defaults");
        s.defaults().forEach(d::put);
        ArrayNode effects = o.putArray("effects");
        k.effects().stream().filter(e -> e.setting().equals(s.key())).forEach(e -> {
            ObjectNode x = effects.addObject().put("value", e.value()).put("evidence", e.evidence());
            ObjectNode sc = x.putObject("scores");
            e.scores().forEach(sc::put);
            x.set("sources", urls(k, e.sources()));
        });
        o.set("corrections", Json.strings(k.corrections().values().stream().filter(c -> c.settings().contains(s.key())).map(Correction::id).toList()));
        o.set("sources", urls(k, s.sources()));
        return o;
    }

    private static ObjectNode goalJson(Knowledge k, Goal g) {
        ObjectNode o = Json.document().put("type", "goal").put("id", g.id()).put("title", g.title())
                .put("summary", g.summary()).put("description", g.description().strip()).put("profile", g.profile());
        o.set("aliases", Json.strings(g.aliases()));
        ObjectNode c = o.putObject("criteria");
        g.criteria().forEach(c::put);
        o.set("sources", urls(k, g.sources()));
        return o;
    }

    private static ObjectNode ruleJson(Knowledge k, RuleDoc d, String where) {
        ObjectNode o = Json.document().put("type", "rule").put("id", d.id()).put("kind", d.kind()).put("severity", d.severity())
                .put("title", d.title()).put("message", d.message()).put("why", d.why().strip()).put("fix", d.fix())
                .put("definedAt", where).put("documentedAt", d.file() + ":" + d.line());
        o.set("sources", urls(k, d.sources()));
        return o;
    }

    private static ObjectNode correctionJson(Knowledge k, Correction c) {
        ObjectNode o = Json.document().put("type", "correction").put("id", c.id()).put("claim", c.claim())
                .put("correct", c.correct()).put("evidence", c.evidence());
        o.set("claimedBy", urls(k, c.claimedBy()));
        o.set("settings", Json.strings(c.settings()));
        o.set("sources", urls(k, c.sources()));
        return o;
    }

}
