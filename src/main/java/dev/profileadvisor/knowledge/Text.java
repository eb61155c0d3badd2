package dev.profileadvisor.knowledge;

/** The edit distance behind "did you mean" suggestions ({@link Suggestions}). */
public final class Text {
    private Text() {
    }

    /**
     * The restricted Damerau-Levenshtein distance ("optimal string alignment"), as cargo computes it for
     * its suggestions: inserting, deleting or substituting a character, or swapping two neighbouring ones, is one
     * edit each ({@code lot} is one edit from {@code lto}). Case-sensitive; {@link Suggestions} compares lowercased.
     *
     * @param a a string
     * @param b another
     * @return the number of edits that turn one into the other
     */
    public static int distance(String a, String b) {
        int[] prevPrev = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prevPrev[j - 2] + 1);
                }
            }
            int[] t = prevPrev;
            prevPrev = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
