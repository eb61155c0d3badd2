package dev.profileadvisor.recommend;

import dev.profileadvisor.facts.Preference;
import dev.profileadvisor.facts.Veto;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentences of a recommendation: why a value scores best, why cargo's default stays, why an alternative lost.
 * The recommender decides; this only words its decisions (values shown as {@code lto = "fat"}, scores signed).
 */
final class Reasons {
    /** How each value of the knowledge is shown in reasons ({@code lto = "fat"}), built once; read-only after. */
    private final Map<SettingValue, String> displays = new IdentityHashMap<>();

    /** scope, key, value and criterion → what measure found, for the criteria whose score is derived from it. */
    private final Map<String, String> measured = new java.util.HashMap<>();
    /** The same keys → the effect's sources: a preference that carries them came from that effect row (not an interaction rule). */
    private final Map<String, List<String>> measuredSources = new java.util.HashMap<>();

    Reasons(Knowledge knowledge) {
        for (Setting s : knowledge.settings().values()) {
            for (SettingValue v : s.values()) displays.put(v, shown(v));
        }
        for (dev.profileadvisor.knowledge.Effect e : knowledge.effects()) {
            e.measured().forEach((c, m) -> {
                String k = e.scope() + '\0' + e.setting() + '\0' + e.value() + '\0' + c;
                measured.put(k, m.text());
                measuredSources.put(k, e.sources());
            });
        }
    }

    /**
     * {@code `lto = "fat"` scores best, +6 (…), against 0 for cargo's default `lto = false`}, and any tie: how the tie
     * was broken, and that weighting a goal breaks it where it can (when the tied values owe their scores to
     * different goals; with one goal, or the same goals scoring them alike, no weight changes the order).
     */
    String scoresBest(List<Preference> prefs, SettingValue chosen, SettingValue dflt, List<SettingValue> tied, String baseline) {
        String reason = "`" + display(chosen) + "` scores best, " + signed(Recommender.total(prefs, chosen.id()))
                + breakdown(prefs, chosen.id()) + ", against " + signed(Recommender.total(prefs, dflt.id()))
                + " for " + baseline + " `" + display(dflt) + "`";
        if (tied.isEmpty()) return reason;
        StringBuilder names = new StringBuilder();
        for (SettingValue v : tied) names.append(names.isEmpty() ? "" : ", ").append('`').append(display(v)).append('`');
        return reason + "; tied with " + names + ", and knowledge lists `" + chosen.id() + "` first (the cheaper choice)"
                + (weightsCanBreak(prefs, chosen, tied) ? "; weight a goal to break the tie" : "");
    }

    /** {@code cargo's default `…` stays: } and why each alternative lost. */
    String defaultStays(SettingValue value, List<Overruled> overruled) {
        StringBuilder why = new StringBuilder();
        for (Overruled o : overruled) why.append(why.isEmpty() ? "" : "; ").append('`').append(o.value()).append("` ").append(o.reason());
        return "cargo's default `" + display(value) + "` stays: " + (overruled.isEmpty() ? "nothing scores better" : why);
    }

    /** {@code scores −2 (…) against +6 for `lto = "fat"`}: why an alternative lost on points. */
    String outscored(List<Preference> prefs, String loser, SettingValue chosen) {
        return "scores " + signed(Recommender.total(prefs, loser)) + breakdown(prefs, loser) + " against "
                + signed(Recommender.total(prefs, chosen.id())) + " for `" + display(chosen) + "`";
    }

    /** {@code forbidden by `goal` [rule]: message}: why an alternative was vetoed. */
    static String forbidden(Veto veto, String ruleMessage) {
        return "forbidden by `" + veto.by() + "` [" + veto.rule() + "]" + (ruleMessage.isEmpty() ? "" : ": " + ruleMessage);
    }

    /** The comment on a line of the profile block: the value's title and the goals it serves. */
    static String comment(SettingValue value, Set<String> goals) {
        return value.title() + (goals.isEmpty() ? "" : ": " + String.join(", ", goals));
    }

    /** Whether some tied value's score comes from the goals in other proportions than the chosen value's. */
    private static boolean weightsCanBreak(List<Preference> prefs, SettingValue chosen, List<SettingValue> tied) {
        Map<String, Integer> mine = byGoal(prefs, chosen.id());
        for (SettingValue v : tied) if (!byGoal(prefs, v.id()).equals(mine)) return true;
        return false;
    }

    private static Map<String, Integer> byGoal(List<Preference> prefs, String value) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (Preference p : prefs) if (p.value().equals(value)) out.merge(p.goal(), p.score(), Integer::sum);
        out.values().removeIf(n -> n == 0);
        return out;
    }

    private String display(SettingValue v) {
        String shown = displays.get(v);
        return shown != null ? shown : shown(v);
    }

    private static String shown(SettingValue v) {
        return v.isUnwritten() ? v.setting() + " unset (" + v.title() + ")" : v.setting() + " = " + v.toml();
    }

    private String breakdown(List<Preference> prefs, String value) {
        StringBuilder out = new StringBuilder();
        for (Preference p : prefs) {
            if (!p.value().equals(value) || p.score() == 0) continue;
            out.append(out.isEmpty() ? " (" : ", ").append(p.goal()).append(' ').append(p.criterion()).append(' ').append(signed(p.score()));
            String k = p.scope() + '\0' + p.key() + '\0' + p.value() + '\0' + p.criterion();
            String m = measured.get(k);
            if (m != null && p.sources().equals(measuredSources.get(k))) out.append(": ").append(m);
        }
        return out.isEmpty() ? "" : out.append(')').toString();
    }

    /** Scores as reasons show them, for the usual range, built once. */
    private static final String[] SIGNED = new String[401];

    static {
        for (int n = -200; n <= 200; n++) SIGNED[n + 200] = n > 0 ? "+" + n : n < 0 ? "\u2212" + (-n) : "0";
    }

    private static String signed(int n) {
        if (n >= -200 && n <= 200) return SIGNED[n + 200];
        return n > 0 ? "+" + n : "\u2212" + (-n);
    }
}
