package dev.profileadvisor.manifest;

/**
 * One dependency as a manifest declares it, as far as profiles care: which units it is built for and where it comes
 * from.
 *
 * @param key      the key as written ({@code foo} in {@code foo = { package = "real-foo" }})
 * @param name     the package name ({@code package = "…"} renames followed; for {@code workspace = true}, as the
 *                 member writes it until {@link Project} looks it up in {@code [workspace.dependencies]})
 * @param kind     the table it is in
 * @param source   {@code path}, {@code git}, {@code registry} (a version requirement alone, or a {@code registry}
 *                 key), or {@code workspace} ({@code workspace = true}: the root's declaration says)
 * @param version  the version requirement as written, empty when none
 * @param optional whether it is {@code optional = true} (built only when a feature asks for it)
 */
public record Dependency(String key, String name, Kind kind, String source, String version, boolean optional) {
    /** The dependency tables of a manifest. */
    public enum Kind {
        /** {@code [dependencies]} and {@code [target.*.dependencies]}: built for the target, linked into the crates */
        NORMAL,
        /** {@code [build-dependencies]} and {@code [target.*.build-dependencies]}: built for the host, for the build script */
        BUILD,
        /** {@code [dev-dependencies]}: tests, examples and benchmarks only */
        DEV,
        /** {@code [workspace.dependencies]}: declarations members inherit, not dependencies themselves */
        WORKSPACE
    }
}
