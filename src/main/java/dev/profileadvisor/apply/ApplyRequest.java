package dev.profileadvisor.apply;

import dev.profileadvisor.recommend.Request;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code apply} should write, and where.
 *
 * @param manifest a {@code Cargo.toml} or a directory (the nearest {@code Cargo.toml} at or above it, as cargo finds
 *                 it); relative paths are resolved against {@code base}. The file edited is the root manifest of its
 *                 workspace, the only one whose profiles cargo reads
 * @param request  the goals, and optionally the profile and its parent
 * @param env      the environment cargo would see ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME}), to
 *                 tell when a config file or variable overrides what is written
 * @param base     the directory file names in messages are relative to (the current directory)
 */
public record ApplyRequest(Path manifest, Request request, Map<String, String> env, Path base) {
    /**
     * Copies the environment.
     *
     * @param manifest a file named {@code Cargo.toml} (any other name is refused, as cargo refuses it) or a directory (the nearest {@code Cargo.toml} at or above it, as cargo run there finds it); relative paths are resolved against {@code base}. The file edited is the root manifest of its workspace, the only one whose profiles cargo reads
     * @param request  the goals, and optionally the profile and its parent
     * @param env      the environment cargo would see ({@code CARGO_PROFILE_*}, {@code CARGO_HOME}, {@code HOME}), to tell when a config file or variable overrides what is written
     * @param base     the directory file names in messages are relative to (the current directory)
     */
    public ApplyRequest {
        env = Map.copyOf(env);
    }

    /**
     * @param manifest a {@code Cargo.toml} or a directory
     * @param request  the goals
     * @return a request with an empty environment, names relative to the current directory
     */
    public static ApplyRequest of(Path manifest, Request request) {
        return new ApplyRequest(manifest, request, Map.of(), Path.of("").toAbsolutePath());
    }
}
