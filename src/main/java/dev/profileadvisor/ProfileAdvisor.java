package dev.profileadvisor;

import dev.profileadvisor.recommend.Trace;

import dev.profileadvisor.apply.ApplyPlan;
import dev.profileadvisor.apply.ApplyRequest;
import dev.profileadvisor.apply.Planner;
import dev.profileadvisor.audit.AuditProgress;
import dev.profileadvisor.audit.AuditReport;
import dev.profileadvisor.audit.AuditRequest;
import dev.profileadvisor.audit.Allowances;
import dev.profileadvisor.audit.RuleLevel;
import dev.profileadvisor.audit.Auditor;
import dev.profileadvisor.explain.Explainer;
import dev.profileadvisor.explain.Explanation;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Recommender;
import dev.profileadvisor.recommend.Request;

import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.KnowledgeLoader;
import dev.profileadvisor.engine.RuleSets;
import dev.profileadvisor.catalog.RuleCatalog;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.catalog.RuleFile;
import dev.profileadvisor.catalog.SuppliedValues;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one entry point: load the knowledge and the rules once, then ask for recommendations. An instance is
 * immutable and safe to share between threads (the compiled rule base is shared; every call runs its own
 * short-lived session).
 *
 * <pre>{@code
 * var advisor = ProfileAdvisor.withDefaults();
 * Recommendation r = advisor.recommend(Request.goals("small-binary", "catch-panics").profile("release"));
 * System.out.print(r.toml());
 * }</pre>
 */
public final class ProfileAdvisor {
    private final Knowledge knowledge;
    /** Most recommendations kept; the cache is emptied when it is full (simple, bounded, no lock on reads). */
    static final int CACHE_LIMIT = 1024;

    private final RuleSets rules;
    /**
     * A recommendation is a pure function of the request and of the rules and knowledge this advisor loaded, and
     * it is immutable, so the same request is answered from here. {@link #trace(Request)} always runs the rules.
     */
    private final java.util.concurrent.ConcurrentHashMap<Request, Recommendation> recommendations =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final RuleCatalog catalog;
    private final Recommender recommender;
    private final Auditor auditor;
    private final Planner planner;
    private final Explainer explainer;

    private ProfileAdvisor(Knowledge knowledge, List<RuleFile> ruleFiles, RuleSets rules, boolean eager) {
        this.knowledge = knowledge;
        this.rules = rules;
        if (eager) rules.validate();
        this.catalog = RuleCatalog.load(ruleFiles, knowledge);
        this.recommender = new Recommender(knowledge, () -> rules.concern("recommend"), catalog);
        this.auditor = new Auditor(knowledge, () -> rules.concern("audit"), catalog, recommender);
        this.planner = new Planner(knowledge, recommender);
        this.explainer = new Explainer(knowledge, catalog.docs(), id -> Optional.ofNullable(ruleLocations().get(id)));
    }

    /**
     * Loads the knowledge and rules bundled in the jar. Each concern's rules ({@code recommend}, {@code audit}) are
     * compiled when first used, so a recommendation does not wait for the audit rules.
     *
     * @return the advisor
     * @throws AdvisorException if the bundled files are broken (a build problem, caught by the tests)
     */
    public static ProfileAdvisor withDefaults() {
        return withDefaults(java.util.Set.of());
    }

    /** What an advisor is about to be used for, so that {@link #withDefaults(java.util.Set)} can prepare it. */
    public enum Use {
        /** {@link #recommend}, {@link #plan}: the {@code rules/recommend} rules. */
        RECOMMEND("recommend"),
        /** {@link #audit}, {@link #auditText}: the {@code rules/audit} rules. */
        AUDIT("audit");

        private final String concern;

        Use(String concern) {
            this.concern = concern;
        }
    }

    /**
     * Loads the bundled knowledge and rules like {@link #withDefaults()}, and starts compiling the rules of
     * {@code first} on a second thread at once, so that compiling them (the bulk of a cold start) overlaps loading
     * the knowledge and whatever the caller does next, such as reading manifests. For short-lived processes that
     * know what they will do; the answers are the same. Run from the jar with {@code -Dcpa.rules.cache=DIR} (the
     * launcher sets it), the compiled rules are also kept in {@code DIR} for the next run, in files named after the
     * jar, the JVM and the rule texts.
     *
     * @param first the uses to prepare; empty compiles each concern when first used
     * @return the advisor
     * @throws AdvisorException if the bundled files are broken (a build problem, caught by the tests)
     */
    public static ProfileAdvisor withDefaults(java.util.Set<Use> first) {
        List<RuleFile> files = RuleFile.readTree(bundled("rules"), "rules");
        Optional<String> jar = jarIdentity();
        RuleSets rules = new RuleSets(files, jar.isEmpty() ? Optional.empty() : rulesCacheDir(), jar.orElse(""));
        for (Use u : Use.values()) if (first.contains(u)) rules.compileInBackground(u.concern);
        return new ProfileAdvisor(KnowledgeLoader.load(bundled("knowledge"), "knowledge"), files, rules, false);
    }

