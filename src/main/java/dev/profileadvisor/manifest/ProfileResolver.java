package dev.profileadvisor.manifest;

import dev.profileadvisor.cargo.RustcFlags;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a profile the way cargo 1.95 does: the root profile's built-in defaults, then each profile of the
 * {@code inherits} chain from the root down, each one's keys merged from {@code Cargo.toml}, the config files
 * (deeper wins) and {@code CARGO_PROFILE_*} variables, last one winning; {@code incremental} is then replaced by
 * {@code CARGO_INCREMENTAL} or {@code build.incremental} when either is set ({@link TargetResolver#incremental}).
 */
public final class ProfileResolver {
    private static final Map<String, String> BUILT_IN_PARENT = Map.of("test", "dev", "bench", "release", "doc", "dev");
    private static final Set<String> ROOTS = Set.of("dev", "release");

    private ProfileResolver() {
    }

    /**
     * @param project   the project
     * @param knowledge knowledge (defaults, values, flags)
     * @param name      the profile to resolve
     * @return the effective profile
     */
    public static EffectiveProfile resolve(Project project, Knowledge knowledge, String name) {
        return resolve(project, knowledge, name, new Layers(project));
    }

    /**
     * Resolves every profile cargo provides or the workspace defines, merging the layers once.
     *
     * @param project   the project
     * @param knowledge knowledge
     * @return profile name → effective profile, in {@link #profilesOf(Project)} order
     */
    public static Map<String, EffectiveProfile> resolveAll(Project project, Knowledge knowledge) {
        Layers layers = new Layers(project);
        Map<String, EffectiveProfile> out = new LinkedHashMap<>();
        for (String name : profilesOf(project)) out.put(name, resolve(project, knowledge, name, layers));
        return out;
    }

    /** Each profile's keys merged over manifest, configs and env (last wins), for its own table and its overrides. */
    private static final class Layers {
        final Map<String, Map<String, ProfileEntry>> defs = new LinkedHashMap<>();
        final Map<String, Map<String, ProfileEntry>> overrideDefs = new LinkedHashMap<>();
        /** whether every member was found: computed once, every profile asks it */
        final boolean graphKnown;

        Layers(Project project) {
            graphKnown = project.graphKnown();
            for (ProfileEntry e : project.layeredEntries()) {
                if (e.inProfileTable()) defs.computeIfAbsent(e.profile(), k -> new LinkedHashMap<>()).put(e.key(), e);
                else overrideDefs.computeIfAbsent(e.profile(), k -> new LinkedHashMap<>()).put(e.table() + "\u0000" + e.key(), e);
            }
        }
    }

    private static EffectiveProfile resolve(Project project, Knowledge knowledge, String name, Layers layers) {
        Map<String, Map<String, ProfileEntry>> defs = layers.defs;
        Map<String, Map<String, ProfileEntry>> overrideDefs = layers.overrideDefs;
        List<String> chain = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        ChainProblem kind = ChainProblem.NONE;
        String p = name;
        Set<String> seen = new LinkedHashSet<>();
        while (true) {
            if (!seen.add(p)) {
                problem = Optional.of("profile inheritance loop: " + String.join(" → ", chain) + " → " + p);
                kind = ChainProblem.CYCLE;
                break;
            }
            chain.add(p);
            if (ROOTS.contains(p)) break;
            ProfileEntry inherits = defs.getOrDefault(p, Map.of()).get("inherits");
            String parent = inherits != null && inherits.value() instanceof String s ? s : BUILT_IN_PARENT.get(p);
            if (parent == null) {
                problem = Optional.of("profile `" + p + "` has no `inherits`");
                kind = ChainProblem.MISSING_INHERITS;
                break;
            }
            if (!ROOTS.contains(parent) && !BUILT_IN_PARENT.containsKey(parent) && !defs.containsKey(parent)) {
                problem = Optional.of("profile `" + p + "` inherits from `" + parent + "`, which is not defined");
                kind = ChainProblem.UNKNOWN_INHERITS;
                break;
            }
            p = parent;
        }
        if (problem.isPresent()) return new EffectiveProfile(name, chain, problem, kind, List.of(), List.of(), Optional.empty(), false, Map.of());

        String root = chain.get(chain.size() - 1);
        List<EffectiveSetting> settings = new ArrayList<>();
        boolean allValid = true;
        for (Setting s : knowledge.settings().values()) {
            SettingValue dflt = knowledge.defaultValue(root, null, s.key());
            EffectiveSetting eff = new EffectiveSetting(s.key(), Optional.empty(), Optional.of(dflt),
                    new ValueCheck(ValueCheck.Status.VALID, Optional.of(dflt), dflt.flags(), "", ""), Origin.DEFAULT, "");
            for (int i = chain.size() - 1; i >= 0; i--) {
                ProfileEntry e = defs.getOrDefault(chain.get(i), Map.of()).get(s.key());
                if (e == null) continue;
                ValueCheck check = ValueCheck.of(knowledge, s.key(), e.value());
                Optional<SettingValue> v = check.isValid() ? check.value() : check.status() == ValueCheck.Status.IGNORED
                        ? Optional.of(dflt) : Optional.empty();
                eff = new EffectiveSetting(s.key(), Optional.of(e), v, check, e.origin(), chain.get(i));
            }
            if (s.key().equals("incremental")) {
                // CARGO_INCREMENTAL and build.incremental beat every profile's `incremental` (verified, targets check 9)
                Optional<ProfileEntry> outside = TargetResolver.incremental(project, name);
                if (outside.isPresent()) {
                    ProfileEntry e = outside.get();
                    ValueCheck check = ValueCheck.of(knowledge, s.key(), e.value());
                    eff = new EffectiveSetting(s.key(), Optional.of(e), check.value(), check, e.origin(), "");
                }
            }
            if (eff.check().status() == ValueCheck.Status.INVALID) allValid = false;
            settings.add(eff);
        }
        Map<String, ProfileEntry> overrides = new LinkedHashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) overrides.putAll(overrideDefs.getOrDefault(chain.get(i), Map.of()));
        Optional<ProfileEntry> dependencyDebug = dependencyDebuginfo(knowledge, overrides.values(), project, layers.graphKnown);
        boolean dependencyDebuginfo = dependencyDebug.isPresent();
        Optional<List<String>> flags = allValid
                ? Optional.of(List.copyOf(flags(knowledge, settings, dependencyDebuginfo)))
                : Optional.empty();
        return new EffectiveProfile(name, chain, Optional.empty(), ChainProblem.NONE, settings, List.copyOf(overrides.values()), flags,
                dependencyDebuginfo, allValid ? implicits(knowledge, settings, dependencyDebug) : Map.of());
    }

    /**
     * The override that gives a dependency of the binary debug info, if any. When members are missing the
     * dependencies are not known: an override is then taken to reach one (it names a package the author builds),
     * so the flags do not show an implicit strip that cargo, seeing the whole graph, would most likely leave out.
     */
    private static Optional<ProfileEntry> dependencyDebuginfo(Knowledge knowledge, java.util.Collection<ProfileEntry> overrides,
                                                              Project project, boolean graphKnown) {
        return overrides.stream().filter(o -> o.key().equals("debug")
                && ValueCheck.of(knowledge, "debug", o.value()).value().map(v -> !v.traits().contains("no-debuginfo")).orElse(false)
                && (!graphKnown || (o.table().startsWith("package.") ? !project.dependencyNames().isEmpty() : mayHaveProcMacros(project))))
                .findFirst();
    }

    /**
     * For each key no table sets that has an implicit value whose condition the profile meets ({@code strip} with
     * debug info off), whether cargo applies it, as {@link RustcFlags#implicitApplies} decides for the flags, and why.
     */
    private static Map<String, EffectiveProfile.Implicit> implicits(Knowledge knowledge, List<EffectiveSetting> settings,
                                                                   Optional<ProfileEntry> dependencyDebug) {
        Map<String, SettingValue> effective = new LinkedHashMap<>();
        for (EffectiveSetting s : settings) effective.put(s.key(), s.value().orElseThrow());
        Map<String, EffectiveProfile.Implicit> out = new LinkedHashMap<>();
        for (EffectiveSetting s : settings) {
            Setting setting = knowledge.setting(s.key()).orElseThrow();
            if (s.explicit() || setting.implicit().isEmpty()) continue;
            Setting.Implicit i = setting.implicit().get();
            if (!RustcFlags.implicitApplies(i, effective, false)) continue; // the condition is not met by the profile itself
            SettingValue v = setting.value(i.value()).orElseThrow();
            if (dependencyDebug.isEmpty()) {
                out.put(s.key(), new EffectiveProfile.Implicit(v, true, "debug info is off in the binary and every dependency, so cargo strips it"));
            } else {
                ProfileEntry e = dependencyDebug.get();
                out.put(s.key(), new EffectiveProfile.Implicit(v, false, "no implicit strip: `" + e.assignment() + "` in `[profile."
                        + e.profile() + "." + e.table() + "]` (" + e.origin() + ") gives a dependency debug info"));
            }
        }
        return out;
    }

    private static Set<String> flags(Knowledge knowledge, List<EffectiveSetting> settings, boolean dependencyDebuginfo) {
        Map<String, SettingValue> effective = new LinkedHashMap<>();
        Map<String, List<String>> spelling = new LinkedHashMap<>();
        Set<String> explicit = new LinkedHashSet<>();
        for (EffectiveSetting s : settings) {
            effective.put(s.key(), s.value().orElseThrow());
            if (s.explicit() && s.check().isValid()) {
                spelling.put(s.key(), s.check().flags());
                explicit.add(s.key());
            }
        }
        return RustcFlags.compute(knowledge, effective, spelling, explicit, dependencyDebuginfo);
    }

    /**
     * Whether a proc-macro may be among the binary's dependencies: {@code build-override} applies to build scripts
     * too, but only a proc-macro is a dependency of the binary's own compilation (verified: a build script with
     * debug info leaves the strip in place). Certain for a workspace proc-macro, assumed for registry dependencies.
     */
    private static boolean mayHaveProcMacros(Project project) {
        return project.manifests().stream().anyMatch(Manifest::procMacro)
                || project.dependencyNames().stream().anyMatch(d -> !project.packageNames().contains(d));
    }

    /**
     * @param project a project
     * @return the profiles cargo would use or that are defined: dev, release, test, bench, then custom ones
     */
    public static List<String> profilesOf(Project project) {
        Set<String> out = new LinkedHashSet<>(List.of("dev", "release", "test", "bench"));
        out.addAll(project.definedProfiles());
        return List.copyOf(out);
    }
}
