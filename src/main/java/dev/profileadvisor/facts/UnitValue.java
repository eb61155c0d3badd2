package dev.profileadvisor.facts;

/**
 * The value a key has for the build of a {@link SharedDependency} in a profile, for the host (build scripts,
 * proc-macros) or for the target (audit input fact), resolved as cargo 1.95 does: {@code package.NAME} over
 * {@code package."*"} (non-members only) over, for the host, {@code build-override} and cargo's build-override
 * defaults, over the profile. For the host's {@code debug}, cargo's default follows the target's when the two builds
 * are otherwise the same (it builds the package once). {@code lto} is not among the keys: cargo decides a unit's LTO
 * after it shares the build (verified: {@code lto = true} does not split it).
 *
 * @param profile   profile name
 * @param pkg       package name
 * @param host      whether this is the build for the host
 * @param key       setting key
 * @param valueId   knowledge value id
 * @param toml      the value as written, or the default's literal
 * @param table     the table that decides it: {@code ""} (the profile, or cargo's default), {@code build-override},
 *                  {@code package.SPEC}
 * @param writtenIn the profile whose table writes it (an ancestor for an inherited table), empty for cargo's default
 * @param file      where it is written, empty for cargo's default
 * @param line      line
 * @param column    column
 * @param withoutBuildOverride the value it would have if no {@code build-override} table wrote the key: cargo's
 *                  build-override default or the profile's value for a host build that table decides, else
 *                  {@code valueId}
 */
public record UnitValue(String profile, String pkg, boolean host, String key, String valueId, String toml, String table,
                        String writtenIn, String file, int line, int column, String withoutBuildOverride) {
    /** @return {@code key = value} */
    public String assignment() {
        return key + " = " + toml;
    }
}
