package dev.profileadvisor.audit;

import dev.profileadvisor.Severity;

import dev.profileadvisor.recommend.SettingAdvice;

import dev.profileadvisor.recommend.Request;

import dev.profileadvisor.recommend.Trace;

import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.recommend.Recommender;

import dev.profileadvisor.knowledge.Alias;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.ProfileInfo;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.knowledge.Suggestions;
import dev.profileadvisor.manifest.ChainProblem;
import dev.profileadvisor.manifest.DependencyGraph;
import dev.profileadvisor.manifest.EffectiveProfile;
import dev.profileadvisor.manifest.EffectiveSetting;
import dev.profileadvisor.manifest.Literals;
import dev.profileadvisor.manifest.Manifest;
import dev.profileadvisor.manifest.ManifestReader;
import dev.profileadvisor.manifest.Origin;
import dev.profileadvisor.manifest.ProfileEntry;
import dev.profileadvisor.manifest.LockFile;
import dev.profileadvisor.manifest.ProfileResolver;
import dev.profileadvisor.manifest.Project;
import dev.profileadvisor.manifest.SourceScan;
import dev.profileadvisor.manifest.ValueCheck;
import dev.profileadvisor.facts.AuditEntry;
import dev.profileadvisor.facts.AuditProfile;
import dev.profileadvisor.facts.EffectiveFact;
import dev.profileadvisor.facts.Finding;
import dev.profileadvisor.facts.OverrideSpec;
import dev.profileadvisor.facts.PackageFact;
import dev.profileadvisor.facts.Recommended;
import dev.profileadvisor.facts.SharedDependency;
import dev.profileadvisor.facts.ValueStatus;
import dev.profileadvisor.facts.UnstableKeyFact;
import dev.profileadvisor.facts.WorkspaceFact;
import dev.profileadvisor.knowledge.UnstableKey;
import dev.profileadvisor.facts.Decision;
import dev.profileadvisor.facts.TargetProfile;
import dev.profileadvisor.engine.RuleBase;
import dev.profileadvisor.catalog.RuleCatalog;
import dev.profileadvisor.catalog.RuleDoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a project into audit facts, runs the audit rules, and renders their findings with the documented messages.
 * Thread-safe.
 */
public final class Auditor {
    private static final Set<String> STRUCTURAL_KEYS = Set.of("inherits", "package", "build-override");

    private final Knowledge knowledge;
    private final java.util.function.Supplier<RuleBase> rules;
    private final RuleCatalog catalog;
    private final Recommender recommender;

    /**
     * @param knowledge   what the rules check against
     * @param rules       the compiled audit rules, asked for when first needed
     * @param catalog     the rules' documentation: severities, messages, fixes
     * @param recommender for audits with goals: what the goals would choose
     */
    public Auditor(Knowledge knowledge, java.util.function.Supplier<RuleBase> rules, RuleCatalog catalog, Recommender recommender) {
        this.knowledge = knowledge;
        this.rules = rules;
        this.catalog = catalog;
        this.recommender = recommender;
    }

    /**
     * Audits every workspace a request names, in parallel.
     *
     * @param request  manifests or directories, goals (already checked), environment
     * @param progress hears the number of workspaces, then each one audited
     * @return the report; inputs that cannot be audited are listed in its errors
     */
    public AuditReport audit(AuditRequest request, AuditProgress progress) {
        return Workspaces.audit(request, knowledge, this, progress);
    }

    /**
     * @param project the loaded workspace
     * @param named   how the report names the workspace's manifest
     * @param goals   resolved goals, may be empty
     * @return the effective profiles and the findings
     */
    public WorkspaceAudit audit(Project project, String named, List<GoalWeight> goals) {
        return audit(project, named, goals, Optional.empty());
    }

