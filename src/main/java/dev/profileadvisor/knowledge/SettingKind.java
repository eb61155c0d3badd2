package dev.profileadvisor.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The shape of a setting's values, as {@code knowledge/settings.toml} writes it in {@code kind}. */
public enum SettingKind {
    /** one of the listed values ({@code lto}, {@code strip}, …) */
    ENUM,
    /** a whole number ({@code codegen-units}) */
    INTEGER,
    /** {@code true} or {@code false} ({@code incremental}, {@code rpath}, …) */
    BOOLEAN;

    /** @return {@code enum}, {@code integer} or {@code boolean}, as written in knowledge */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code enum}, {@code integer} or {@code boolean}
     * @return the kind it names, or empty for anything else
     */
    public static Optional<SettingKind> of(String label) {
        for (SettingKind k : values()) if (k.label().equals(label)) return Optional.of(k);
        return Optional.empty();
    }
}
