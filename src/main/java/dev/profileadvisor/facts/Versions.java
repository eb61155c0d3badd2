package dev.profileadvisor.facts;

/** Rust version comparison for rules ({@code import function dev.profileadvisor.facts.Versions.older}). */
public final class Versions {
    private Versions() {
    }

    /**
     * @param have a version such as {@code 1.70} or {@code 1.70.0}
     * @param need another
     * @return whether {@code have} is older than {@code need}; false when either is empty or malformed
     */
    public static boolean older(String have, String need) {
        int[] a = parse(have);
        int[] b = parse(need);
        if (a == null || b == null) return false;
        for (int i = 0; i < 3; i++) if (a[i] != b[i]) return a[i] < b[i];
        return false;
    }

    private static int[] parse(String v) {
        if (v == null || !v.matches("\\d+(\\.\\d+){0,2}")) return null;
        String[] parts = v.split("\\.");
        int[] out = new int[3];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i]);
        return out;
    }
}
