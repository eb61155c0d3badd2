package dev.profileadvisor.audit;

import dev.profileadvisor.GoalWeight;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to audit.
 *
 * @param paths    manifests or directories (every {@code Cargo.toml} below a directory is audited, each workspace
 *                 once); empty for the current directory's workspace
 * @param goals    goals to check the effective profiles against ({@code conflicts-with-goal}); may be empty
 * @param env      the environment cargo would see ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
 * @param base     the directory file names in findings are relative to (the current directory)
 * @param cargoDir the directory cargo is taken to run in (relative to {@code base}): cargo reads
 *                 {@code .cargo/config.toml} from the directory it runs in up to {@code /}, whatever manifest it
 *                 builds, so {@code cargo build --manifest-path} reads those of the current directory; empty: each
 *                 workspace as cargo sees it when run from the workspace's root directory
 * @param target   the target triple, as {@code cargo build --target} takes it; empty: {@code build.target} or the host
 * @param levels   finding ids allowed or denied from outside the project ({@code --allow}, {@code --deny}), in the order
 *                 given: they beat the manifests' {@code allow} lists, and of several for one id the last counts
 */
public record AuditRequest(List<Path> paths, List<GoalWeight> goals, Map<String, String> env, Path base, Optional<Path> cargoDir,
                           Optional<String> target, List<RuleLevel> levels) {
    /**
     * Copies the collections.
     *
     * @param paths    manifests or directories (every {@code Cargo.toml} below a directory is audited, each workspace once); empty for the current directory's workspace
     * @param goals    goals to check the effective profiles against ({@code conflicts-with-goal}); may be empty
     * @param env      the environment cargo would see ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
     * @param base     the directory file names in findings are relative to (the current directory)
     * @param cargoDir the directory cargo is taken to run in (relative to {@code base}); empty: each workspace's root directory
     * @param target   the target triple ({@code --target}); empty: {@code build.target} or the host
     * @param levels   finding ids allowed or denied from outside the project, in the order given (the last for an id counts)
     */
    public AuditRequest {
        paths = List.copyOf(paths);
        goals = List.copyOf(goals);
        env = Map.copyOf(env);
        levels = List.copyOf(levels);
    }

    /**
     * With no finding allowed or denied from outside the project.
     *
     * @param paths    manifests or directories; empty for the current directory's workspace
     * @param goals    goals to check the effective profiles against; may be empty
     * @param env      the environment cargo would see
     * @param base     the directory file names in findings are relative to
     * @param cargoDir the directory cargo is taken to run in (relative to {@code base}); empty: each workspace's root directory
     * @param target   the target triple ({@code --target}); empty: {@code build.target} or the host
     */
    public AuditRequest(List<Path> paths, List<GoalWeight> goals, Map<String, String> env, Path base, Optional<Path> cargoDir,
                        Optional<String> target) {
        this(paths, goals, env, base, cargoDir, target, List.of());
    }

    /**
     * For the host target (or {@code build.target}).
     *
     * @param paths    manifests or directories; empty for the current directory's workspace
     * @param goals    goals to check the effective profiles against; may be empty
     * @param env      the environment cargo would see
     * @param base     the directory file names in findings are relative to
     * @param cargoDir the directory cargo is taken to run in (relative to {@code base}); empty: each workspace's root directory
     */
    public AuditRequest(List<Path> paths, List<GoalWeight> goals, Map<String, String> env, Path base, Optional<Path> cargoDir) {
        this(paths, goals, env, base, cargoDir, Optional.empty());
    }

    /**
     * @param triple a target triple, or empty for the host
     * @return this request for that target
     */
    public AuditRequest withTarget(Optional<String> triple) {
        return new AuditRequest(paths, goals, env, base, cargoDir, triple, levels);
    }

    /**
     * @param levels finding ids allowed or denied from outside the project ({@code --allow}, {@code --deny}), in the
     *               order given
     * @return this request with those levels instead of its own
     */
    public AuditRequest withLevels(List<RuleLevel> levels) {
        return new AuditRequest(paths, goals, env, base, cargoDir, target, levels);
    }

    /**
     * Cargo taken to run in {@code base} when no path is given (the current directory's workspace, as {@code cargo}
     * run there sees it), else in each workspace's root directory.
     *
     * @param paths manifests or directories; empty for the current directory's workspace
     * @param goals goals to check the effective profiles against; may be empty
     * @param env   the environment cargo would see
     * @param base  the directory file names in findings are relative to (the current directory)
     */
    public AuditRequest(List<Path> paths, List<GoalWeight> goals, Map<String, String> env, Path base) {
        this(paths, goals, env, base, paths.isEmpty() ? Optional.of(Path.of("")) : Optional.empty());
    }

    /**
     * @param manifest a manifest or directory
     * @return a request for it alone, with no goals and an empty environment, names relative to the current directory
     */
    public static AuditRequest of(Path manifest) {
        return new AuditRequest(List.of(manifest), List.of(), Map.of(), Path.of("").toAbsolutePath());
    }
}
