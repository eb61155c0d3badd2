package dev.profileadvisor.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code knowledge/} holds, validated and cross-linked. Immutable; safe to share between threads.
 *
 * @param sources       key → source
 * @param settings      key → setting, in file order
 * @param profiles      name → profile
 * @param reservedNames profile names cargo refuses
 * @param deprecatedNames profile names cargo warns about
 * @param customProfilesSince the Rust version that introduced custom profiles and {@code inherits}
 * @param goals         id → goal, in file order
 * @param effects       every effect row
 * @param corrections   id → correction
 * @param unstableKeys  profile key → what cargo 1.95 does with it without its unstable feature
 * @param scopes        id → where in a profile settings can be written (knowledge/scopes.toml)
 * @param scopeFacts    id → verified statements about override tables
 * @param crates        name → crates experts optimise on their own in dev (knowledge/crates.toml)
 * @param targets       the settings beside the profiles: rustflags and their sources, linkers, CPU levels, frame
 *                      pointers, {@code build.incremental} (knowledge/targets.toml)
 * @param peers         id → profile templates other tools write (knowledge/peers.toml), for {@code measure}
 */
public record Knowledge(Map<String, Source> sources, Map<String, Setting> settings, Map<String, ProfileInfo> profiles,
                        Set<String> reservedNames, Set<String> deprecatedNames, String customProfilesSince, Map<String, Goal> goals,
                        List<Effect> effects, Map<String, Correction> corrections, Map<String, UnstableKey> unstableKeys,
                        Map<String, Scope> scopes, Map<String, ScopeFact> scopeFacts, Map<String, KnownCrate> crates,
                        TargetKnowledge targets, Map<String, Peer> peers) {

    /**
     * Copies the collections, keeping their order.
     *
     * @param sources       key → source
     * @param settings      key → setting, in file order
     * @param profiles      name → profile
     * @param reservedNames profile names cargo refuses
     * @param deprecatedNames profile names cargo warns about
     * @param customProfilesSince the Rust version that introduced custom profiles
     * @param goals         id → goal, in file order
     * @param effects       every effect row
     * @param corrections   id → correction
     * @param unstableKeys  profile key → what cargo 1.95 does with it without its unstable feature
     * @param scopes        id → where in a profile settings can be written
     * @param scopeFacts    id → verified statements about override tables
     * @param crates        name → crates experts optimise on their own in dev
     * @param targets       the settings beside the profiles (knowledge/targets.toml)
     * @param peers         id → profile templates other tools write
     */
    public Knowledge {
        sources = copy(sources);
        settings = copy(settings);
        profiles = copy(profiles);
        reservedNames = Set.copyOf(reservedNames);
        deprecatedNames = Set.copyOf(deprecatedNames);
        goals = copy(goals);
        peers = copy(peers);
        effects = List.copyOf(effects);
        corrections = copy(corrections);
        unstableKeys = copy(unstableKeys);
        scopes = copy(scopes);
        scopeFacts = copy(scopeFacts);
        crates = copy(crates);
        java.util.Objects.requireNonNull(targets, "targets");
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * @param key setting key
     * @return the setting
     */
    public Optional<Setting> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * Finds a goal by id or alias, ignoring case, spaces versus dashes and underscores.
     *
     * @param name what the user typed
     * @return the goal
     */
    public Optional<Goal> goal(String name) {
        Goal exact = goals.get(name);
        if (exact != null) return Optional.of(exact);
        String n = normalise(name);
        for (Goal g : goals.values()) {
            if (normalise(g.id()).equals(n)) return Optional.of(g);
        }
        for (Goal g : goals.values()) {
            for (String a : g.aliases()) if (normalise(a).equals(n)) return Optional.of(g);
        }
        return Optional.empty();
    }

    /**
     * @param name an unknown goal name
     * @return the ids of the goals with an id or alias close to it ({@link Suggestions}), closest first, at most
     *         three; empty when none is close
     */
    public List<String> closestGoals(String name) {
        return Suggestions.closest(normalise(name), goals.values(),
                g -> concat(g.id(), g.aliases()).stream().map(Knowledge::normalise).toList(), 3).stream().map(Goal::id).toList();
    }

    /**
     * The value cargo uses for a key in a profile when the key is not written: the profile's own default or,
     * for test, bench and custom profiles, its parent's.
     *
     * @param profile  profile name
     * @param inherits the parent of a custom profile unknown to knowledge (ignored for known profiles)
     * @param key      setting key
     * @return the default value
     */
    public SettingValue defaultValue(String profile, String inherits, String key) {
        Setting s = settings.get(key);
        String p = profile;
        for (int depth = 0; depth < 16; depth++) {
            String id = s.defaults().get(p);
            if (id != null) return s.value(id).orElseThrow();
            ProfileInfo info = profiles.get(p);
            Optional<String> parent = info != null ? info.inherits() : Optional.ofNullable(inherits);
            if (parent.isEmpty() || parent.get().isEmpty()) break;
            p = parent.get();
        }
        throw new IllegalStateException("no default for `" + key + "` in profile `" + profile + "`");
    }

    /**
     * @param profile a profile name
     * @param inherits parent of an unknown custom profile
     * @return the root profile (dev or release) it descends from
     */
    public String rootOf(String profile, String inherits) {
        String p = profile;
        for (int depth = 0; depth < 16; depth++) {
            ProfileInfo info = profiles.get(p);
            Optional<String> parent = info != null ? info.inherits() : Optional.ofNullable(inherits);
            if (parent.isEmpty() || parent.get().isEmpty()) return p;
            p = parent.get();
        }
        return p;
    }

    /**
     * @param key source key
     * @return its URL, or the key itself when unknown (validation prevents that for loaded knowledge)
     */
    public String url(String key) {
        Source s = sources.get(key);
        return s == null ? key : s.url();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_]+");

    static String normalise(String s) {
        return SEPARATORS.matcher(s.trim().toLowerCase(Locale.ROOT)).replaceAll("-");
    }
}
