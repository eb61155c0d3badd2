package dev.profileadvisor.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes a {@code [profile.NAME]} block with an aligned comment on every line. */
final class ProfileBlock {
    private ProfileBlock() {
    }

    static String render(String profile, Optional<String> inherits, List<SettingAdvice> settings, List<PlanTable> overrides) {
        StringBuilder plan = new StringBuilder(render(profile, inherits, settings));
        for (PlanTable t : overrides) {
            plan.append('\n').append(table(t.header(), List.of(), t.settings()));
        }
        return plan.toString();
    }

    static String render(String profile, Optional<String> inherits, List<SettingAdvice> settings) {
        List<String[]> first = new ArrayList<>();
        inherits.ifPresent(p -> first.add(new String[]{"inherits = \"" + p + "\"", "custom profile based on " + p}));
        return table("profile." + profile, first, settings);
    }

    private static String table(String header, List<String[]> first, List<SettingAdvice> settings) {
        List<String[]> lines = new ArrayList<>(first);
        for (SettingAdvice s : settings) {
            if (s.toml().isEmpty()) continue;
            lines.add(new String[]{s.key() + " = " + s.toml(), s.comment()});
        }
        StringBuilder out = new StringBuilder("[").append(header).append("]\n");
        if (lines.isEmpty()) {
            return out.append("# cargo's defaults already serve these goals: nothing to change\n").toString();
        }
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        for (String[] l : lines) {
            out.append(l[0]);
            if (!l[1].isEmpty()) out.append(" ".repeat(width - l[0].length() + 2)).append("# ").append(l[1]);
            out.append('\n');
        }
        return out.toString();
    }
}
