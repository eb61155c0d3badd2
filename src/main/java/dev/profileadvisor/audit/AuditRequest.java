package dev.profileadvisor.audit;

import dev.profileadvisor.GoalWeight;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to audit.
 *
 * @param paths manifests or directories (every {@code Cargo.toml} below a directory is audited, each workspace once);
 *              empty for the current directory's workspace
 * @param goals goals to check the effective profiles against ({@code conflicts-with-goal}); may be empty
 * @param env   the environment cargo would see ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
 * @param base  the directory file names in findings are relative to (the current directory)
 */
public record AuditRequest(List<Path> paths, List<GoalWeight> goals, Map<String, String> env, Path base) {
    /**
     * Copies the collections.
     *
     * @param paths manifests or directories (every {@code Cargo.toml} below a directory is audited, each workspace once); empty for the current directory's workspace
     * @param goals goals to check the effective profiles against ({@code conflicts-with-goal}); may be empty
     * @param env   the environment cargo would see ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME})
     * @param base  the directory file names in findings are relative to (the current directory)
     */
    public AuditRequest {
        paths = List.copyOf(paths);
        goals = List.copyOf(goals);
        env = Map.copyOf(env);
    }

    /**
     * @param manifest a manifest or directory
     * @return a request for it alone, with no goals and an empty environment, names relative to the current directory
     */
    public static AuditRequest of(Path manifest) {
        return new AuditRequest(List.of(manifest), List.of(), Map.of(), Path.of("").toAbsolutePath());
    }
}