    /**
     * @param project the loaded workspace
     * @param named   how the report names the workspace's manifest
     * @param goals   resolved goals, may be empty
     * @param target  the target triple ({@code --target}); empty: {@code build.target} or the host
     * @return the effective profiles, the target settings and the findings
     */
    public WorkspaceAudit audit(Project project, String named, List<GoalWeight> goals, Optional<String> target) {
        return audit(project, named, goals, target, List.of());
    }

    /**
     * @param project the loaded workspace
     * @param named   how the report names the workspace's manifest
     * @param goals   resolved goals, may be empty
     * @param target  the target triple ({@code --target}); empty: {@code build.target} or the host
     * @param levels  finding ids allowed or denied from outside the project, in the order given (already checked);
     *                they beat the manifests' {@code allow} lists ({@link Allowances})
     * @return the effective profiles, the target settings and the findings, the allowed ones marked
     */
    public WorkspaceAudit audit(Project project, String named, List<GoalWeight> goals, Optional<String> target, List<RuleLevel> levels) {
        Map<String, EffectiveProfile> effective = ProfileResolver.resolveAll(project, knowledge);
        TargetFacts targetFacts = new TargetFacts(knowledge, project, target, effective);
        List<ProfileEntry> entries = project.layeredEntries();

        List<Object> facts = new ArrayList<>();
        DependencyGraph graph = DependencyGraph.of(project, lockOf(project));
        List<OverrideSpec> specs = overrideSpecs(project, entries, graph);
        OverrideValues overrides = new OverrideValues(knowledge, effective, project.packageNames(), graph::source);
        Map<String, String> inherits = new HashMap<>(); // each profile's own `inherits` string, the last layer winning
        for (ProfileEntry e : entries) {
            if (e.inProfileTable() && e.key().equals("inherits") && e.value() instanceof String s) inherits.put(e.profile(), s);
        }
        for (EffectiveProfile p : effective.values()) facts.add(profileFact(project, inherits.getOrDefault(p.name(), ""), p));
        for (ProfileEntry e : entries) facts.add(entryFact(e, effective, overrides, specs));
        for (EffectiveProfile p : effective.values()) {
            if (p.problem().isPresent()) continue;
            for (EffectiveSetting s : p.settings()) {
                if (s.value().isEmpty()) continue;
                SettingValue v = s.value().get();
                Origin o = s.origin();
                facts.add(new EffectiveFact(p.name(), p.root(), s.key(), v.id(), s.display(), !s.explicit() && v.isUnwritten(),
                        v.traits(), s.explicit(),
                        o.kind() == Origin.Kind.DEFAULT ? "" : location(o), o.line(), o.column(), s.setIn()));
            }
        }
        // Reading sources is the costly part of an audit; only panic = "abort" needs it (panic-abort-with-catch-unwind).
        boolean aborts = effective.values().stream().flatMap(p -> p.settings().stream())
                .anyMatch(s -> s.value().map(v -> v.traits().contains("aborts-on-panic")).orElse(false));
        for (Manifest m : project.manifests()) facts.add(packageFact(project, m, aborts));
        Origin members = project.root().membersAt();
        List<String> missing = project.missingMembers();
        facts.add(new WorkspaceFact(project.root().display(), members.line(), members.column(), missing, missing.isEmpty(),
                graph.outsideDependencies()));
        facts.addAll(specs);
        for (DependencyGraph.Shared d : graph.hostAndTarget()) {
            facts.add(new SharedDependency(d.name(), d.hostFor(), d.targetFor()));
            for (String profile : effective.keySet()) facts.addAll(overrides.units(profile, d.name()));
        }
        for (UnstableKey u : knowledge.unstableKeys().values()) {
            boolean manifest = u.optIn() == UnstableKey.OptIn.CARGO_FEATURES;
            facts.add(new UnstableKeyFact(u.key(), u.feature(), manifest ? u.feature() : "", manifest ? "" : u.feature(), u.refused()));
        }
        if (!goals.isEmpty()) facts.addAll(recommended(goals, effective));
        facts.addAll(targetFacts.facts);
        facts.addAll(Allowances.facts(project, catalog.docs()));

        RuleBase.Outcome out = rules.get().run(facts);
        List<AuditFinding> findings = out.all(Finding.class).stream().map(this::render).distinct()
                .sorted(Comparator.comparing(AuditFinding::file).thenComparingInt(AuditFinding::line)
                        .thenComparingInt(AuditFinding::column).thenComparing(AuditFinding::id)
                        .thenComparing(AuditFinding::message)).toList(); // working memory has no order: same input, same report
        findings = Allowances.apply(findings, project, levels);
        List<ProfileReport> profiles = effective.values().stream().map(p -> report(p, targetFacts)).toList();
        return new WorkspaceAudit(named, project.root().display(), profiles, findings, targetFacts.report);
    }

