package dev.profileadvisor.cargo;

import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code -C} flags cargo passes to rustc for a workspace's binary crate (no dependencies with debug info),
 * given the values written in a profile. Everything comes from knowledge; the only logic here is the three
 * conditions knowledge names ({@code flags-when}) and the implicit strip.
 */
public final class RustcFlags {
    /** The order cargo 1.95 writes codegen flags in (verified with every key set at once). */
    private static final List<String> CARGO_ORDER = List.of("opt-level", "panic", "lto", "embed-bitcode", "codegen-units",
            "debuginfo", "split-debuginfo", "debug-assertions", "overflow-checks", "rpath", "incremental", "strip");

    private RustcFlags() {
    }

    /**
     * @param knowledge the knowledge
     * @param profile   profile name (built-in, well-known, or custom with {@code inherits})
     * @param inherits  parent of a custom profile unknown to knowledge, or null
     * @param written   setting key → value id, for the keys the profile writes
     * @return the flags, as cargo prints them ({@code -C opt-level=3}), in cargo's order
     */
    public static Set<String> forBinary(Knowledge knowledge, String profile, String inherits, Map<String, String> written) {
        Map<String, SettingValue> effective = new LinkedHashMap<>();
        Map<String, List<String>> spelling = new LinkedHashMap<>();
        for (Setting s : knowledge.settings().values()) {
            String id = written.get(s.key());
            SettingValue v = id != null ? s.value(id).orElseThrow(() -> new IllegalArgumentException(
                    "`" + id + "` is not a value of `" + s.key() + "`")) : knowledge.defaultValue(profile, inherits, s.key());
            effective.put(s.key(), v);
            if (id != null) spelling.put(s.key(), v.flags());
        }
        return compute(knowledge, effective, spelling, written.keySet(), false);
    }

    /**
     * @param knowledge          the knowledge
     * @param effective          setting key → the value in effect (every key)
     * @param spellingFlags      for explicitly written keys, the flags of the spelling used ({@code lto = true} gives
     *                           {@code -C lto}, {@code "fat"} gives {@code -C lto=fat})
     * @param explicit           the keys some profile table sets
     * @param dependencyDebuginfo whether a dependency gets debug info from a {@code package.*} or {@code build-override}
     *                           table (which turns off the implicit strip of the binary)
     * @return the flags, in the order cargo writes them
     */
    public static Set<String> compute(Knowledge knowledge, Map<String, SettingValue> effective, Map<String, List<String>> spellingFlags,
                                      Set<String> explicit, boolean dependencyDebuginfo) {
        boolean debuginfoOn = !effective.get("debug").traits().contains("no-debuginfo");
        Set<String> flags = new LinkedHashSet<>();
        for (Setting s : knowledge.settings().values()) {
            SettingValue v = effective.get(s.key());
            boolean pass = switch (s.flagsWhen()) {
                case ALWAYS -> true;
                case DEBUGINFO_ON -> debuginfoOn;
                case DIFFERS_FROM_RUSTC_DEFAULT -> !v.id().equals(rustcDefault(s.key(), effective));
            };
            if (pass) flags.addAll(spellingFlags.getOrDefault(s.key(), v.flags()));
            if (!explicit.contains(s.key()) && s.implicit().isPresent() && implicitApplies(s.implicit().get(), effective, dependencyDebuginfo)) {
                flags.addAll(s.value(s.implicit().get().value()).orElseThrow().flags());
            }
        }
        List<String> ordered = new java.util.ArrayList<>(flags);
        ordered.sort(java.util.Comparator.comparingInt(RustcFlags::cargoPosition));
        return new LinkedHashSet<>(ordered);
    }

    /**
     * The whole part of the binary's rustc line that settings decide, as cargo 1.95 writes it (verified,
     * {@code docs/evidence/cargo-1.95.md} §11.3): the profile's flags in cargo's order, with {@code --target} and
     * {@code -C linker=} before {@code -C incremental} and {@code -C strip}, then (after cargo's {@code -L} and
     * {@code --extern} arguments, which are left out) the rustflags as they are.
     *
     * @param profileFlags the profile's {@code -C} flags, as {@link #compute} returns them ({@code -C opt-level=3})
     * @param target       the {@code --target} triple when cargo is given one
     * @param linker       the {@code -C linker=} value when one is set
     * @param rustflags    the extra flags in force, one rustc argument each
     * @return the arguments, one per element ({@code -C}, {@code opt-level=3}, …, {@code --cfg}, {@code foo})
     */
    public static List<String> line(java.util.Collection<String> profileFlags, java.util.Optional<String> target,
                                    java.util.Optional<String> linker, List<String> rustflags) {
        List<String> out = new java.util.ArrayList<>();
        boolean inserted = false;
        for (String f : profileFlags) {
            int p = cargoPosition(f);
            if (!inserted && p >= CARGO_ORDER.indexOf("incremental")) {
                insert(out, target, linker);
                inserted = true;
            }
            split(out, f);
        }
        if (!inserted) insert(out, target, linker);
        out.addAll(rustflags);
        return out;
    }

    private static void insert(List<String> out, java.util.Optional<String> target, java.util.Optional<String> linker) {
        target.ifPresent(t -> { out.add("--target"); out.add(t); });
        linker.ifPresent(l -> { out.add("-C"); out.add("linker=" + l); });
    }

    private static void split(List<String> out, String flag) {
        int space = flag.indexOf(' ');
        if (space < 0) out.add(flag);
        else { out.add(flag.substring(0, space)); out.add(flag.substring(space + 1)); }
    }

    /**
     * @param args rustc arguments, one per element
     * @return them as a shell would need them typed: an argument with a space or a quote in single quotes
     */
    public static String shellJoin(List<String> args) {
        StringBuilder s = new StringBuilder();
        for (String a : args) {
            if (s.length() > 0) s.append(' ');
            s.append(a.matches("[A-Za-z0-9_./=:,+@%<>-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }

    /**
     * Whether cargo applies a key's implicit value when no table sets the key: the condition knowledge names holds
     * ({@code debuginfo-off}: debug info is off for the unit and for every dependency).
     *
     * @param implicit            the key's implicit value and its condition
     * @param effective           setting key → the value in effect (every key)
     * @param dependencyDebuginfo whether a dependency gets debug info from a {@code package.*} or {@code build-override} table
     * @return whether cargo applies it
     */
    public static boolean implicitApplies(Setting.Implicit implicit, Map<String, SettingValue> effective, boolean dependencyDebuginfo) {
        return implicit.when().equals("debuginfo-off") && effective.get("debug").traits().contains("no-debuginfo") && !dependencyDebuginfo;
    }

    private static int cargoPosition(String flag) {
        int start = flag.startsWith("-C ") ? 3 : flag.startsWith("-C") ? 2 : 0;
        int eq = flag.indexOf('=', start);
        int i = CARGO_ORDER.indexOf(eq < 0 ? flag.substring(start) : flag.substring(start, eq));
        return i < 0 ? CARGO_ORDER.size() : i;
    }

    /** rustc's own default for the two settings cargo passes only when they differ from it. */
    private static String rustcDefault(String key, Map<String, SettingValue> effective) {
        return switch (key) {
            // rustc turns debug assertions on exactly when nothing is optimised
            case "debug-assertions" -> effective.get("opt-level").id().equals("0") ? "true" : "false";
            // and overflow checks follow debug assertions
            case "overflow-checks" -> effective.get("debug-assertions").id();
            default -> throw new IllegalStateException("knowledge says `" + key
                    + "` is passed when it differs from rustc's default, but no rustc default is modelled for it");
        };
    }
}
