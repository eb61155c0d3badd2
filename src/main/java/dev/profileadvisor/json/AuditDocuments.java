package dev.profileadvisor.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profileadvisor.audit.AuditFinding;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.Problem;
import dev.profileadvisor.audit.ProfileReport;
import dev.profileadvisor.Severity;
import dev.profileadvisor.audit.SettingReport;
import dev.profileadvisor.audit.Suppression;
import dev.profileadvisor.audit.TargetReport;
import dev.profileadvisor.audit.WorkspaceAudit;
import dev.profileadvisor.catalog.HelpLinks;
import dev.profileadvisor.catalog.RuleDoc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The audit as the JSON contract ({@code audit --format json}) and as SARIF 2.1.0 ({@code --format sarif}). */
public final class AuditDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The tool's home page, for SARIF. */
    public static final String INFORMATION_URI = HelpLinks.REPOSITORY;

    private AuditDocuments() {
    }

    /** The most ancestors a profile's {@code inherits} lists; a longer chain also gives {@code inheritsCount}. */
    static final int MAX_ANCESTORS = 100;

    /**
     * @param report        the audit
     * @param schemaVersion the contract version to stamp
     * @return {@code {schemaVersion, reports[] {manifest, workspaceRoot, cargoDir, profiles[], target, findings[]}, errors[], summary}}
     */
    public static ObjectNode report(AuditReport report, int schemaVersion) {
        ObjectNode o = F.objectNode().put("schemaVersion", schemaVersion);
        ArrayNode reports = o.putArray("reports");
        for (WorkspaceAudit w : report.workspaces()) {
            ObjectNode r = reports.addObject().put("manifest", w.manifest()).put("workspaceRoot", w.root()).put("cargoDir", w.cargoDir());
            ArrayNode profiles = r.putArray("profiles");
            for (ProfileReport p : w.profiles()) {
                ObjectNode po = profiles.addObject().put("name", p.name());
                ArrayNode chain = po.putArray("inherits");
                p.chain().stream().skip(1).limit(MAX_ANCESTORS).forEach(chain::add); // every profile's whole chain would be quadratic
                if (p.chain().size() - 1 > MAX_ANCESTORS) po.put("inheritsCount", p.chain().size() - 1);
                if (p.problem().isPresent()) po.put("problem", p.problem().get());
                else po.putNull("problem");
                ArrayNode settings = po.putArray("settings");
                for (SettingReport s : p.settings()) {
                    ObjectNode x = settings.addObject().put("key", s.key());
                    x.set("value", JsonDocuments.value(s.typed()));
                    x.put("toml", s.toml()).put("valueId", s.valueId()).put("origin", s.origin()).put("setIn", s.setIn())
                            .put("why", s.why());
                }
                if (p.rustcFlags().isPresent()) {
                    ArrayNode flags = po.putArray("rustcFlags");
                    p.rustcFlags().get().forEach(flags::add);
                } else {
                    po.putNull("rustcFlags");
                }
                if (p.rustcLine().isPresent()) {
                    ArrayNode line = po.putArray("rustcLine");
                    p.rustcLine().get().forEach(line::add);
                } else {
                    po.putNull("rustcLine");
                }
            }
            r.set("target", target(w.target()));
            ArrayNode findings = r.putArray("findings");
            for (AuditFinding f : w.findings()) findings.add(finding(f));
        }
        ArrayNode errors = o.putArray("errors");
        for (Problem p : report.errors()) {
            errors.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column()).put("message", p.message());
        }
        ObjectNode summary = o.putObject("summary");
        summary.put("workspaces", report.workspaces().size()).put("errors", report.count(Severity.ERROR))
                .put("warnings", report.count(Severity.WARNING)).put("notes", report.count(Severity.NOTE))
                .put("inputErrors", report.errors().size()).put("allowed", report.allowedCount());
        return o;
    }

    private static ObjectNode target(TargetReport t) {
        ObjectNode o = F.objectNode().put("triple", t.triple()).put("how", t.how()).put("explicit", t.explicit())
                .put("rustflagsSource", t.source());
        ArrayNode flags = o.putArray("rustflags");
        for (TargetReport.Flag f : t.rustflags()) flags.addObject().put("flag", f.value()).put("origin", f.origin()).put("key", f.key());
        ArrayNode displaced = o.putArray("displaced");
        for (TargetReport.Displaced d : t.displaced()) {
            ObjectNode x = displaced.addObject().put("key", d.key()).put("origin", d.origin());
            ArrayNode df = x.putArray("flags");
            d.flags().forEach(df::add);
            x.put("winner", d.winner()).put("winnerAt", d.winnerAt());
        }
        if (t.linker().isPresent()) {
            TargetReport.Flag l = t.linker().get();
            o.putObject("linker").put("value", l.value()).put("origin", l.origin()).put("key", l.key());
        } else {
            o.putNull("linker");
        }
        return o;
    }

    private static ObjectNode finding(AuditFinding f) {
        ObjectNode o = F.objectNode().put("id", f.id()).put("severity", f.severity().label()).put("file", f.file())
                .put("line", f.line()).put("column", f.column()).put("message", f.message()).put("help", f.help());
        ArrayNode sources = o.putArray("sources");
        f.sources().forEach(sources::add);
        o.put("allowed", f.allowed());
        if (f.suppression().isPresent()) {
            Suppression why = f.suppression().get();
            o.putObject("suppression").put("kind", sarifKind(why)).put("location", why.location()).put("reason", why.reason());
        } else {
            o.putNull("suppression");
        }
        o.put("denied", f.denied());
        return o;
    }

    private static String sarifKind(Suppression why) {
        return switch (why.kind()) {
            case EXTERNAL -> "external";
            case IN_SOURCE -> "inSource";
        };
    }

    /**
     * SARIF 2.1.0: one run, the finding rules as {@code tool.driver.rules}, one result per finding, input errors as
     * tool execution notifications.
     *
     * @param report  the audit
     * @param rules   rule id → docs (for names, descriptions and help)
     * @param version the tool version
     * @return the SARIF log, each rule's {@code helpUri} the repository's docs
     */
    public static ObjectNode sarif(AuditReport report, Map<String, RuleDoc> rules, String version) {
        return sarif(report, rules, version, HelpLinks.repositoryDocs());
    }

    /**
     * {@link #sarif(AuditReport, Map, String)} with each rule's {@code helpUri} from {@code links}: its entry in the
     * published catalogue ({@code --docs-url}), or the repository's docs.
     *
     * @param report  the audit
     * @param rules   rule id → docs (for names, descriptions and help)
     * @param version the tool version
     * @param links   where each rule's documentation is on the web
     * @return the SARIF log
     */
    public static ObjectNode sarif(AuditReport report, Map<String, RuleDoc> rules, String version, HelpLinks links) {
        ObjectNode log = F.objectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json").put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "cargo-profile-advisor").put("version", version).put("informationUri", INFORMATION_URI);
        ArrayNode rulesNode = driver.putArray("rules");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (RuleDoc d : rules.values()) {
            if (d.kind() != RuleDoc.Kind.FINDING) continue;
            index.put(d.id(), index.size());
            ObjectNode r = rulesNode.addObject().put("id", d.id()).put("name", camel(d.id()));
            r.putObject("shortDescription").put("text", d.title());
            r.putObject("fullDescription").put("text", d.why().strip());
            if (!d.fix().isEmpty()) r.putObject("help").put("text", d.fix());
            r.put("helpUri", links.forRule(d.id()));
            r.putObject("defaultConfiguration").put("level", level(d.severity().orElse(Severity.NOTE)));
        }
        ArrayNode results = run.putArray("results");
        for (AuditFinding f : report.findings()) {
            ObjectNode r = results.addObject().put("ruleId", f.id());
            if (index.containsKey(f.id())) r.put("ruleIndex", index.get(f.id()));
            r.put("level", level(f.severity()));
            r.putObject("message").put("text", f.message() + (f.help().isEmpty() ? "" : " (help: " + f.help() + ")"));
            ArrayNode locations = r.putArray("locations");
            if (f.file().startsWith("env ")) {
                locations.addObject().putArray("logicalLocations").addObject().put("name", f.file().substring(4)).put("kind", "variable");
            } else {
                locations.add(physical(f.file(), f.line(), f.column()));
            }
            if (f.suppression().isPresent()) { // code-scanning UIs show the result as suppressed
                Suppression why = f.suppression().get();
                ObjectNode s = r.putArray("suppressions").addObject().put("kind", sarifKind(why)).put("status", "accepted");
                if (!why.reason().isEmpty()) s.put("justification", why.reason());
                if (why.kind() == Suppression.Kind.IN_SOURCE) s.set("location", physical(why.file(), why.line(), why.column()));
            }
        }
        List<ObjectNode> notifications = new ArrayList<>();
        for (Problem p : report.errors()) {
            ObjectNode n = F.objectNode().put("level", "error");
            n.putObject("message").put("text", p.toString());
            notifications.add(n);
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", report.errors().isEmpty());
        if (!notifications.isEmpty()) invocation.putArray("toolExecutionNotifications").addAll(notifications);
        return log;
    }

    /** A SARIF location in a file: {@code physicalLocation} with the region when the line is known. */
    private static ObjectNode physical(String file, int line, int column) {
        ObjectNode loc = F.objectNode();
        ObjectNode physical = loc.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(file));
        if (line > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", line);
            if (column > 0) region.put("startColumn", column);
        }
        return loc;
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }

    private static String uri(String file) {
        try {
            return new java.net.URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return file;
        }
    }

    private static String camel(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("-")) if (!part.isEmpty()) out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return out.toString();
    }
}