    private static ProfileReport report(EffectiveProfile p, TargetFacts target) {
        List<SettingReport> settings = p.settings().stream().map(s -> SettingReport.of(s, p)).toList();
        return new ProfileReport(p.name(), p.chain(), p.problem(), settings, p.rustcFlags(), target.line(p));
    }

    private AuditProfile profileFact(Project project, String inherits, EffectiveProfile p) {
        String name = p.name();
        ProfileInfo info = knowledge.profiles().get(name);
        boolean builtIn = info != null && info.builtIn();
        Optional<Origin> decl = project.root().declaration(name)
                .or(() -> project.configs().stream().map(c -> c.declarations().get(name)).filter(java.util.Objects::nonNull).findFirst())
                .or(() -> project.env().stream().filter(e -> e.profile().equals(name)).map(ProfileEntry::origin).findFirst());
        boolean reserved = knowledge.reservedNames().contains(name) || (name.startsWith("cargo") && !builtIn);
        return new AuditProfile(name, builtIn, reserved, knowledge.deprecatedNames().contains(name), decl.isPresent(),
                decl.map(Auditor::location).orElse(project.root().display()), decl.map(Origin::line).orElse(0),
                decl.map(Origin::column).orElse(0), inherits, p.problemKind(),
                p.problemKind() == ChainProblem.NONE ? p.root() : "", p.chain(), p.dependencyDebuginfo(),
                p.problemKind() == ChainProblem.NONE && p.chain().size() > 1 ? p.chain().get(1) : "");
    }

    /** Cargo.lock, read once and only when asked (a spec naming an indirect dependency, a shared dependency). */
    private static java.util.function.Supplier<List<LockFile.Locked>> lockOf(Project project) {
        return new java.util.function.Supplier<>() {
            private List<LockFile.Locked> read;

            @Override
            public List<LockFile.Locked> get() {
                if (read == null) read = LockFile.packages(project.root().dir());
                return read;
            }
        };
    }

