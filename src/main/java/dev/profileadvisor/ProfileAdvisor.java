package dev.profileadvisor;

import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.KnowledgeLoader;
import dev.profileadvisor.rules.RuleBase;
import dev.profileadvisor.rules.RuleCatalog;
import dev.profileadvisor.rules.RuleDoc;
import dev.profileadvisor.rules.RuleFile;

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
    private final RuleBase rules;
    private final RuleCatalog catalog;
    private final Recommender recommender;

    private ProfileAdvisor(Knowledge knowledge, List<RuleFile> ruleFiles) {
        this.knowledge = knowledge;
        this.rules = RuleBase.compile(ruleFiles);
        this.catalog = RuleCatalog.load(ruleFiles, knowledge);
        this.recommender = new Recommender(knowledge, rules, catalog);
    }

    /**
     * Loads the knowledge and rules bundled in the jar.
     *
     * @return the advisor
     * @throws AdvisorException if the bundled files are broken (a build problem, caught by the tests)
     */
    public static ProfileAdvisor withDefaults() {
        return load(Optional.empty(), Optional.empty());
    }

    /**
     * Loads a working copy of the rules and/or the knowledge; an empty argument means the bundled one.
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
        return new ProfileAdvisor(knowledge, files);
    }

    /**
     * Recommends a profile for some goals.
     *
     * @param request goals, weights and optionally the profile
     * @return the profile block and the argument for each line
     * @throws AdvisorException for an unknown goal, a bad weight, or an unknown or reserved profile name
     */
    public Recommendation recommend(Request request) {
        return recommender.recommend(request);
    }

    /** @return what the advisor knows: settings, goals, effects, sources, corrections */
    public Knowledge knowledge() {
        return knowledge;
    }

    /** @return rule id → its documentation and cases */
    public Map<String, RuleDoc> rules() {
        return catalog.docs();
    }

    /** @return rule id → {@code file:line} where the DRL declares it */
    public Map<String, String> ruleLocations() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        rules.rules().forEach((id, loc) -> out.put(id, loc.file() + ":" + loc.line()));
        return out;
    }

    /**
     * Finds what an id names: a setting ({@code lto}), a goal by id or alias ({@code "smallest binary"}), a rule
     * id or a correction id, tried in that order.
     *
     * @param id what to explain
     * @return the setting, goal, rule or correction it names
     * @throws AdvisorException when nothing has that name; the message suggests the closest names
     */
    public Explanation explain(String id) {
        return Explainer.lookup(this, id);
    }

    /**
     * Runs the rules on a request and reports which rules fired; for rule cases and {@code rules test}.
     *
     * @param request the request
     * @return rule id → times fired, and the recommendation
     * @throws AdvisorException as {@link #recommend(Request)}
     */
    public Trace trace(Request request) {
        return recommender.trace(request);
    }

    /**
     * A recommendation with the rules that fired for it.
     *
     * @param recommendation the result
     * @param firings        rule id → times fired
     * @param decisions      setting → decided value id, for every setting
     */
    public record Trace(Recommendation recommendation, Map<String, Integer> firings, Map<String, String> decisions) {
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
