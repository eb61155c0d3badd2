package dev.profileadvisor.facts;

/**
 * A profile the workspace defines or cargo provides (audit input fact).
 *
 * @param name       profile name
 * @param builtIn    dev, release, test or bench
 * @param reserved   a name cargo refuses
 * @param deprecated a name cargo ignores with a warning ({@code doc})
 * @param defined    whether some table defines it
 * @param file       where it is declared (empty for built-in profiles nobody declares)
 * @param line       line of the declaration
 * @param column     column of the declaration
 * @param inherits   its {@code inherits} value, or empty
 * @param problem    {@code missing-inherits}, {@code unknown-inherits}, {@code cycle}, or empty; also set on every
 *                   profile that inherits from a broken one or leads into a loop
 * @param dependencyDebuginfo whether an override gives a dependency of the binary debug info (turning off
 *                   release's implicit strip)
 * @param root       {@code dev} or {@code release} when the chain resolves, else empty
 * @param chain      the chain as text ({@code dist → release})
 */
public record AuditProfile(String name, boolean builtIn, boolean reserved, boolean deprecated, boolean defined, String file,
                           int line, int column, String inherits, String problem, String root, String chain,
                           boolean dependencyDebuginfo) {
}
