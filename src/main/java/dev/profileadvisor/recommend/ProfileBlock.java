package dev.profileadvisor.recommend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes a {@code [profile.NAME]} block with an aligned comment on every line. */
final class ProfileBlock {
    private ProfileBlock() {
    }

    static String render(String profile, Optional<String> inherits, List<SettingAdvice> settings) {
        List<String[]> lines = new ArrayList<>();
        inherits.ifPresent(p -> lines.add(new String[]{"inherits = \"" + p + "\"", "custom profile based on " + p}));
        for (SettingAdvice s : settings) {
            if (s.toml().isEmpty()) continue;
            lines.add(new String[]{s.key() + " = " + s.toml(), s.comment()});
        }
        StringBuilder out = new StringBuilder("[profile.").append(profile).append("]\n");
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
