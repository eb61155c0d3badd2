package dev.profileadvisor.manifest;

import dev.profileadvisor.cargo.RustcFlags;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;

import java.util.ArrayList;
import java.util.HashMap;
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
     * Resolves every profile cargo provides or the workspace defines, merging the layers once and resolving each
     * profile once: a profile starts from its parent's resolution, so time and memory are linear in the number of
     * profiles however long their chains are.
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
        /** each profile's chain and the keys in force along it, once resolved */
        final Map<String, Chained> chained = new HashMap<>();

        Layers(Project project) {
            graphKnown = project.graphKnown();
            for (ProfileEntry e : project.layeredEntries()) {
                if (e.inProfileTable()) defs.computeIfAbsent(e.profile(), k -> new LinkedHashMap<>()).put(e.key(), e);
                else overrideDefs.computeIfAbsent(e.profile(), k -> new LinkedHashMap<>()).put(e.table() + "\u0000" + e.key(), e);
            }
        }
    }

    /**
     * A profile's chain and what its tables and its ancestors' set, before {@code CARGO_INCREMENTAL} and
     * {@code build.incremental} (which depend on the profile's name).
     *
     * @param chain     the profile and its ancestors
     * @param problem   why cargo cannot use it, or empty
     * @param kind      which problem
     * @param settings  key → its value in force along the chain (knowledge order); empty on a problem
     * @param overrides the override keys in force, ancestors' first; empty on a problem
     */
    private record Chained(List<String> chain, Optional<String> problem, ChainProblem kind, Map<String, EffectiveSetting> settings,
                           Map<String, ProfileEntry> overrides) {
    }

    /** Walks up from {@code name} to a profile already resolved, a root or a problem, then resolves back down. */
    private static Chained chained(Knowledge knowledge, String name, Layers layers) {
        Chained known = layers.chained.get(name);
        if (known != null) return known;
        List<String> path = new ArrayList<>(); // profiles not yet resolved, each inheriting from the next
        Map<String, Integer> onPath = new HashMap<>();
        Chained above = null; // what the last of the path inherits from
        String p = name;
        while (true) {
            Chained done = layers.chained.get(p);
            if (done != null) {
                above = done;
                break;
            }
            Integer loopStart = onPath.get(p);
            if (loopStart != null) {
                List<String> members = List.copyOf(path.subList(loopStart, path.size()));
                String message = "profile inheritance loop: " + ProfileChain.arrows(members, true);
                for (int i = 0; i < members.size(); i++) {
                    layers.chained.put(members.get(i), new Chained(ProfileChain.loop(members, i), Optional.of(message),
                            ChainProblem.CYCLE, Map.of(), Map.of()));
                }
                above = layers.chained.get(path.get(loopStart));
                path.subList(loopStart, path.size()).clear();
                break;
            }
            onPath.put(p, path.size());
            path.add(p);
            if (ROOTS.contains(p)) break;
            ProfileEntry inherits = layers.defs.getOrDefault(p, Map.of()).get("inherits");
            String parent = inherits != null && inherits.value() instanceof String s ? s : BUILT_IN_PARENT.get(p);
            if (parent == null) {
                above = problem(layers, path, "profile `" + p + "` has no `inherits`", ChainProblem.MISSING_INHERITS);
                break;
            }
            if (!ROOTS.contains(parent) && !BUILT_IN_PARENT.containsKey(parent) && !layers.defs.containsKey(parent)) {
                above = problem(layers, path, "profile `" + p + "` inherits from `" + parent + "`, which is not defined",
                        ChainProblem.UNKNOWN_INHERITS);
                break;
            }
            p = parent;
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            above = above == null ? root(knowledge, path.get(i), layers) : child(knowledge, path.get(i), above, layers);
            layers.chained.put(path.get(i), above);
        }
        return layers.chained.get(name);
    }

    /** The last profile of the path has the problem itself (resolved here and taken off the path). */
    private static Chained problem(Layers layers, List<String> path, String message, ChainProblem kind) {
        String p = path.remove(path.size() - 1);
        Chained c = new Chained(ProfileChain.of(p), Optional.of(message), kind, Map.of(), Map.of());
        layers.chained.put(p, c);
        return c;
    }

    private static Chained root(Knowledge knowledge, String root, Layers layers) {
        Map<String, EffectiveSetting> settings = new LinkedHashMap<>();
        for (Setting s : knowledge.settings().values()) {
            SettingValue dflt = knowledge.defaultValue(root, null, s.key());
            settings.put(s.key(), new EffectiveSetting(s.key(), Optional.empty(), Optional.of(dflt),
                    new ValueCheck(ValueCheck.Status.VALID, Optional.of(dflt), dflt.flags(), "", ""), Origin.DEFAULT, ""));
        }
        return own(knowledge, root, root, new Chained(null, Optional.empty(), ChainProblem.NONE, settings, Map.of()), layers,
                ProfileChain.of(root));
    }

    private static Chained child(Knowledge knowledge, String name, Chained parent, Layers layers) {
        ProfileChain chain = ProfileChain.of(name, parent.chain());
        if (parent.problem().isPresent()) return new Chained(chain, parent.problem(), parent.kind(), Map.of(), Map.of());
        return own(knowledge, name, chain.get(chain.size() - 1), parent, layers, chain);
    }

    /** The profile's own keys over what it inherits (the maps are shared when it sets none). */
    private static Chained own(Knowledge knowledge, String name, String root, Chained inherited, Layers layers, ProfileChain chain) {
        Map<String, ProfileEntry> own = layers.defs.getOrDefault(name, Map.of());
        Map<String, EffectiveSetting> settings = inherited.settings();
        if (own.keySet().stream().anyMatch(settings::containsKey)) {
            settings = new LinkedHashMap<>(settings);
            for (Map.Entry<String, EffectiveSetting> s : settings.entrySet()) {
                ProfileEntry e = own.get(s.getKey());
                if (e == null) continue;
                String key = s.getKey();
                SettingValue dflt = knowledge.defaultValue(root, null, key);
                ValueCheck check = ValueCheck.of(knowledge, key, e.value());
                Optional<SettingValue> v = check.isValid() ? check.value() : check.status() == ValueCheck.Status.IGNORED
                        ? Optional.of(dflt) : Optional.empty();
                s.setValue(new EffectiveSetting(key, Optional.of(e), v, check, e.origin(), name));
            }
        }
        Map<String, ProfileEntry> ownOverrides = layers.overrideDefs.getOrDefault(name, Map.of());
        Map<String, ProfileEntry> overrides = inherited.overrides();
        if (!ownOverrides.isEmpty()) {
            overrides = new LinkedHashMap<>(overrides);
            overrides.putAll(ownOverrides);
        }
        return new Chained(chain, Optional.empty(), ChainProblem.NONE, settings, overrides);
    }

    private static EffectiveProfile resolve(Project project, Knowledge knowledge, String name, Layers layers) {
        Chained c = chained(knowledge, name, layers);
        if (c.problem().isPresent()) {
            return new EffectiveProfile(name, c.chain(), c.problem(), c.kind(), List.of(), List.of(), Optional.empty(), false, Map.of());
        }
        List<EffectiveSetting> settings = new ArrayList<>();
        boolean allValid = true;
        for (EffectiveSetting eff : c.settings().values()) {
            if (eff.key().equals("incremental")) {
                // CARGO_INCREMENTAL and build.incremental beat every profile's `incremental` (verified, targets check 9)
                Optional<ProfileEntry> outside = TargetResolver.incremental(project, name);
                if (outside.isPresent()) {
                    ProfileEntry e = outside.get();
                    ValueCheck check = ValueCheck.of(knowledge, eff.key(), e.value());
                    eff = new EffectiveSetting(eff.key(), Optional.of(e), check.value(), check, e.origin(), "");
                }
            }
            if (eff.check().status() == ValueCheck.Status.INVALID) allValid = false;
            settings.add(eff);
        }
        Map<String, ProfileEntry> overrides = c.overrides();
        Optional<ProfileEntry> dependencyDebug = dependencyDebuginfo(knowledge, overrides.values(), project, layers.graphKnown);
        boolean dependencyDebuginfo = dependencyDebug.isPresent();
        Optional<List<String>> flags = allValid
                ? Optional.of(List.copyOf(flags(knowledge, settings, dependencyDebuginfo)))
                : Optional.empty();
        return new EffectiveProfile(name, c.chain(), Optional.empty(), ChainProblem.NONE, settings, List.copyOf(overrides.values()), flags,
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
