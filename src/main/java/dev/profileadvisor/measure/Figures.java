package dev.profileadvisor.measure;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** What {@code measure} records: the records its report is made of. */
public final class Figures {
    private Figures() {
    }

    /**
     * One file a build produced.
     *
     * @param name       the target's name
     * @param kind       {@code bin}, {@code cdylib} or {@code staticlib}
     * @param path       where cargo wrote it (in the candidate's own target directory)
     * @param bytes      its size
     * @param symbols    whether it kept a symbol table; empty when not an ELF file
     * @param lineTables whether it kept line tables
     * @param debugInfo  whether it kept debug info beyond line tables
     */
    public record Artifact(String name, String kind, Path path, long bytes, Optional<Boolean> symbols, Optional<Boolean> lineTables,
                           Optional<Boolean> debugInfo) {
    }

    /**
     * A clean build.
     *
     * @param wallSeconds  wall time
     * @param cpuSeconds   user + system time of cargo and every process it waited for; empty without GNU time
     * @param peakRssBytes the peak resident set of the largest single process of the build (rustc or a linker, not
     *                     their sum); empty without GNU time
     */
    public record Build(double wallSeconds, OptionalDouble cpuSeconds, OptionalLong peakRssBytes) {
    }

    /**
     * The user's command, run on the candidate's binary.
     *
     * @param medianSeconds  median wall time over the rounds
     * @param minSeconds     fastest round
     * @param maxSeconds     slowest round
     * @param rounds         rounds counted (after one warm-up round)
     * @param instructions   instructions retired by one run, counted by {@code instructionsBy}; empty when no counter was available
     * @param instructionsBy {@code perf} (perf stat, user-space instructions) or {@code valgrind} (cachegrind's I refs), or empty
     */
    public record Run(double medianSeconds, double minSeconds, double maxSeconds, int rounds, OptionalLong instructions,
                      String instructionsBy) {
    }

    /**
     * One candidate and what was measured of it.
     *
     * @param candidate      the candidate
     * @param artifacts      the files its build produced
     * @param build          the clean build, empty when it failed
     * @param rebuildSeconds the rebuild after touching the root crate's main source, empty when not measured
     * @param run            the user's command, empty without {@code --run} or when it failed
     * @param error          what went wrong, empty when nothing did
     */
    public record Measurement(Candidate candidate, List<Artifact> artifacts, Optional<Build> build, OptionalDouble rebuildSeconds,
                              Optional<Run> run, Optional<String> error) {
        /**
         * Copies the artifacts.
         *
         * @param candidate      the candidate
         * @param artifacts      the files its build produced
         * @param build          the clean build
         * @param rebuildSeconds the rebuild
         * @param run            the user's command
         * @param error          what went wrong
         */
        public Measurement {
            artifacts = List.copyOf(artifacts);
        }

        /** @return the total size of its artifacts */
        public long bytes() {
            return artifacts.stream().mapToLong(Artifact::bytes).sum();
        }

        /** @return whether it built and produced something to weigh */
        public boolean ok() {
            return error.isEmpty() && build.isPresent();
        }

        Measurement withRun(Optional<Run> r, Optional<String> e) {
            return new Measurement(candidate, artifacts, build, rebuildSeconds, r, e.isPresent() ? e : error);
        }
    }
}
