package dev.profileadvisor;

import java.util.Locale;

/** How serious a finding is, rustc style. */
public enum Severity {
    /** cargo or rustc would fail, or the profile cannot be used */
    ERROR,
    /** the setting does not do what it looks like it does */
    WARNING,
    /** redundant or worth knowing */
    NOTE;

    /** @return {@code error}, {@code warning} or {@code note} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param label {@code error}, {@code warning} or {@code note}
     * @return the severity
     * @throws IllegalArgumentException for anything else
     */
    public static Severity of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
