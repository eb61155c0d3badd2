package dev.profileadvisor.cli;

import dev.profileadvisor.recommend.ConfigLine;
import dev.profileadvisor.recommend.NoteAdvice;
import dev.profileadvisor.recommend.Overruled;
import dev.profileadvisor.recommend.PlanTable;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.SettingAdvice;

import java.util.stream.Collectors;

import static dev.profileadvisor.cli.TerminalText.line;

/** Text for people: the profile block first, then why each line is there. */
final class TextRenderer {
    private TextRenderer() {
    }

    static String recommendation(Recommendation r) {
        StringBuilder s = new StringBuilder();
        s.append("# goals: ").append(r.goals().stream().map(Object::toString).collect(Collectors.joining(", "))).append('\n');
        for (String b : r.basis()) s.append("# ").append(line(b)).append('\n');
        s.append(r.toml());
        if (!r.configToml().isEmpty()) s.append("\n# ").append(ConfigLine.FILE).append('\n').append(r.configToml());
        if (!r.settings().isEmpty()) {
            s.append("\nWhy each line\n");
            for (SettingAdvice a : r.settings()) {
                s.append("  ").append(a.key()).append(" = ").append(a.toml())
                        .append("   (cargo's default: ").append(a.defaultToml().isEmpty() ? "unset" : a.defaultToml()).append(")\n");
                detail(s, a);
            }
        }
        for (PlanTable t : r.overrides()) {
            s.append("\nWhy [").append(t.header()).append("]: ").append(t.covers()).append('\n');
            s.append("  scope: ").append(t.why()).append('\n');
            for (SettingAdvice a : t.settings()) {
                s.append("  ").append(a.key()).append(" = ").append(a.toml())
                        .append("   (inherited: ").append(a.defaultToml().isEmpty() ? "unset" : a.defaultToml()).append(")\n");
                detail(s, a);
            }
        }
        if (!r.config().isEmpty()) {
            s.append("\nWhy [").append(r.config().get(0).header()).append("] in ").append(ConfigLine.FILE).append(": the host's table, read by ")
                    .append("every build for `").append(r.config().get(0).table().get(1)).append("` (every build without `--target`)\n");
            for (String w : r.configWhy()) s.append("  scope: ").append(w).append('\n');
            for (ConfigLine c : r.config()) {
                s.append("  ").append(c.text()).append('\n');
                if (!c.goals().isEmpty()) s.append("      goals:     ").append(String.join(", ", c.goals())).append('\n');
                s.append("      rules:     ").append(c.rule()).append('\n');
                s.append("      reason:    ").append(line(c.reason())).append('\n');
                for (String u : c.sources()) s.append("      = see: ").append(u).append('\n');
            }
        }
        if (!r.kept().isEmpty()) {
            s.append("\nLeft at cargo's default (not written)\n");
            for (SettingAdvice a : r.kept()) {
                s.append("  ").append(a.key()).append(" = ").append(a.toml().isEmpty() ? "unset" : a.toml()).append('\n');
                detail(s, a);
            }
        }
        if (!r.notes().isEmpty()) {
            s.append("\nNotes\n");
            for (NoteAdvice n : r.notes()) {
                s.append("  ").append(line(n.setting())).append(": ").append(line(n.message())).append(" [").append(n.rule()).append("]\n");
                for (String u : n.sources()) s.append("      = see: ").append(u).append('\n');
            }
        }
        return s.toString();
    }

    /**
     * The plan as TOML alone ({@code --format toml}): the {@code Cargo.toml} part, then the {@code .cargo/config.toml}
     * part commented out, so that the output stays a valid {@code Cargo.toml} to paste.
     */
    static String tomlOnly(Recommendation r) {
        if (r.configToml().isEmpty()) return r.toml();
        StringBuilder s = new StringBuilder(r.toml()).append("\n# for ").append(ConfigLine.FILE).append(" (not Cargo.toml):\n");
        r.configToml().lines().forEach(l -> s.append("# ").append(l).append('\n'));
        return s.toString();
    }

    private static void detail(StringBuilder s, SettingAdvice a) {
        if (!a.goals().isEmpty()) s.append("      goals:     ").append(String.join(", ", a.goals())).append('\n');
        s.append("      rules:     ").append(String.join(", ", a.rules())).append('\n');
        s.append("      reason:    ").append(line(a.reason())).append('\n');
        for (Overruled o : a.overruled()) {
            s.append("      overruled: ").append(o.toml().isEmpty() ? "unset (" + o.value() + ")" : o.toml())
                    .append(" by ").append(o.by()).append(": ").append(line(o.reason())).append('\n');
        }
        for (String u : a.sources()) s.append("      = see: ").append(u).append('\n');
    }
}
