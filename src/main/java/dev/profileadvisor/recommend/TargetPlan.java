package dev.profileadvisor.recommend;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.catalog.MessageTemplate;
import dev.profileadvisor.catalog.RuleCatalog;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.facts.CpuChoice;
import dev.profileadvisor.facts.HostFact;
import dev.profileadvisor.facts.HostLinker;
import dev.profileadvisor.facts.TargetAdvice;
import dev.profileadvisor.knowledge.CpuLevel;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Linker;
import dev.profileadvisor.knowledge.Suggestions;
import dev.profileadvisor.knowledge.TargetFact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target settings of a plan, around the {@code rules/recommend/50-targets.drl} rules: the facts about the host
 * they match (its triple, rustc, the CPU asked for, the linkers found), and the {@code .cargo/config.toml} lines and
 * notes assembled from what they conclude.
 */
final class TargetPlan {
    /** The linkers a plan may write, in the order tried. */
    private static final List<String> LINKERS = List.of("lld", "mold");
    /** The order of the flags in the rustflags written. */
    private static final List<String> FLAG_ORDER = List.of("target-cpu", "force-frame-pointers", "link-arg");

    private final Knowledge knowledge;
    private final RuleCatalog catalog;

    TargetPlan(Knowledge knowledge, RuleCatalog catalog) {
        this.knowledge = knowledge;
        this.catalog = catalog;
    }

    /**
     * The request's host facts.
     *
     * @param facts the host, the CPU choice and the linkers
     * @param host  the host they describe
     * @param basis what to say about them in the plan's basis
     */
    record Facts(List<Object> facts, Host host, List<String> basis) {
    }

    /**
     * @param request the request
     * @return the facts for its host and CPU choice
     * @throws AdvisorException for a {@code --target-cpu} the host's rustc (or, without rustc, the knowledge) does not know
     */
    Facts facts(Request request) {
        Host host = request.host().orElseGet(() -> Host.assumed(knowledge.targets().assumedHost(), "no host facts given"));
        String triple = host.triple();
        String arch = cfg(triple, "target_arch").orElse(triple.contains("-") ? triple.substring(0, triple.indexOf('-')) : triple);
        String os = cfg(triple, "target_os").orElse(triple.contains("-linux") ? "linux" : "");
        int minor = host.rustcMinor() > 0 ? host.rustcMinor() : PlanProjects.minor(knowledge.targets().assumedRust());
        List<Object> out = new ArrayList<>();
        List<String> basis = new ArrayList<>();
        out.add(new HostFact(triple, arch, os, minor, host.detected()));
        basis.add(host.detected()
                ? "host `" + triple + "`, rustc " + host.rustc().orElse("?") + " (" + host.note() + "): the `" + ConfigLine.FILE
                + "` lines are for `[target." + triple + "]`"
                : "host assumed: `" + triple + "` with rustc " + host.rustc().orElse(knowledge.targets().assumedRust()) + " (" + host.note() + ")");
        if (request.targetCpu().isPresent()) {
            CpuChoice cpu = cpuChoice(request.targetCpu().get().strip(), host, arch, basis);
            out.add(cpu);
        }
        if (os.equals("linux")) {
            for (String id : LINKERS) knowledge.targets().linker(id).ifPresent(l -> out.add(linkerFact(l, host, minor)));
        }
        return new Facts(out, host, basis);
    }

    /** The {@code cfg} value a triple has ({@code target_arch} → {@code x86_64}), from knowledge/targets.toml. */
    private Optional<String> cfg(String triple, String name) {
        for (String c : knowledge.targets().tripleCfgs().getOrDefault(triple, List.of())) {
            if (c.startsWith(name + "=\"") && c.endsWith("\"")) return Optional.of(c.substring(name.length() + 2, c.length() - 1));
        }
        return Optional.empty();
    }

