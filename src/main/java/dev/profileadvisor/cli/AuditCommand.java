package dev.profileadvisor.cli;

import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.audit.Allowances;
import dev.profileadvisor.audit.RuleLevel;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.Severity;
import dev.profileadvisor.json.AuditDocuments;
import dev.profileadvisor.json.JsonDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code audit}: effective profiles with provenance, and findings. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Show what your profiles really do (every key, where it comes from, the rustc flags) and what is wrong, redundant or ignored.",
        footer = {"", "Exit codes: 0 no finding at or above --fail-on, 1 findings at or above --fail-on, "
                + "2 an input could not be audited (the others are still reported), 3 internal error.",
                "", "Examples:", "  cargo-profile-advisor audit",
                "  cargo-profile-advisor audit --manifest-path path/to/Cargo.toml \\",
                "      --goal small-binary",
                "  cargo-profile-advisor audit crates/ other/Cargo.toml --format json",
                "  cargo-profile-advisor audit --allow restates-default \\",
                "      --deny strip-discards-debuginfo --fail-on warning",
                "  cargo-profile-advisor audit --format sarif > audit.sarif"})
final class AuditCommand implements Callable<Integer> {
    /** What --fail-on accepts. */
    enum FailOn { error, warning, note, never }

    /** Output formats of the audit. */
    enum AuditFormat { text, json, sarif }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Manifests or directories (every Cargo.toml below a directory; each workspace once, its config files "
                    + "read from its root directory up). Default: the current directory's workspace, as cargo run here sees it.")
    List<Path> paths = List.of();

    @Option(names = "--manifest-path", paramLabel = "PATH", description = "A Cargo.toml to audit (like cargo's option: "
            + "config files are read from the current directory up, as cargo reads them).")
    Path manifestPath;

    @Option(names = {"-g", "--goal"}, paramLabel = "GOAL[=WEIGHT]", description = "Also report settings that work against these goals.")
    List<String> goals = List.of();

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text (default), json or sarif.")
    AuditFormat format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit with 1 when a finding is at least this severe: error (default), warning, note or never.")
    FailOn failOn;

    @Option(names = "--findings-only", description = "Text: leave out the effective profile tables.")
    boolean findingsOnly;

    @Option(names = "--target", paramLabel = "TRIPLE", description = "Audit for this target, as `cargo build --target TRIPLE` "
            + "builds (its [target] tables and variables; build scripts and proc-macros then get no rustflags). Default: "
            + "build.target, else the host from `rustc -vV` (x86_64-unknown-linux-gnu assumed without rustc).")
    String target;

    /** The --allow and --deny options in the order given: of several for one id, the last one counts (rustc's -A/-D). */
    final List<RuleLevel> levels = new java.util.ArrayList<>();
    private int allowsSeen;
    private int deniesSeen;

    // picocli calls a multi-value option's setter with the values so far, each time one is added
    @Option(names = {"-A", "--allow"}, paramLabel = "ID", description = "Allow the findings of this rule: counted, not shown, "
            + "never a reason to fail (repeatable; beats the manifest's allow lists; for one id, the last --allow or --deny counts).")
    void allow(List<String> ids) {
        for (String id : ids.subList(allowsSeen, ids.size())) levels.add(RuleLevel.allow(id));
        allowsSeen = ids.size();
    }

    @Option(names = {"-D", "--deny"}, paramLabel = "ID", description = "Raise the findings of this rule to errors, also when the "
            + "manifest allows them (repeatable).")
    void deny(List<String> ids) {
        for (String id : ids.subList(deniesSeen, ids.size())) levels.add(RuleLevel.deny(id));
        deniesSeen = ids.size();
    }

    @Option(names = "--show-allowed", description = "Text: also show the allowed findings, each with what allows it.")
    boolean showAllowed;

    @Mixin
    LoadOptions load;

    @Mixin
    DocsUrlOption docs;

    /** A triple rustc does not know (asked when rustc is there) or that is not shaped like one is a usage error. */
    private void checkTarget(ProfileAdvisor advisor) {
        var targets = advisor.knowledge().targets();
        if (!target.matches("[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+){1,4}")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--target `" + target
                    + "` is not a target triple (like `x86_64-unknown-linux-gnu`; `rustc --print target-list` lists them)");
        }
        dev.profileadvisor.cargo.Host host = dev.profileadvisor.cargo.Host.detect(System.getenv(), targets);
        if (host.detected() && host.cfg(target, targets).isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--target `" + target + "`: rustc " + host.release()
                    + " does not know this target (`rustc --print target-list` lists the ones it knows)");
        }
    }

    @Override
    public Integer call() throws Exception {
        var links = docs.links();
        ProfileAdvisor advisor = load.advisor(goals.isEmpty() ? java.util.Set.of(ProfileAdvisor.Use.AUDIT)
                : java.util.Set.of(ProfileAdvisor.Use.AUDIT, ProfileAdvisor.Use.RECOMMEND));
        if (target != null) checkTarget(advisor);
        var unknown = Allowances.check(levels, advisor.rules());
        if (unknown.isPresent()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "`" + unknown.get().file() + "`: " + unknown.get().message());
        }
        List<Path> inputs = new java.util.ArrayList<>(paths);
        if (manifestPath != null) inputs.add(manifestPath);
        List<GoalWeight> parsed = goals.stream().map(GoalWeight::parse).toList();
        Path base = Path.of("").toAbsolutePath();
        AuditReport report;
        try (ProgressBarOnTerminal progress = ProgressBarOnTerminal.forStderr()) {
            // cargo reads config files from the directory it runs in, also with --manifest-path; PATH arguments
            // (many workspaces) are audited as cargo sees each one from its root
            report = advisor.audit(new AuditRequest(inputs, parsed, System.getenv(), base,
                    paths.isEmpty() ? java.util.Optional.of(Path.of("")) : java.util.Optional.empty(),
                    java.util.Optional.ofNullable(target), levels), progress);
        }
        var out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(JsonDocuments.write(AuditDocuments.report(report, JsonDocuments.SCHEMA_VERSION)));
            case sarif -> out.println(JsonDocuments.write(AuditDocuments.sarif(report, advisor.rules(),
                    new Main.Version().getVersion()[0].replaceFirst("^cargo-profile-advisor ", "").replaceFirst(" .*", ""), links)));
            default -> out.print(AuditText.render(report, !findingsOnly, showAllowed, links));
        }
        out.flush();
        report.errors().forEach(p -> spec.commandLine().getErr().println("error: " + TerminalText.line(p))); // diagnostics go to stderr in every format
        if (!report.errors().isEmpty()) return Main.BAD_INPUT;
        if (failOn == FailOn.never || report.worst().isEmpty()) return Main.OK;
        Severity threshold = Severity.valueOf(failOn.name().toUpperCase(java.util.Locale.ROOT));
        return report.worst().get().compareTo(threshold) <= 0 ? Main.CHECK_FAILED : Main.OK;
    }
}