    private AuditEntry entryFact(ProfileEntry e, Map<String, EffectiveProfile> effective, OverrideValues overrides,
                                 List<OverrideSpec> specs) {
        Origin o = e.origin();
        String file = location(o);
        Optional<Setting> setting = knowledge.setting(e.key());
        ValueStatus status;
        String failsIn = "";
        String reason = "";
        String valueId = "";
        Set<String> traits = Set.of();
        String since = "";
        String closest = "";
        if (setting.isPresent()) {
            ValueCheck check = ValueCheck.of(knowledge, e.key(), e.value());
            status = switch (check.status()) {
                case VALID -> ValueStatus.VALID;
                case INVALID -> ValueStatus.INVALID;
                case IGNORED -> ValueStatus.IGNORED;
            };
            failsIn = check.failsIn();
            reason = check.reason();
            if (check.value().isPresent()) {
                SettingValue v = check.value().get();
                valueId = v.id();
                traits = v.traits();
                since = newest(setting.get().since(), spellingSince(v, e.value()));
            }
        } else if (knowledge.unstableKeys().containsKey(e.key())) {
            status = ValueStatus.UNSTABLE_KEY;
        } else if (STRUCTURAL_KEYS.contains(e.key())) {
            status = ValueStatus.OTHER;
            if (e.key().equals("inherits")) since = knowledge.customProfilesSince();
        } else {
            status = ValueStatus.UNKNOWN_KEY;
            List<String> known = new ArrayList<>(knowledge.settings().keySet());
            known.addAll(STRUCTURAL_KEYS);
            closest = Suggestions.closest(e.key(), known).orElse("");
        }
        String inherited = setting.isPresent() && e.inProfileTable() ? inheritedValue(effective, e) : "";
        String inheritedFrom = "";
        String inheritedIn = "";
        boolean reaches = e.table().equals("build-override") || e.table().startsWith("package.")
                && specs.stream().anyMatch(x -> x.profile().equals(e.profile()) && e.table().equals("package." + x.spec()) && x.matches());
        if (status == ValueStatus.VALID && !e.inProfileTable() && setting.get().allowedInOverrides() && reaches) {
            Optional<OverrideValues.Value> without = overrides.without(e);
            if (without.isPresent()) {
                inherited = without.get().id();
                inheritedFrom = without.get().header();
                inheritedIn = without.get().in();
            }
        }
        ProfileInfo info = knowledge.profiles().get(e.profile());
        boolean ignored = info != null && info.ignores().contains(e.key());
        return new AuditEntry(e.profile(), e.table(), e.key(), e.toml(), file, o.kind(), o.line(), o.column(), status,
                setting.map(Setting::kind).orElse(null), failsIn, reason, valueId, traits, inherited,
                setting.map(Setting::allowedInOverrides).orElse(true), ignored, since, closest,
                OverrideValues.header(e.profile(), e.table()), inheritedFrom, inheritedIn);
    }

    /** The value the key would have in the entry's profile without that profile's own tables. */
    private String inheritedValue(Map<String, EffectiveProfile> effective, ProfileEntry e) {
        EffectiveProfile p = effective.get(e.profile());
        if (p == null || p.problem().isPresent()) return "";
        if (p.chain().size() == 1) return knowledge.defaultValue(p.root(), null, e.key()).id();
        EffectiveProfile parent = effective.get(p.chain().get(1));
        if (parent == null || parent.problem().isPresent()) return "";
        return parent.setting(e.key()).flatMap(EffectiveSetting::valueId).orElse("");
    }

    private static String spellingSince(SettingValue v, Object raw) {
        for (Alias a : v.aliases()) if (java.util.Objects.equals(Literals.parseKnown(a.toml()), raw)) return a.since().isEmpty() ? v.since() : a.since();
        return v.since();
    }

    private static String newest(String a, String b) {
        if (a == null || a.isEmpty()) return b == null ? "" : b;
        if (b == null || b.isEmpty()) return a;
        return dev.profileadvisor.facts.Versions.older(a, b) ? b : a;
    }

    private PackageFact packageFact(Project project, Manifest m, boolean scanSources) {
        boolean root = m.path().equals(project.root().path());
        Origin first = m.declarations().values().stream().findFirst().orElse(new Origin(Origin.Kind.MANIFEST, m.display(), 0, 0));
        String rustVersion = m.rustVersion().equals(ManifestReader.INHERIT_FROM_WORKSPACE) ? project.workspaceRustVersion() : m.rustVersion();
        return new PackageFact(m.display(), m.packageName(), root, m.hasProfiles(), first.line(), first.column(), m.hasLib(),
                m.hasBin(), rustVersion, m.packageName().isEmpty() || !scanSources ? "" : SourceScan.firstCatchUnwind(m));
    }