    /** The directory the launcher keeps compiled bundled rules in ({@code -Dcpa.rules.cache=DIR}), if any. */
    private static Optional<Path> rulesCacheDir() {
        String dir = System.getProperty("cpa.rules.cache", "");
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /**
     * The jar these classes (and the bundled rules, and Drools) come from, by path, size and time, with the JVM:
     * compiled rules depend on all of them. Empty when not running from a jar (tests, an IDE): classes in a
     * directory change without notice, so nothing is cached then.
     */
    private static Optional<String> jarIdentity() {
        try {
            var source = ProfileAdvisor.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path jar = Path.of(source.getLocation().toURI());
            if (!java.nio.file.Files.isRegularFile(jar)) return Optional.empty();
            return Optional.of(jar + " " + java.nio.file.Files.size(jar) + " " + java.nio.file.Files.getLastModifiedTime(jar).toMillis()
                    + " " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Loads a working copy of the rules and/or the knowledge; an empty argument means the bundled one. Every
     * rule file is compiled now, so a maintainer sees every mistake at once.
     *
     * @param rulesDir     a directory of {@code .drl} files and their docs, or empty
     * @param knowledgeDir a directory with the {@code knowledge/*.toml} files, or empty
     * @return the advisor
     * @throws AdvisorException listing every problem found in the files, each with {@code file:line:col}
     */
    public static ProfileAdvisor load(Optional<Path> rulesDir, Optional<Path> knowledgeDir) {
        Knowledge knowledge = knowledgeDir.map(d -> KnowledgeLoader.load(d, d.toString()))
                .orElseGet(() -> KnowledgeLoader.load(bundled("knowledge"), "knowledge"));
        List<RuleFile> files = rulesDir.map(d -> RuleFile.readTree(d, d.toString()))
                .orElseGet(() -> RuleFile.readTree(bundled("rules"), "rules"));
        return new ProfileAdvisor(knowledge, files, new RuleSets(files), true);
    }

    /**
     * Recommends a profile for some goals. The same request is answered from a bounded cache the second time:
     * the result depends only on the request and on the rules and knowledge loaded.
     *
     * @param request goals, weights and optionally the profile
     * @return the profile block and the argument for each line
     * @throws AdvisorException for an unknown goal, a bad weight, or an unknown or reserved profile name
     */
    public Recommendation recommend(Request request) {
        Recommendation cached = recommendations.get(request);
        if (cached != null) return cached;
        Recommendation r = recommender.recommend(request);
        if (recommendations.size() >= CACHE_LIMIT) recommendations.clear();
        recommendations.put(request, r);
        return r;
    }

    /**
     * Audits one manifest (or the workspace of a directory) with no goals and an empty environment.
     *
     * @param manifest a {@code Cargo.toml} or a directory holding one
     * @return the report; a manifest that cannot be read is reported in {@link AuditReport#errors()}
     */
    public AuditReport audit(Path manifest) {
        return audit(AuditRequest.of(manifest));
    }

    /**
     * Audits every workspace the request names: the effective value of every key of every profile with its
     * origin and the rustc flags cargo passes for the binary, and findings (invalid, ignored, contradictory or
     * redundant settings, and with goals, settings that work against them).
     *
     * @param request manifests or directories, goals, environment
     * @return the report; inputs that cannot be audited are listed in {@link AuditReport#errors()} and the others
     *         are still audited
     * @throws AdvisorException for an unknown goal or a bad weight, or a level ({@link AuditRequest#levels()}) naming
     *                          no finding
     */
    public AuditReport audit(AuditRequest request) {
        return audit(request, AuditProgress.NONE);
    }

    /**
     * {@link #audit(AuditRequest)}, telling {@code progress} how far it has got.
     *
     * @param request  manifests or directories, goals, environment
     * @param progress hears the number of workspaces, then each one audited (from several threads)
     * @return the report
     * @throws AdvisorException for an unknown goal or a bad weight
     */
    public AuditReport audit(AuditRequest request, AuditProgress progress) {
        if (!request.goals().isEmpty()) recommender.resolveGoals(request.goals());
        checkLevels(request.levels());
        return auditor.audit(request, progress);
    }

    private void checkLevels(List<RuleLevel> levels) {
        Optional<Problem> unknown = Allowances.check(levels, catalog.docs());
        if (unknown.isPresent()) throw new AdvisorException(unknown.get());
    }

    /**
     * Audits profile text directly (no file system access): a root {@code Cargo.toml}, an optional
     * {@code .cargo/config.toml} and {@code CARGO_PROFILE_*} variables. For services that must not read paths.
     *
     * @param manifest the {@code Cargo.toml} text
     * @param config   the config file text, or empty
     * @param env      environment variables
     * @param goals    goals, may be empty
     * @return the report
     * @throws AdvisorException when the text is not valid TOML, its {@code [*.metadata.profile-advisor]} tables are of
     *                          the wrong shape, or for an unknown goal
     */
    public AuditReport auditText(String manifest, Optional<String> config, Map<String, String> env, List<GoalWeight> goals) {
        return auditText(manifest, config, env, goals, List.of());
    }

    /**
     * {@link #auditText(String, Optional, Map, List)} with finding ids allowed or denied from outside the project
     * (the HTTP request's {@code allow} and {@code deny}), which beat the manifest's {@code allow} lists.
     *
     * @param manifest the {@code Cargo.toml} text
     * @param config   the config file text, or empty
     * @param env      environment variables
     * @param goals    goals, may be empty
     * @param levels   finding ids to allow or deny, in the order given (the last for an id counts)
     * @return the report, the allowed findings marked
     * @throws AdvisorException when the text is not valid TOML, its {@code [*.metadata.profile-advisor]} tables are
     *                          of the wrong shape, for an unknown goal, or for a level naming no finding
     */
    public AuditReport auditText(String manifest, Optional<String> config, Map<String, String> env, List<GoalWeight> goals,
                                 List<RuleLevel> levels) {
        if (!goals.isEmpty()) recommender.resolveGoals(goals);
        checkLevels(levels);
        var project = dev.profileadvisor.manifest.Project.ofText(manifest, config, env, knowledge);
        List<Problem> metadata = project.root().advisorMetadata().problems();
        if (!metadata.isEmpty()) throw new AdvisorException(metadata);
        return new AuditReport(List.of(auditor.audit(project, "Cargo.toml", goals, Optional.empty(), levels)), List.of());
    }

    /**
     * Reads what a plan uses of a project: which packages are its own, its dependencies (with {@code Cargo.lock}),
     * build scripts and proc-macros, {@code catch_unwind} in the sources, {@code rust-version}, and what its files
     * and environment make of each profile. Pass it with {@link Request#project(dev.profileadvisor.recommend.PlanProject)}.
     *
     * @param manifestOrDir a {@code Cargo.toml} or a directory (searched upwards, as {@code audit} does)
     * @param env           the environment cargo would see ({@code CARGO_PROFILE_*} are read)
     * @param base          where relative paths start and config files are searched from
     * @return the project's facts
     * @throws AdvisorException for a manifest that cannot be read or is not valid TOML
     */
    public dev.profileadvisor.recommend.PlanProject project(Path manifestOrDir, Map<String, String> env, Path base) {
        Path start = dev.profileadvisor.apply.Planner.locate(base, manifestOrDir);
        var project = dev.profileadvisor.manifest.Project.load(start, base, env, knowledge, base);
        return dev.profileadvisor.recommend.PlanProjects.of(project, knowledge, Optional.empty());
    }

    /**
     * {@link #project(Path, Map, Path)} for a manifest given as text (the HTTP API): a single manifest, its lock file
     * and config file when given.
     *
     * @param manifest the {@code Cargo.toml} text
     * @param lock     the {@code Cargo.lock} text, or empty
     * @param config   a {@code .cargo/config.toml} text, or empty
     * @param env      environment variables
     * @return the project's facts
     * @throws AdvisorException when a text is not valid TOML
     */
    public dev.profileadvisor.recommend.PlanProject projectText(String manifest, Optional<String> lock, Optional<String> config,
                                                                 Map<String, String> env) {
        var project = dev.profileadvisor.manifest.Project.ofText(manifest, config, env, knowledge);
        return dev.profileadvisor.recommend.PlanProjects.of(project, knowledge, Optional.of(lock.orElse("")));
    }

    /**
     * Works out what {@code apply} would write into a workspace's root {@code Cargo.toml} for a recommendation,
     * without writing: the edited text, each key set or changed, the unified diff, and notes on what still works
     * against the recommendation (a line it keeps, a config file or variable that overrides it). Write the result
     * with {@link dev.profileadvisor.edit.SafeWrite#replace(dev.profileadvisor.edit.FileSnapshot, String)}.
     *
     * @param request the manifest or directory, the goals, the environment
     * @return the plan; {@link ApplyPlan#changesFile()} is false when the file already matches
     * @throws AdvisorException for a manifest that cannot be read or is not valid TOML (each error with
     *                          {@code file:line:col}), a profile written in a layout apply refuses to edit (an inline
     *                          table, a multi-line value), or bad goals or profile names
     */
    public ApplyPlan plan(ApplyRequest request) {
        return planner.plan(request);
    }

    /**
     * {@link #plan(ApplyRequest)} with an empty environment, names relative to the current directory.
     *
     * @param manifestOrDir a {@code Cargo.toml} or a directory
     * @param request       the goals
     * @return the plan
     * @throws AdvisorException as {@link #plan(ApplyRequest)}
     */
    public ApplyPlan plan(Path manifestOrDir, Request request) {
        return plan(ApplyRequest.of(manifestOrDir, request));
    }

    /** @return what the advisor knows: settings, goals, effects, sources, corrections */
    public Knowledge knowledge() {
        return knowledge;
    }

    /** @return rule id → its documentation and cases */
    public Map<String, RuleDoc> rules() {
        return catalog.docs();
    }

    /** @return rule id → the values its consequence passes to its message, fix and parts (read from the DRL text) */
    public Map<String, SuppliedValues> suppliedValues() {
        return catalog.supplied();
    }

    /** @return every value trait a DRL condition matches ({@code traits contains "…"}), read from the DRL text */
    public List<dev.profileadvisor.catalog.TraitUse> traitUses() {
        return catalog.traitUses();
    }

    /** @return rule id → {@code file:line} where the DRL declares it */
    public Map<String, String> ruleLocations() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        rules.locations().forEach((id, loc) -> out.put(id, loc.file() + ":" + loc.line()));
        return out;
    }

    /**
     * Finds what an id names: a setting ({@code lto}), a goal by id or alias ({@code "smallest binary"}), a rule
     * id or a correction id, tried in that order.
     *
     * @param id what to explain
     * @return the setting, goal, rule or correction it names
     * @throws AdvisorException when nothing has that name; the message names the close ones, or what exists
     */
    public Explanation explain(String id) {
        return explainer.lookup(id);
    }

    /**
     * Runs the rules on a request in a new session and reports which rules fired; for rule cases and
     * {@code rules test}. The recommendation is the same as {@link #recommend(Request)}'s, which runs in a standing
     * session and counts no firings.
     *
     * @param request the request
     * @return rule id → times fired, and the recommendation
     * @throws AdvisorException as {@link #recommend(Request)}
     */
    public Trace trace(Request request) {
        return recommender.trace(request);
    }


    /**
     * A measurer of this advisor's candidates on a real crate ({@code measure}): builds with the cargo on the
     * request's {@code PATH}, so it takes minutes, not microseconds.
     *
     * @return a measurer; {@link dev.profileadvisor.measure.Measurer#cancel()} stops it from another thread
     */
    public dev.profileadvisor.measure.Measurer measurer() {
        return new dev.profileadvisor.measure.Measurer(knowledge(), this::trace,
                (manifest, env) -> project(manifest, env, Path.of("").toAbsolutePath()));
    }

    static Path bundled(String folder) {
        URL url = ProfileAdvisor.class.getClassLoader().getResource(folder + "/README.md");
        if (url == null) url = ProfileAdvisor.class.getClassLoader().getResource(folder);
        if (url == null) throw new AdvisorException(Problem.of(folder, "the bundled `" + folder + "` folder is missing from the jar"));
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                String s = uri.toString();
                URI jar = URI.create(s.substring(0, s.indexOf("!/")));
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(jar, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(jar);
                }
                return fs.getPath("/" + folder);
            }
            Path p = Path.of(uri);
            return p.getFileName().toString().equals("README.md") ? p.getParent() : p;
        } catch (URISyntaxException | IOException e) {
            throw new AdvisorException(Problem.of(folder, "cannot open the bundled `" + folder + "` folder: " + e.getMessage()));
        }
    }
}