    private CpuChoice cpuChoice(String level, Host host, String arch, List<String> basis) {
        Map<String, CpuLevel> levels = knowledge.targets().cpuLevels();
        if (level.isEmpty()) throw new AdvisorException(Problem.of("--target-cpu", "no CPU given: name one, e.g. `--target-cpu x86-64-v3`"));
        if (host.targetCpus().isPresent()) {
            List<String> names = host.targetCpus().get();
            if (!names.contains(level)) {
                throw new AdvisorException(Problem.of("--target-cpu", "unknown CPU `" + level + "` for `" + host.triple()
                        + "`: `rustc --print target-cpus` does not list it; " + didYouMean(level, names)
                        .orElse("it lists " + names.size() + " names, `native` and `"
                                + names.stream().filter(n -> n.startsWith(arch.replace('_', '-'))).findFirst().orElse(names.get(0))
                                + "` among them")));
            }
        } else {
            CpuLevel known = levels.get(level);
            List<String> ids = levels.values().stream().filter(c -> c.kind() != CpuLevel.Kind.NAMED).map(CpuLevel::id).toList();
            if (known == null) {
                Optional<String> close = didYouMean(level, ids);
                if (close.isPresent()) throw new AdvisorException(Problem.of("--target-cpu", "unknown CPU `" + level + "`; " + close.get()));
            } else if (!known.arch().isEmpty() && !known.arch().equals(arch)) {
                throw new AdvisorException(Problem.of("--target-cpu", "`" + level + "` is a CPU of " + known.arch() + ", not of `"
                        + host.triple() + "`"));
            }
            basis.add("`--target-cpu " + level + "` not checked against rustc's CPU names: rustc could not be asked ("
                    + host.note() + ")");
        }
        CpuLevel row = knowledge.targets().cpuLevel(level).orElseThrow();
        String kind = row.kind().name().toLowerCase(java.util.Locale.ROOT);
        return new CpuChoice(level, kind, row.portable(), row.requires(), host.nativeCpu().orElse(""));
    }

    /** {@code did you mean `a`?}, or {@code did you mean `a`, `b` or `c`?} for names equally close. */
    private static Optional<String> didYouMean(String typed, List<String> names) {
        List<String> close = Suggestions.closest(typed, names, 3);
        if (close.isEmpty()) return Optional.empty();
        List<String> quoted = close.stream().map(c -> "`" + c + "`").toList();
        String list = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return Optional.of("did you mean " + list + "?");
    }

    private HostLinker linkerFact(Linker l, Host host, int minor) {
        String triple = host.triple();
        Optional<String> since = l.defaultSince(triple);
        boolean hostDefault = since.map(s -> minor >= PlanProjects.minor(s)).orElse(false);
        List<String> missing = l.needs().stream().filter(p -> !host.programs().containsKey(p)).toList();
        String driver = "";
        String found;
        if (!host.detected() && host.programs().isEmpty()) {
            found = "not looked for: " + host.note();
        } else if (!missing.isEmpty()) {
            found = "`" + String.join("`, `", missing) + "` not on PATH";
        } else {
            List<String> at = new ArrayList<>();
            for (String p : l.needs()) at.add("`" + host.programs().get(p) + "`");
            Optional<String> cc = host.cc();
            boolean ccCan = cc.map(c -> c.startsWith("clang") || l.gccSince().isEmpty() || atLeast(c.substring(4), l.gccSince())).orElse(false);
            String ccText = cc.map(c -> "`cc` is " + (c.startsWith("gcc") ? "GCC" : "clang") + c.substring(c.indexOf(' '))).orElse("`cc` not found");
            if (ccCan) driver = "cc";
            else if (host.programs().containsKey("clang")) driver = "clang";
            found = String.join(", ", at) + "; " + ccText + (driver.equals("clang") ? ", `clang` at `" + host.programs().get("clang") + "`"
                    : driver.isEmpty() ? " and no `clang`: " + l.driver() + " is needed" : "");
        }
        return new HostLinker(l.id(), !driver.isEmpty(), driver, hostDefault, since.orElse(""), found);
    }

