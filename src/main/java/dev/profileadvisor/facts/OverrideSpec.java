package dev.profileadvisor.facts;

/**
 * A {@code [profile.NAME.package.SPEC]} table (audit input fact).
 *
 * @param profile profile name
 * @param spec    the package spec
 * @param file    where it is
 * @param line    line
 * @param column  column
 * @param matches whether it names a workspace package, a dependency, a package in Cargo.lock, or is {@code *}
 * @param closest for a spec that matches nothing: the closest known package name, or empty
 * @param name    the package name the spec names (the spec without {@code @version} or {@code :version}), {@code *}
 *                for the wildcard
 * @param member  whether it names a workspace member (which {@code *} never reaches)
 * @param source  where the package comes from: {@code path} (a member or a path dependency), {@code registry},
 *                {@code git}; empty for {@code *} and when not known (see {@code DependencyGraph.source})
 */
public record OverrideSpec(String profile, String spec, String file, int line, int column, boolean matches, String closest,
                           String name, boolean member, String source) {
}
