package dev.profileadvisor.recommend;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the machine that builds says about itself, for the target settings of a plan ({@code .cargo/config.toml}):
 * found by {@link HostProbe} from {@code rustc -vV}, {@code rustc --print target-cpus}, {@code cc --version} and the
 * programs on PATH, or given (tests, rule cases). A request without one is computed for the host the knowledge assumes
 * ({@code knowledge/targets.toml} {@code [host]}), with nothing known to be installed.
 *
 * @param triple     the host triple ({@code x86_64-unknown-linux-gnu})
 * @param detected   whether {@code triple} and {@code rustc} come from {@code rustc -vV}
 * @param rustc      rustc's release ({@code 1.95.0}), empty when rustc could not be asked
 * @param targetCpus the CPU names {@code rustc --print target-cpus} lists ({@code native} among them), empty when not
 *                   asked or rustc could not be asked
 * @param nativeCpu  the CPU {@code native} stands for here ({@code znver4}), empty when unknown
 * @param programs   program name → where it was found on PATH, for the programs looked for ({@code mold},
 *                   {@code ld.lld}, {@code clang}, {@code cc}); a program not found is absent
 * @param cc         what {@code cc --version} says the C compiler driver is: {@code gcc 12.2.0} or {@code clang 16.0.6};
 *                   empty when unknown
 * @param note       how the facts were found, for the plan's basis ({@code rustc -vV}, or why they are assumed)
 */
public record Host(String triple, boolean detected, Optional<String> rustc, Optional<List<String>> targetCpus,
                   Optional<String> nativeCpu, Map<String, Path> programs, Optional<String> cc, String note) {
    /**
     * Copies the collections.
     *
     * @param triple     the host triple
     * @param detected   whether the triple and version come from {@code rustc -vV}
     * @param rustc      rustc's release, empty when unknown
     * @param targetCpus the CPU names rustc lists, empty when unknown
     * @param nativeCpu  the CPU {@code native} stands for, empty when unknown
     * @param programs   program name → where it was found on PATH
     * @param cc         the C compiler driver, {@code gcc 12.2.0} or {@code clang 16.0.6}; empty when unknown
     * @param note       how the facts were found
     */
    public Host {
        targetCpus = targetCpus.map(List::copyOf);
        programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
    }

    /**
     * A host known only by its triple (rustc not asked, nothing known to be installed).
     *
     * @param triple the host triple
     * @param note   why it is assumed, for the plan's basis
     * @return the host
     */
    public static Host assumed(String triple, String note) {
        return new Host(triple, false, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), note);
    }

    /**
     * A host described by hand (tests, rule cases): programs are taken to be in {@code /usr/bin}.
     *
     * @param triple   the host triple
     * @param rustc    rustc's release ({@code 1.95.0})
     * @param programs the programs on PATH ({@code mold}, {@code clang})
     * @param cc       the C compiler driver ({@code gcc 12.2.0}), empty when unknown
     * @return the host, as if detected
     */
    public static Host of(String triple, String rustc, List<String> programs, Optional<String> cc) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (String p : programs) found.put(p, Path.of("/usr/bin", p));
        return new Host(triple, true, Optional.of(rustc), Optional.empty(), Optional.empty(), found, cc, "given");
    }

    /** @return the minor version of rustc ({@code 95} for {@code 1.95.0}), or 0 when unknown */
    public int rustcMinor() {
        return rustc.map(PlanProjects::minor).orElse(0);
    }

    /**
     * @param cpus the CPU names rustc lists for the host
     * @return a copy with them
     */
    public Host withTargetCpus(List<String> cpus) {
        return new Host(triple, detected, rustc, Optional.of(cpus), nativeCpu, programs, cc, note);
    }
}