    /** Whether a dotted version is at least another ({@code 12.2.0} ≥ {@code 12.1}). */
    static boolean atLeast(String version, String min) {
        String[] a = version.split("\\.");
        String[] b = min.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? parse(a[i]) : 0;
            int y = i < b.length ? parse(b[i]) : 0;
            if (x != y) return x > y;
        }
        return true;
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.replaceAll("\\D.*$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What the rules concluded, as a plan's parts.
     *
     * @param config     the config lines
     * @param configToml the config part, ready to paste
     * @param why        what every line shares
     * @param notes      the target notes
     */
    record Assembled(List<ConfigLine> config, String configToml, List<String> why, List<NoteAdvice> notes) {
    }

    Assembled assemble(List<TargetAdvice> advice, Host host) {
        List<TargetAdvice> sorted = new ArrayList<>(advice);
        sorted.sort(Comparator.comparing(TargetAdvice::kind).thenComparing(a -> order(a.option())).thenComparing(TargetAdvice::option)
                .thenComparing(TargetAdvice::value).thenComparing(TargetAdvice::rule).thenComparing(a -> a.args().getOrDefault("goal", "")));
        List<String> table = List.of("target", host.triple());
        Map<String, List<TargetAdvice>> lines = new LinkedHashMap<>(); // linker first, then the flags in order
        List<NoteAdvice> notes = new ArrayList<>();
        Set<String> noted = new LinkedHashSet<>();
        for (TargetAdvice a : sorted) {
            if (a.kind().equals("note")) {
                if (noted.add(a.rule())) notes.add(new NoteAdvice(a.option(), a.rule(), message(a), urls(a.rule())));
                continue;
            }
            lines.computeIfAbsent(a.kind() + " " + a.option() + "=" + a.value(), k -> new ArrayList<>()).add(a);
        }
        List<ConfigLine> config = new ArrayList<>();
        List<String> keys = new ArrayList<>(lines.keySet());
        keys.sort(Comparator.comparing((String k) -> !k.startsWith("linker "))); // stable: the linker first, then the flags in order
        for (String k : keys) {
            List<TargetAdvice> same = lines.get(k);
            TargetAdvice first = same.get(0);
            Set<String> goals = new LinkedHashSet<>();
            for (TargetAdvice a : same) if (!a.args().getOrDefault("goal", "").isEmpty()) goals.add(a.args().get("goal"));
            boolean linker = first.kind().equals("linker");
            List<String> args = linker ? List.of(first.value()) : List.of("-C", first.option() + "=" + first.value());
            config.add(new ConfigLine(table, linker ? "linker" : "rustflags", args, first.option(), first.value(), List.copyOf(goals),
                    first.rule(), message(first), urls(first.rule())));
        }
        List<String> why = new ArrayList<>();
        if (!config.isEmpty()) {
            for (String id : List.of("rustflags-every-profile", "rustflags-one-source")) {
                knowledge.targets().fact(id).map(TargetFact::text).ifPresent(why::add);
            }
        }
        return new Assembled(config, render(config), why, notes);
    }

    private static int order(String option) {
        int i = FLAG_ORDER.indexOf(option);
        return i < 0 ? FLAG_ORDER.size() : i;
    }

    /** Filled messages by advice (a rule and its arguments: a small set per host), so requests do not fill them again. */
    private final Map<TargetAdvice, String> messages = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<String>> urlsByRule = new java.util.concurrent.ConcurrentHashMap<>();

    private String message(TargetAdvice a) {
        String known = messages.get(a);
        if (known != null) return known;
        RuleDoc doc = catalog.docs().get(a.rule());
        String filled = doc == null ? a.rule() : MessageTemplate.fill(doc.message(), doc.parts(), a.args());
        if (messages.size() > 4_096) messages.clear(); // bounded: arguments come from the request's goals and the host
        messages.put(a, filled);
        return filled;
    }

    private List<String> urls(String rule) {
        return urlsByRule.computeIfAbsent(rule, r -> {
            RuleDoc doc = catalog.docs().get(r);
            Set<String> out = new LinkedHashSet<>();
            if (doc != null) for (String source : doc.sourceKeys()) out.add(knowledge.url(source));
            return List.copyOf(out);
        });
    }

    /**
     * The config part of a plan: the host's table with the linker and one rustflags array, each flag on its own line
     * with the goals that asked for it.
     */
    static String render(List<ConfigLine> config) {
        if (config.isEmpty()) return "";
        StringBuilder s = new StringBuilder("[").append(header(config.get(0).table())).append("]\n");
        for (ConfigLine c : config) {
            if (!c.key().equals("linker")) continue;
            s.append("linker = ").append(quoted(c.value())).append("  # ").append(String.join(", ", c.goals())).append('\n');
        }
        List<ConfigLine> flags = config.stream().filter(c -> c.key().equals("rustflags")).toList();
        if (!flags.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (ConfigLine c : flags) items.add(quoted(c.args().get(0)) + ", " + quoted(c.args().get(1)) + ",");
            int width = items.stream().mapToInt(String::length).max().orElse(0);
            s.append("rustflags = [\n");
            for (int i = 0; i < flags.size(); i++) {
                s.append("    ").append(items.get(i)).append(" ".repeat(width - items.get(i).length())).append("  # ")
                        .append(String.join(", ", flags.get(i).goals())).append('\n');
            }
            s.append("]\n");
        }
        return s.toString();
    }

    private static String header(List<String> table) {
        StringBuilder out = new StringBuilder();
        for (String k : table) {
            if (!out.isEmpty()) out.append('.');
            out.append(k.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_') && !k.isEmpty() ? k : quoted(k));
        }
        return out.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
