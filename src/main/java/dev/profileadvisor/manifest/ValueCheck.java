package dev.profileadvisor.manifest;

import dev.profileadvisor.knowledge.Alias;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What cargo 1.95 makes of a value written for a key: which knowledge value it is (and the flags that spelling
 * produces), or why it is invalid and who rejects it, cargo while reading the manifest or rustc halfway through the
 * build. The table of who rejects what is the verified one in docs/evidence/cargo-1.95.md.
 *
 * @param status  valid, invalid or ignored
 * @param value   the knowledge value (for valid values; a synthesised one for integers knowledge does not list)
 * @param flags   the flags this spelling produces (valid values)
 * @param failsIn {@code cargo} or {@code rustc} for invalid values
 * @param reason  for invalid or ignored values: what is wrong, rustc style
 */
public record ValueCheck(Status status, Optional<SettingValue> value, List<String> flags, String failsIn, String reason) {
    /** Outcomes. */
    public enum Status {
        /** cargo and rustc accept it */
        VALID,
        /** cargo or rustc rejects it */
        INVALID,
        /** cargo accepts it and silently drops it */
        IGNORED
    }

    /**

     * Copies the flags.

     *

     * @param status  valid, invalid or ignored

     * @param value   the knowledge value (for valid values; a synthesised one for integers knowledge does not list)

     * @param flags   the flags this spelling produces (valid values)

     * @param failsIn {@code cargo} or {@code rustc} for invalid values

     * @param reason  for invalid or ignored values: what is wrong, rustc style

     */

    public ValueCheck {
        flags = List.copyOf(flags);
    }

    private static final long U32_MAX = 4_294_967_295L;

    /**
     * @param knowledge the knowledge
     * @param key       a known setting key
     * @param raw       the value as tomlj read it
     * @return the verdict
     */
    public static ValueCheck of(Knowledge knowledge, String key, Object raw) {
        Setting s = knowledge.setting(key).orElseThrow(() -> new IllegalArgumentException("unknown setting " + key));
        for (SettingValue v : s.values()) {
            if (!v.isUnwritten() && Objects.equals(Literals.parseKnown(v.toml()), raw)) return valid(v, v.flags());
            for (Alias a : v.aliases()) {
                if (Objects.equals(Literals.parseKnown(a.toml()), raw)) return valid(v, a.flags());
            }
        }
        String shown = "`" + key + " = " + Literals.toml(raw) + "`";
        return switch (s.kind()) {
            case BOOLEAN -> invalid("cargo", shown + ": expected `true` or `false`, found " + type(raw));
            case INTEGER -> integer(s, raw, shown);
            case ENUM -> enumeration(s, raw, shown);
        };
    }

    private static ValueCheck integer(Setting s, Object raw, String shown) {
        if (!(raw instanceof Long n)) {
            return invalid("cargo", shown + ": expected a whole number, found " + type(raw));
        }
        if (n < 0 || n > U32_MAX) return invalid("cargo", shown + ": expected a whole number from 1 to " + U32_MAX);
        if (n == 0) return invalid("rustc", shown + ": rustc needs at least one codegen unit");
        SettingValue one = s.value("1").orElseThrow();
        List<String> flags = one.flags().stream().map(f -> f.replaceFirst("=1$", "=" + n)).toList();
        SettingValue v = new SettingValue(s.key(), String.valueOf(n), n + " codegen units", String.valueOf(n), flags,
                "", "", java.util.Set.of(), List.of(), s.values().size());
        return valid(v, flags);
    }

    private static ValueCheck enumeration(Setting s, Object raw, String shown) {
        String expected = s.values().stream().filter(v -> !v.isUnwritten()).map(v -> "`" + v.toml() + "`")
                .reduce((a, b) -> a + ", " + b).orElse("");
        switch (s.key()) {
            case "opt-level":
                if (raw instanceof Long) return invalid("rustc", shown + ": rustc accepts only 0-3, `\"s\"` or `\"z\"`");
                return invalid("cargo", shown + ": expected 0, 1, 2, 3, `\"s\"` or `\"z\"`, found " + type(raw));
            case "lto":
                if (raw instanceof String str && !str.equals("true") && !str.equals("false")) {
                    return invalid("rustc", shown + ": rustc accepts `\"fat\"`, `\"thin\"`, `\"off\"` or a boolean");
                }
                return invalid("cargo", shown + ": expected a boolean or `\"fat\"`, `\"thin\"`, `\"off\"`, found " + type(raw));
            case "strip":
                if (raw instanceof String) return invalid("rustc", shown + ": rustc accepts `\"none\"`, `\"debuginfo\"` or `\"symbols\"`");
                return invalid("cargo", shown + ": expected a boolean or `\"none\"`, `\"debuginfo\"`, `\"symbols\"`, found " + type(raw));
            case "panic":
                if ("immediate-abort".equals(raw)) return invalid("cargo", shown + ": `\"immediate-abort\"` needs nightly cargo");
                return invalid("cargo", shown + ": expected `\"unwind\"` or `\"abort\"` (case-sensitive), found " + type(raw));
            case "split-debuginfo":
                if (raw instanceof String) {
                    return new ValueCheck(Status.IGNORED, Optional.empty(), List.of(), "",
                            shown + ": not a value rustc supports, so cargo silently drops it");
                }
                return invalid("cargo", shown + ": expected `\"off\"`, `\"packed\"` or `\"unpacked\"`, found " + type(raw));
            default:
                return invalid("cargo", shown + ": expected one of " + expected + ", found " + type(raw));
        }
    }

    private static ValueCheck valid(SettingValue v, List<String> flags) {
        return new ValueCheck(Status.VALID, Optional.of(v), flags, "", "");
    }

    private static ValueCheck invalid(String where, String reason) {
        return new ValueCheck(Status.INVALID, Optional.empty(), List.of(), where, reason);
    }

    private static String type(Object raw) {
        return dev.profileadvisor.knowledge.TomlNode.typeName(raw);
    }

    /** @return whether cargo and rustc accept the value */
    public boolean isValid() {
        return status == Status.VALID;
    }
}
