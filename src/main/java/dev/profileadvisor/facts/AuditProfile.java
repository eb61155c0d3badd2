package dev.profileadvisor.facts;

import dev.profileadvisor.manifest.ProfileChain;
import dev.profileadvisor.manifest.ChainProblem;

import java.util.List;
import java.util.Objects;

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
 * @param problem    why cargo cannot resolve its chain ({@link ChainProblem#NONE} when it can); also set on every
 *                   profile that inherits from a broken one or leads into a loop
 * @param dependencyDebuginfo whether an override gives a dependency of the binary debug info (turning off
 *                   release's implicit strip)
 * @param root       {@code dev} or {@code release} when the chain resolves, else empty
 * @param chain      the profile and its ancestors, the profile first ({@code dist, release}); on a problem, as far as
 *                   the resolver got
 * @param parent     the profile it inherits its values from ({@code chain.get(1)}: its {@code inherits}, or
 *                   {@code release} for {@code bench}); empty for {@code dev}, {@code release} and on a problem
 */
public record AuditProfile(String name, boolean builtIn, boolean reserved, boolean deprecated, boolean defined, String file,
                           int line, int column, String inherits, ChainProblem problem, String root, List<String> chain,
                           boolean dependencyDebuginfo, String parent) {
    /**
     * Checks that the chain starts at the profile and copies it.
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
     * @param problem    why cargo cannot resolve its chain ({@link ChainProblem#NONE} when it can)
     * @param root       {@code dev} or {@code release} when the chain resolves, else empty
     * @param chain      the profile and its ancestors, the profile first
     * @param dependencyDebuginfo whether an override gives a dependency of the binary debug info
     * @param parent     the profile it inherits its values from ({@code chain.get(1)}), empty for a root or on a problem
     */
    public AuditProfile {
        Objects.requireNonNull(problem, "problem");
        chain = ProfileChain.unmodifiable(chain); // shared along the chain: copies would be quadratic
        if (chain.isEmpty() || !chain.get(0).equals(name)) {
            throw new IllegalArgumentException("the chain of `" + name + "` must start with it: " + chain);
        }
        String expected = problem == ChainProblem.NONE && chain.size() > 1 ? chain.get(1) : "";
        if (!parent.equals(expected)) {
            throw new IllegalArgumentException("the parent of `" + name + "` is `" + expected + "`, not `" + parent + "`");
        }
    }
}
