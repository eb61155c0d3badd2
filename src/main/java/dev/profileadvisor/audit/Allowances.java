package dev.profileadvisor.audit;

import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.facts.AllowedIdFact;
import dev.profileadvisor.knowledge.Suggestions;
import dev.profileadvisor.manifest.AdvisorMetadata;
import dev.profileadvisor.manifest.Manifest;
import dev.profileadvisor.manifest.Project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which findings are allowed or denied, the way clippy's lint levels work:
 * <ol>
 *   <li>the request's levels ({@code --allow}/{@code --deny}, HTTP {@code allow}/{@code deny}) come first, the last one
 *       for an id counting (rustc's {@code -A x -D x} denies {@code x}), as cargo passes a manifest's {@code [lints]}
 *       to rustc before the flags of the command line, which so win;</li>
 *   <li>then the manifests' {@code allow} lists: {@code [package.metadata.profile-advisor]} of a member for the
 *       findings in that member's {@code Cargo.toml}; {@code [package.metadata.profile-advisor]} of the root package
 *       and {@code [workspace.metadata.profile-advisor]} for the findings in every other file of the workspace (the
 *       root manifest, config files, environment variables), the workspace's list also for the members'.</li>
 * </ol>
 * An allowed finding is counted, not shown, and never fails a check; a denied one is an error.
 */
public final class Allowances {
    private Allowances() {
    }

    /**
     * @param id    an id given on the command line or in a request
     * @param rules the rule catalogue
     * @return why it cannot be allowed or denied (it is no finding's id), naming the close ids; empty when it is a finding's
     */
    public static Optional<String> unknown(String id, Map<String, RuleDoc> rules) {
        RuleDoc doc = rules.get(id);
        if (doc != null && doc.kind() == RuleDoc.Kind.FINDING) return Optional.empty();
        if (doc != null) {
            return Optional.of("`" + id + "` is a " + doc.kind().label() + " rule of `recommend`, which reports no findings: "
                    + "only findings can be allowed or denied");
        }
        List<String> close = Suggestions.closest(id, findingIds(rules), 3);
        return Optional.of("`" + id + "` is not a finding id" + (close.isEmpty()
                ? " (`cargo-profile-advisor rules list` lists them)" : "; did you mean " + or(close) + "?"));
    }

    /**
     * @param levels levels given on the command line or in a request
     * @param rules  the rule catalogue
     * @return the first level that names no finding, as a problem of {@code --allow ID} (or {@code --deny ID}) saying
     *         why; empty when every level names a finding
     */
    public static Optional<dev.profileadvisor.Problem> check(List<RuleLevel> levels, Map<String, RuleDoc> rules) {
        for (RuleLevel l : levels) {
            Optional<String> why = unknown(l.id(), rules);
            if (why.isPresent()) {
                return Optional.of(dev.profileadvisor.Problem.of("--" + l.level().name().toLowerCase(java.util.Locale.ROOT) + " " + l.id(), why.get()));
            }
        }
        return Optional.empty();
    }

    /** One fact per {@code allow} entry that counts: the root's workspace list and every package's list. */
    static List<AllowedIdFact> facts(Project project, Map<String, RuleDoc> rules) {
        List<String> findingIds = findingIds(rules);
        List<AllowedIdFact> out = new ArrayList<>();
        for (Manifest m : project.manifests()) {
            AdvisorMetadata md = m.advisorMetadata();
            List<AdvisorMetadata.Allowed> counted = new ArrayList<>(md.pkg());
            if (m == project.root()) counted.addAll(md.workspace());
            for (AdvisorMetadata.Allowed a : counted) {
                RuleDoc doc = rules.get(a.id());
                boolean finding = doc != null && doc.kind() == RuleDoc.Kind.FINDING;
                out.add(new AllowedIdFact(a.at().file(), a.at().line(), a.at().column(), a.id(), a.table(), finding,
                        doc != null && !finding ? doc.kind().label() : "",
                        finding || doc != null ? "" : Suggestions.closest(a.id(), findingIds).orElse("")));
            }
        }
        return out;
    }

    /**
     * @param findings the workspace's findings, as the rules report them
     * @param project  the workspace, whose manifests hold the {@code allow} lists
     * @param levels   the request's levels, in the order given
     * @return the findings with their levels applied
     */
    static List<AuditFinding> apply(List<AuditFinding> findings, Project project, List<RuleLevel> levels) {
        Map<String, RuleLevel.Level> asked = new HashMap<>();
        for (RuleLevel l : levels) asked.put(l.id(), l.level()); // the last for an id counts
        Map<String, Map<String, AdvisorMetadata.Allowed>> byFile = new HashMap<>(); // member manifest → id → entry
        Map<String, AdvisorMetadata.Allowed> workspaceWide = new HashMap<>();
        Map<String, AdvisorMetadata.Allowed> membersToo = new HashMap<>();
        for (Manifest m : project.manifests()) {
            AdvisorMetadata md = m.advisorMetadata();
            if (m == project.root()) {
                md.workspace().forEach(a -> { workspaceWide.putIfAbsent(a.id(), a); membersToo.putIfAbsent(a.id(), a); });
                md.pkg().forEach(a -> workspaceWide.putIfAbsent(a.id(), a));
            } else {
                Map<String, AdvisorMetadata.Allowed> own = byFile.computeIfAbsent(m.display(), k -> new HashMap<>());
                md.pkg().forEach(a -> own.putIfAbsent(a.id(), a));
            }
        }
        List<AuditFinding> out = new ArrayList<>(findings.size());
        for (AuditFinding f : findings) {
            RuleLevel.Level level = asked.get(f.id());
            if (level == RuleLevel.Level.DENY) {
                out.add(f.deniedOnRequest());
                continue;
            }
            if (level == RuleLevel.Level.ALLOW) {
                out.add(f.allowedBy(Suppression.external()));
                continue;
            }
            Map<String, AdvisorMetadata.Allowed> member = byFile.get(f.file());
            AdvisorMetadata.Allowed entry = member == null ? workspaceWide.get(f.id())
                    : Optional.ofNullable(member.get(f.id())).orElse(membersToo.get(f.id()));
            out.add(entry == null ? f : f.allowedBy(new Suppression(Suppression.Kind.IN_SOURCE, entry.at().file(),
                    entry.at().line(), entry.at().column(), entry.reason())));
        }
        return out;
    }

    private static List<String> findingIds(Map<String, RuleDoc> rules) {
        return rules.values().stream().filter(d -> d.kind() == RuleDoc.Kind.FINDING).map(RuleDoc::id).toList();
    }

    private static String or(List<String> ids) {
        List<String> q = ids.stream().map(i -> "`" + i + "`").toList();
        return q.size() == 1 ? q.get(0) : String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }
}
