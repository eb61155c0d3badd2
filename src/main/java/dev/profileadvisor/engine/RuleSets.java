package dev.profileadvisor.engine;

import dev.profileadvisor.catalog.RuleFile;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The rule tree split by concern (its top-level folders: {@code recommend}, {@code audit}), each compiled into its
 * own rule base when first needed. A recommendation then never pays for compiling the audit rules: Drools' build
 * time grows with the number of rules. Files at the top of the tree belong to every
 * concern. Thread-safe.
 */
public final class RuleSets {
    private final List<RuleFile> files;
    private final Optional<Path> cacheDir;
    private final String buildId;
    private final Map<String, FutureTask<RuleBase>> compiled = new ConcurrentHashMap<>();

    /**
     * @param files the rule tree
     */
    public RuleSets(List<RuleFile> files) {
        this(files, Optional.empty(), "");
    }

    /**
     * Rule sets whose compiled packages are kept in {@code cacheDir} between runs (see
     * {@link CompiledRulesCache}), in a file named after {@code buildId} and the concern's rule texts.
     *
     * @param files    the rule tree
     * @param cacheDir where compiled packages are kept; empty compiles every time
     * @param buildId  what else the compiled packages depend on: the jar that holds the fact classes and Drools, and
     *                 the JVM
     */
    public RuleSets(List<RuleFile> files, Optional<Path> cacheDir, String buildId) {
        this.files = List.copyOf(files);
        this.cacheDir = cacheDir;
        this.buildId = buildId;
    }

    /** @return the concerns present, in file order */
    public Set<String> concerns() {
        Set<String> out = new LinkedHashSet<>();
        files.stream().filter(RuleFile::isDrl).map(RuleFile::concern).filter(c -> !c.isEmpty()).forEach(out::add);
        return out;
    }

    /**
     * @param concern a top-level folder name
     * @return its compiled rules (compiled on first use, or waited for when {@link #compileInBackground} started it)
     * @throws AdvisorException when its DRL files do not compile
     */
    public RuleBase concern(String concern) {
        FutureTask<RuleBase> task = task(concern);
        task.run(); // compiles here unless another thread already has (then this waits for it below)
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the " + concern + " rules", e);
        }
    }

    /**
     * Starts compiling a concern's rules on a daemon thread and returns at once, so that the compilation overlaps
     * other start-up work (loading the knowledge, reading manifests). {@link #concern} then waits for it; a
     * compilation error is reported there, not here.
     *
     * @param concern a top-level folder name
     */
    public void compileInBackground(String concern) {
        FutureTask<RuleBase> task = task(concern);
        Thread t = new Thread(task, "compile-" + concern + "-rules");
        t.setDaemon(true);
        t.start();
    }

    private FutureTask<RuleBase> task(String concern) {
        return compiled.computeIfAbsent(concern, c -> new FutureTask<>(() -> {
            List<RuleFile> mine = files.stream().filter(f -> f.concern().equals(c) || f.concern().isEmpty()).toList();
            return cacheDir.isEmpty() ? RuleBase.compile(mine) : CompiledRulesCache.compile(mine, cacheDir.get().resolve(cacheName(c, mine)));
        }));
    }

    /** {@code rules-CONCERN-HASH.ser}: the hash covers the build id and every file's name and text. */
    private String cacheName(String concern, List<RuleFile> mine) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((buildId + "\u0000").getBytes(StandardCharsets.UTF_8));
            for (RuleFile f : mine) sha.update((f.name() + "\u0000" + f.text() + "\u0000").getBytes(StandardCharsets.UTF_8));
            return "rules-" + concern + "-" + HexFormat.of().formatHex(sha.digest(), 0, 12) + ".ser";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Compiles every concern and reports every problem of every file at once, including a rule id used in two
     * concerns.
     *
     * @throws AdvisorException listing the problems
     */
    public void validate() {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleBase.Location> seen = new LinkedHashMap<>();
        for (String c : concerns()) {
            try {
                concern(c).rules().forEach((id, loc) -> {
                    RuleBase.Location prev = seen.putIfAbsent(id, loc);
                    if (prev != null && !prev.equals(loc)) {
                        problems.add(new Problem(loc.file(), loc.line(), 1, "rule `" + id + "` is already defined at "
                                + prev.file() + ":" + prev.line() + "; rule ids must be unique"));
                    }
                });
            } catch (AdvisorException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new AdvisorException(problems);
    }

    /** @return rule id → where it is declared, over every concern (compiling them all) */
    public Map<String, RuleBase.Location> locations() {
        Map<String, RuleBase.Location> out = new LinkedHashMap<>();
        for (String c : concerns()) concern(c).rules().forEach(out::putIfAbsent);
        return out;
    }
}
