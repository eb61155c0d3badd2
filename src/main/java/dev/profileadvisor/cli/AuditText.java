package dev.profileadvisor.cli;

import dev.profileadvisor.audit.AuditFinding;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.ProfileReport;
import dev.profileadvisor.Severity;
import dev.profileadvisor.audit.SettingReport;
import dev.profileadvisor.audit.TargetReport;
import dev.profileadvisor.cargo.RustcFlags;
import dev.profileadvisor.manifest.Literals;
import dev.profileadvisor.manifest.ProfileChain;
import dev.profileadvisor.audit.WorkspaceAudit;

import java.util.List;

/** The audit for people: each workspace's effective profiles as tables, then findings in rustc's format. */
final class AuditText {
    private AuditText() {
    }

    static String render(AuditReport report, boolean showProfiles) {
        StringBuilder s = new StringBuilder();
        for (WorkspaceAudit w : report.workspaces()) {
            if (showProfiles) {
                s.append("== ").append(w.root()).append(w.root().equals(w.manifest()) ? "" : " (workspace of " + w.manifest() + ")").append('\n');
                if (!w.runsInRoot()) {
                    s.append("config files: as cargo reads them when run in ").append(w.cargoDir().equals(".") ? "the current directory"
                            : w.cargoDir()).append(" (from there up, then $CARGO_HOME), not from the workspace root\n");
                }
                target(s, w.target());
                for (ProfileReport p : w.profiles()) profile(s, p);
            }
            for (AuditFinding f : w.findings()) finding(s, f);
            if (showProfiles && !w.findings().isEmpty()) s.append('\n');
        }
        s.append("audit: ").append(report.workspaces().size()).append(report.workspaces().size() == 1 ? " workspace" : " workspaces")
                .append(", ").append(count(report.count(Severity.ERROR), "error")).append(", ")
                .append(count(report.count(Severity.WARNING), "warning")).append(", ")
                .append(count(report.count(Severity.NOTE), "note"));
        // an input is not audited for one error or several (every syntax error of a file is listed)
        long unread = report.errors().stream().map(dev.profileadvisor.Problem::file).distinct().count();
        if (unread > 0) s.append(", ").append(count((int) unread, "input")).append(" not audited");
        return s.append('\n').toString();
    }

    private static void profile(StringBuilder s, ProfileReport p) {
        s.append("profile ").append(p.name());
        if (p.chain().size() > 1) s.append(" (inherits ").append(ProfileChain.arrows(p.chain().subList(1, p.chain().size()), false)).append(')');
        if (p.problem().isEmpty() && p.settings().stream().allMatch(x -> x.origin().equals("implicit")
                || x.origin().equals("default") && x.why().isEmpty())) {
            s.append(": cargo's defaults; rustc: ").append(p.rustcLine().map(RustcFlags::shellJoin).orElse("")).append("\n\n");
            return;
        }
        s.append('\n');
        if (p.problem().isPresent()) {
            s.append("  cannot be used: ").append(p.problem().get()).append("\n\n");
            return;
        }
        List<SettingReport> settings = p.settings();
        int kw = settings.stream().mapToInt(x -> x.key().length()).max().orElse(10);
        int vw = settings.stream().mapToInt(x -> Literals.shown(x.value()).length()).max().orElse(10);
        for (SettingReport x : settings) {
            s.append("  ").append(pad(x.key(), kw)).append("  ").append(pad(Literals.shown(x.value()), vw)).append("  ").append(x.origin());
            if (!x.why().isEmpty()) s.append(" (").append(x.why()).append(')');
            if (!x.setIn().isEmpty() && !x.setIn().equals(p.name())) s.append(" (from profile ").append(x.setIn()).append(')');
            s.append('\n');
        }
        s.append("  rustc: ").append(p.rustcLine().map(f -> f.isEmpty() ? "(no -C flags)" : RustcFlags.shellJoin(f))
                .orElse("(the build fails: an invalid value, see the errors below)")).append("\n\n");
    }

    /**
     * What the target adds to every rustc line, when it adds anything: the rustflags in force with where each is
     * written, the ones cargo drops, the linker.
     */
    private static void target(StringBuilder s, TargetReport t) {
        if (t.rustflags().isEmpty() && t.displaced().isEmpty() && t.linker().isEmpty() && !t.explicit()) return;
        s.append("target ").append(t.triple()).append(" (").append(t.how()).append(")\n");
        if (!t.rustflags().isEmpty()) {
            s.append("  rustflags from ").append(t.source()).append(", every profile:\n");
            String key = null;
            StringBuilder group = new StringBuilder();
            String origin = "";
            for (TargetReport.Flag f : t.rustflags()) { // one line per key or variable: its flags, then where the first is
                if (!f.key().equals(key)) {
                    if (key != null) s.append("    ").append(group).append("  ").append(origin).append('\n');
                    key = f.key();
                    group = new StringBuilder();
                    origin = f.origin().startsWith("env ") ? f.origin() : f.origin() + " (" + f.key() + ")";
                }
                group.append(group.length() == 0 ? "" : " ").append(RustcFlags.shellJoin(List.of(f.value())));
            }
            s.append("    ").append(group).append("  ").append(origin).append('\n');
        }
        for (TargetReport.Displaced d : t.displaced()) {
            s.append("  ignored: ").append(d.key()).append(d.flags().isEmpty() ? "" : " (" + RustcFlags.shellJoin(d.flags()) + ")")
                    .append("  ").append(d.origin()).append(", displaced by ").append(d.winner()).append(" (").append(d.winnerAt()).append(")\n");
        }
        t.linker().ifPresent(l -> s.append("  linker: ").append(l.value()).append("  ").append(l.origin()).append('\n'));
        s.append('\n');
    }

    static void finding(StringBuilder s, AuditFinding f) {
        s.append(f.location()).append(": ").append(f.severity().label()).append(": ").append(f.message())
                .append(" [").append(f.id()).append("]\n");
        if (!f.help().isEmpty()) s.append("  = help: ").append(f.help()).append('\n');
        if (!f.sources().isEmpty()) s.append("  = see: ").append(f.sources().get(0)).append('\n');
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String pad(String x, int w) {
        return x.length() >= w ? x : x + " ".repeat(w - x.length());
    }
}
