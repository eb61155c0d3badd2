package dev.profileadvisor.facts;

/**
 * A {@code -C target-cpu=} in the rustflags in force (audit input fact).
 *
 * @param cpu           the CPU written ({@code native}, {@code x86-64-v3})
 * @param key           the key or variable it comes from
 * @param file          where it is written ({@code env VAR} for a variable)
 * @param line          line, 0 for a variable
 * @param column        column, 0 for a variable
 * @param portable      whether a binary built for it runs on every machine with the CPU's features, whatever machine
 *                      built it (false for {@code native})
 * @param distProfile   {@code dist} when the workspace defines a {@code dist} profile (cargo-dist's, for the binaries
 *                      it ships), else empty
 * @param distProfileAt where that profile is declared, empty when there is none
 * @param distMetadataAt where cargo-dist's {@code [workspace.metadata.dist]} or {@code [package.metadata.dist]} is
 *                      written, empty when it is not
 */
public record TargetCpuFact(String cpu, String key, String file, int line, int column, boolean portable, String distProfile,
                            String distProfileAt, String distMetadataAt) {
}
