package dev.profileadvisor.cli;

import dev.profileadvisor.catalog.HelpLinks;
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

import static dev.profileadvisor.cli.TerminalText.line;

/**
 * The audit for people: each workspace's effective profiles as tables, then findings in rustc's format. What the files
 * and the environment say is shown through {@link TerminalText#line}, so a value cannot start a line of its own.
 */
final class AuditText {
    private AuditText() {
    }

    static String render(AuditReport report, boolean showProfiles) {
        return render(report, showProfiles, false, HelpLinks.repositoryDocs());
    }

    /**
     * @param report       the audit
     * @param showProfiles whether to show the effective profile tables
     * @param showAllowed  whether to show the allowed findings (they are counted either way)
     * @param links        with a catalogue page configured ({@code --docs-url}), each finding links its rule's entry
     * @return the text
     */
    static String render(AuditReport report, boolean showProfiles, boolean showAllowed, HelpLinks links) {
        StringBuilder s = new StringBuilder();
        for (WorkspaceAudit w : report.workspaces()) {
            if (showProfiles) {
                s.append("== ").append(line(w.root())).append(w.root().equals(w.manifest()) ? "" : " (workspace of " + line(w.manifest()) + ")").append('\n');
                if (!w.runsInRoot()) {
                    s.append("config files: as cargo reads them when run in ").append(w.cargoDir().equals(".") ? "the current directory"
                            : line(w.cargoDir())).append(" (from there up, then $CARGO_HOME), not from the workspace root\n");
                }
                target(s, w.target());
                for (ProfileReport p : w.profiles()) profile(s, p);
            }
            List<AuditFinding> shown = w.findings().stream().filter(f -> showAllowed || !f.allowed()).toList();
            for (AuditFinding f : shown) finding(s, f, links);
            if (showProfiles && !shown.isEmpty()) s.append('\n');
        }
        s.append("audit: ").append(report.workspaces().size()).append(report.workspaces().size() == 1 ? " workspace" : " workspaces")
                .append(", ").append(count(report.count(Severity.ERROR), "error")).append(", ")
                .append(count(report.count(Severity.WARNING), "warning")).append(", ")
                .append(count(report.count(Severity.NOTE), "note"));
        if (report.allowedCount() > 0) s.append(", ").append(report.allowedCount()).append(" allowed");
        // an input is not audited for one error or several (every syntax error of a file is listed)
        long unread = report.errors().stream().map(dev.profileadvisor.Problem::file).distinct().count();
        if (unread > 0) s.append(", ").append(count((int) unread, "input")).append(" not audited");
        return s.append('\n').toString();
    }

    private static void profile(StringBuilder s, ProfileReport p) {
        s.append("profile ").append(line(p.name()));
        if (p.chain().size() > 1) s.append(" (inherits ").append(line(ProfileChain.arrows(p.chain().subList(1, p.chain().size()), false))).append(')');
        if (p.problem().isEmpty() && p.settings().stream().allMatch(x -> x.origin().equals("implicit")
                || x.origin().equals("default") && x.why().isEmpty())) {
            s.append(": cargo's defaults; rustc: ").append(line(p.rustcLine().map(RustcFlags::shellJoin).orElse(""))).append("\n\n");
            return;
        }
        s.append('\n');
        if (p.problem().isPresent()) {
            s.append("  cannot be used: ").append(line(p.problem().get())).append("\n\n");
            return;
        }
        List<SettingReport> settings = p.settings();
        int kw = settings.stream().mapToInt(x -> line(x.key()).length()).max().orElse(10);
        int vw = settings.stream().mapToInt(x -> line(Literals.shown(x.value())).length()).max().orElse(10);
        for (SettingReport x : settings) {
            s.append("  ").append(pad(line(x.key()), kw)).append("  ").append(pad(line(Literals.shown(x.value())), vw)).append("  ").append(line(x.origin()));
            if (!x.why().isEmpty()) s.append(" (").append(line(x.why())).append(')');
            if (!x.setIn().isEmpty() && !x.setIn().equals(p.name())) s.append(" (from profile ").append(line(x.setIn())).append(')');
            s.append('\n');
        }
        s.append("  rustc: ").append(p.rustcLine().map(f -> f.isEmpty() ? "(no -C flags)" : line(RustcFlags.shellJoin(f)))
                .orElse("(the build fails: an invalid value, see the errors below)")).append("\n\n");
    }

    /**
     * What the target adds to every rustc line, when it adds anything: the rustflags in force with where each is
     * written, the ones cargo drops, the linker.
     */
    private static void target(StringBuilder s, TargetReport t) {
        if (t.rustflags().isEmpty() && t.displaced().isEmpty() && t.linker().isEmpty() && !t.explicit()) return;
        s.append("target ").append(line(t.triple())).append(" (").append(line(t.how())).append(")\n");
        if (!t.rustflags().isEmpty()) {
            s.append("  rustflags from ").append(line(t.source())).append(", every profile:\n");
            String key = null;
            StringBuilder group = new StringBuilder();
            String origin = "";
            for (TargetReport.Flag f : t.rustflags()) { // one line per key or variable: its flags, then where the first is
                if (!f.key().equals(key)) {
                    if (key != null) s.append("    ").append(line(group)).append("  ").append(line(origin)).append('\n');
                    key = f.key();
                    group = new StringBuilder();
                    origin = f.origin().startsWith("env ") ? f.origin() : f.origin() + " (" + f.key() + ")";
                }
                group.append(group.length() == 0 ? "" : " ").append(RustcFlags.shellJoin(List.of(f.value())));
            }
            s.append("    ").append(line(group)).append("  ").append(line(origin)).append('\n');
        }
        for (TargetReport.Displaced d : t.displaced()) {
            s.append("  ignored: ").append(line(d.key() + (d.flags().isEmpty() ? "" : " (" + RustcFlags.shellJoin(d.flags()) + ")")))
                    .append("  ").append(line(d.origin())).append(", displaced by ").append(line(d.winner())).append(" (").append(line(d.winnerAt())).append(")\n");
        }
        t.linker().ifPresent(l -> s.append("  linker: ").append(line(l.value())).append("  ").append(line(l.origin())).append('\n'));
        s.append('\n');
    }

    static void finding(StringBuilder s, AuditFinding f, HelpLinks links) {
        s.append(line(f.location())).append(": ").append(f.severity().label()).append(f.allowed() ? " (allowed)" : "").append(": ")
                .append(line(f.message())).append(" [").append(line(f.id())).append("]\n");
        if (f.denied()) s.append("  = note: requested on the command line with `--deny ").append(line(f.id())).append("`\n");
        f.suppression().ifPresent(why -> s.append("  = allowed: ").append(line(switch (why.kind()) {
            case EXTERNAL -> "on the command line with `--allow " + f.id() + "`";
            case IN_SOURCE -> "by the `allow` entry at " + why.location() + (why.reason().isEmpty() ? "" : ": " + why.reason());
        })).append('\n'));
        if (!f.help().isEmpty()) s.append("  = help: ").append(line(f.help())).append('\n');
        if (!f.sources().isEmpty()) s.append("  = see: ").append(line(f.sources().get(0))).append('\n');
        if (links.configured()) s.append("  = docs: ").append(line(links.forRule(f.id()))).append('\n');
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String pad(String x, int w) {
        return x.length() >= w ? x : x + " ".repeat(w - x.length());
    }
}
