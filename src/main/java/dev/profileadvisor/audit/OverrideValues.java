package dev.profileadvisor.audit;

import dev.profileadvisor.facts.UnitValue;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.manifest.EffectiveProfile;
import dev.profileadvisor.manifest.EffectiveSetting;
import dev.profileadvisor.manifest.Origin;
import dev.profileadvisor.manifest.ProfileEntry;
import dev.profileadvisor.manifest.ValueCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the units an override table reaches get for a key, as cargo 1.95 resolves it (Cargo Book "Overrides", first
 * match wins): {@code [profile.P.package.NAME]}, then {@code [profile.P.package."*"]} (never for workspace members),
 * then, for build scripts, proc-macros and their dependencies, {@code [profile.P.build-override]} and cargo's
 * build-override defaults ({@code knowledge/settings.toml}: a key with a {@code build-override} default is reset to
 * it, any other keeps the profile's value), then {@code [profile.P]}. A child profile inherits its parent's override
 * tables key by key ({@link EffectiveProfile#overrides()} holds them merged).
 */
final class OverrideValues {
    /**
     * A value and the table it comes from.
     *
     * @param id      value id
     * @param toml    as written, or the default's literal
     * @param table   the deciding table ({@code ""} for the profile's own, or cargo's default)
     * @param in      the profile whose table writes it, empty for cargo's default
     * @param origin  where it is written ({@link Origin#DEFAULT} for cargo's default)
     */
    record Value(String id, String toml, String table, String in, Origin origin) {
        boolean isDefault() {
            return in.isEmpty();
        }

        String header() {
            return isDefault() ? "" : OverrideValues.header(in, table);
        }
    }

    private final Knowledge knowledge;
    private final Map<String, EffectiveProfile> effective;
    private final Set<String> members;
    private final java.util.function.Function<String, String> source;

    /**
     * @param knowledge defaults and values
     * @param effective the resolved profiles
     * @param members   the workspace's package names
     * @param source    where a package comes from ({@code path}, {@code registry}, {@code git}, empty if not known)
     */
    OverrideValues(Knowledge knowledge, Map<String, EffectiveProfile> effective, Set<String> members,
                   java.util.function.Function<String, String> source) {
        this.knowledge = knowledge;
        this.effective = effective;
        this.members = members;
        this.source = source;
    }

    /** The table as its TOML header reads, without brackets: {@code profile.dev.package."*"}. */
    static String header(String profile, String table) {
        String p = "profile." + quoted(profile);
        if (table.isEmpty()) return p;
        if (!table.startsWith("package.")) return p + "." + table;
        return p + ".package." + quoted(table.substring("package.".length()));
    }

    private static String quoted(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The package a spec names: the spec without {@code @version} or {@code :version}. */
    static String specName(String spec) {
        return spec.replaceFirst("[@:].*$", "");
    }

    /**
     * What every unit an override entry reaches would get without it, when they would all get the same.
     *
     * @param e an entry of a {@code build-override} or {@code package.SPEC} table, of a valid key allowed there
     * @return the value and where it comes from; empty when the units would differ or it is not known
     */
    Optional<Value> without(ProfileEntry e) {
        EffectiveProfile p = effective.get(e.profile());
        if (p == null || p.problem().isPresent()) return Optional.empty();
        Setting setting = knowledge.setting(e.key()).orElseThrow();
        if (p.chain().size() > 1) { // the parent's same table: a child inherits it key by key
            EffectiveProfile parent = effective.get(p.chain().get(1));
            if (parent == null || parent.problem().isPresent()) return Optional.empty();
            Optional<Value> inherited = override(parent, e.table(), e.key());
            if (inherited.isPresent() || entry(parent, e.table(), e.key()).isPresent()) return inherited;
        }
        // a key cargo applies by itself when it is left out (strip) depends on the unit's debug info: not judged here
        if (setting.implicit().isPresent()) return Optional.empty();
        if (e.table().equals("build-override")) return host(p, e.key(), false);
        String name = e.table().equals("package.*") ? "*" : specName(e.table().substring("package.".length()));
        String from = name.equals("*") ? "" : source.apply(name);
        if (e.key().equals("incremental") && (from.equals("registry") || from.equals("git"))) {
            // cargo never builds a registry or git package incrementally, whatever the profile says (verified)
            return setting.values().stream().filter(v -> !v.traits().contains("incremental")).findFirst()
                    .map(v -> new Value(v.id(), v.toml(), "", "", Origin.DEFAULT));
        }
        if (!name.equals("*") && !members.contains(name)) {
            Optional<Value> star = override(p, "package.*", e.key());
            if (star.isPresent() || entry(p, "package.*", e.key()).isPresent()) return star;
        }
        Value target = profile(p, e.key());
        Optional<Value> host = override(p, "build-override", e.key()).or(() -> host(p, e.key(), false));
        return host.filter(h -> h.id().equals(target.id())).map(h -> target);
    }

    /**
     * The values of a package both built for the host and for the target, key by key (every key but {@code lto}).
     *
     * @param profile the profile
     * @param pkg     the package
     * @return its {@link UnitValue}s, host and target; empty for a profile cargo cannot resolve
     */
    List<UnitValue> units(String profile, String pkg) {
        EffectiveProfile p = effective.get(profile);
        if (p == null || p.problem().isPresent()) return List.of();
        List<UnitValue> out = new ArrayList<>();
        boolean member = members.contains(pkg);
        for (Setting s : knowledge.settings().values()) {
            String key = s.key();
            if (key.equals("lto")) continue; // decided after cargo shares the unit (verified)
            Optional<Value> named = p.overrides().stream()
                    .filter(o -> o.table().startsWith("package.") && !o.table().equals("package.*")
                            && specName(o.table().substring("package.".length())).equals(pkg) && o.key().equals(key))
                    .findFirst().flatMap(this::valid);
            Optional<Value> both = named.or(() -> member ? Optional.empty() : override(p, "package.*", key));
            Value target = both.orElseGet(() -> profile(p, key));
            Value base = both.or(() -> host(p, key, true)).orElseThrow(); // a shared unit always has one
            Value host = both.or(() -> override(p, "build-override", key)).orElse(base);
            out.add(unit(profile, pkg, false, key, target, target.id()));
            out.add(unit(profile, pkg, true, key, host, base.id()));
        }
        return out;
    }

    private static UnitValue unit(String profile, String pkg, boolean host, String key, Value v, String withoutBuildOverride) {
        Origin o = v.origin();
        String file = o.kind() == Origin.Kind.DEFAULT ? "" : o.kind() == Origin.Kind.ENV ? "env " + o.file() : o.file();
        return new UnitValue(profile, pkg, host, key, v.id(), v.toml(), v.table(), v.in(), file, o.line(), o.column(),
                withoutBuildOverride);
    }

    /**
     * What build scripts and proc-macros get for a key when no override table writes it. For {@code debug} cargo's
     * default ({@code none}) holds only for a unit not shared with the target build: a shared one gets the profile's.
     */
    private Optional<Value> host(EffectiveProfile p, String key, boolean shared) {
        Setting s = knowledge.setting(key).orElseThrow();
        String reset = s.defaults().get("build-override");
        Value own = profile(p, key);
        if (reset == null) return Optional.of(own);
        if (key.equals("debug")) {
            if (shared) return Optional.of(own); // deferred debuginfo (cargo#11252)
            if (!own.id().equals(reset)) return Optional.empty(); // none alone, the profile's when shared
        }
        SettingValue v = s.value(reset).orElseThrow();
        return Optional.of(new Value(v.id(), v.toml(), "", "", Origin.DEFAULT));
    }

    private static Value profile(EffectiveProfile p, String key) {
        EffectiveSetting s = p.setting(key).orElseThrow();
        String id = s.valueId().orElse("");
        return s.explicit() ? new Value(id, s.display(), "", s.setIn(), s.origin()) : new Value(id, s.display(), "", "", Origin.DEFAULT);
    }

    private static Optional<ProfileEntry> entry(EffectiveProfile p, String table, String key) {
        return p.overrides().stream().filter(o -> o.table().equals(table) && o.key().equals(key)).findFirst();
    }

    /** The value an override table of the profile (or of an ancestor) writes for the key, if valid. */
    private Optional<Value> override(EffectiveProfile p, String table, String key) {
        return entry(p, table, key).flatMap(this::valid);
    }

    private Optional<Value> valid(ProfileEntry o) {
        ValueCheck c = ValueCheck.of(knowledge, o.key(), o.value());
        if (!c.isValid() || c.value().isEmpty()) return Optional.empty();
        return Optional.of(new Value(c.value().get().id(), o.toml(), o.table(), o.profile(), o.origin()));
    }
}