    private List<OverrideSpec> overrideSpecs(Project project, List<ProfileEntry> entries, DependencyGraph graph) {
        Set<String> known = new LinkedHashSet<>(project.packageNames());
        known.addAll(project.dependencyNames());
        boolean lockNeeded = entries.stream().anyMatch(e -> e.table().startsWith("package.")
                && !e.table().equals("package.*") && !known.contains(e.table().substring(8).replaceFirst("[@:].*$", "")));
        if (lockNeeded) graph.lockPackages().forEach(l -> known.add(l.name())); // only for specs naming indirect dependencies
        Map<String, OverrideSpec> out = new LinkedHashMap<>();
        for (ProfileEntry e : entries) {
            if (!e.table().startsWith("package.")) continue;
            String spec = e.table().substring("package.".length());
            String name = spec.replaceFirst("[@:].*$", "");
            boolean matches = spec.equals("*") || known.contains(name);
            String closest = matches ? "" : Suggestions.closest(name, known).orElse(""); // only an unmatched spec shows it
            Origin o = e.origin();
            boolean star = spec.equals("*");
            out.computeIfAbsent(e.profile() + "\u0000" + spec + "\u0000" + o.file(),
                    k -> new OverrideSpec(e.profile(), spec, location(o), o.line(), o.column(), matches, closest, star ? "*" : name,
                            !star && project.packageNames().contains(name), star || !matches ? "" : graph.source(name)));
        }
        return List.copyOf(out.values());
    }

    /**
     * What the goals would choose for their profile: a {@link Recommended} for each value in force that works against
     * them, and the goals' decisions themselves (the {@link TargetProfile} and a {@link Decision} per key a goal
     * argues about), so that a rule can leave alone what {@code recommend} and {@code apply} chose.
     */
    private List<Object> recommended(List<GoalWeight> goals, Map<String, EffectiveProfile> effective) {
        String profile = recommender.target(new Request(goals, Optional.empty(), Optional.empty()),
                recommender.resolveGoals(goals)).name();
        EffectiveProfile p = effective.get(profile);
        if (p == null || p.problem().isPresent()) return List.of();
        Request request = new Request(goals, Optional.of(profile),
                knowledge.profiles().containsKey(profile) || p.chain().size() < 2 ? Optional.empty() : Optional.of(p.chain().get(1)));
        Trace trace = recommender.decide(request);
        List<String> goalNames = trace.recommendation().goals().stream().map(GoalWeight::goal).toList();
        List<Object> out = new ArrayList<>();
        out.add(new TargetProfile(profile, p.root(), List.of()));
        trace.decisions().forEach((key, value) -> {
            if (!key.contains(".") && trace.argues(key)) out.add(new Decision("profile", key, value)); // the profile table's own decisions
        });
        for (EffectiveSetting s : p.settings()) {
            String rec = trace.decisions().get(s.key());
            Optional<String> have = s.valueId();
            if (have.isEmpty() || !trace.worksAgainst(s.key(), have.get())) continue;
            SettingValue rv = knowledge.setting(s.key()).orElseThrow().value(rec).orElseThrow();
            String reason = trace.recommendation().setting(s.key()).map(SettingAdvice::reason)
                    .or(() -> trace.recommendation().kept().stream().filter(k -> k.key().equals(s.key())).findFirst().map(SettingAdvice::reason))
                    .orElse("");
            out.add(new Recommended(profile, s.key(), rec, rv.toml(), goalNames, reason));
        }
        return out;
    }

    private AuditFinding render(Finding f) {
        RuleDoc doc = catalog.docs().get(f.rule());
        if (doc == null) {
            return new AuditFinding(f.rule(), Severity.WARNING, f.file(), f.line(), f.column(), f.rule(), "", List.of());
        }
        Severity severity = doc.severity().orElse(Severity.NOTE);
        Map<String, String> args = new LinkedHashMap<>();
        f.args().forEach((k, v) -> args.put(k, Literals.shown(v))); // a 3 MB value once per message is enough to stall
        return new AuditFinding(f.rule(), severity, f.file(), f.line(), f.column(), doc.messageWith(args),
                doc.fixWith(args), doc.sourcesWith(f.args()).stream().map(knowledge::url).toList());
    }

    private static String location(Origin o) {
        return o.kind() == Origin.Kind.ENV ? "env " + o.file() : o.file();
    }
}
