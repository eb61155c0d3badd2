package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CPU the code can be compiled for, {@code -C target-cpu=ID} ({@code knowledge/targets.toml} {@code [[cpu]]}).
 *
 * @param id       the {@code target-cpu} value ({@code x86-64-v3}, {@code native}); {@code named} for the row that
 *                 stands for every named CPU
 * @param kind     what sort of CPU value it is
 * @param arch     the {@code target_arch} it exists on ({@code x86_64}), empty for every architecture
 * @param title    its name in output
 * @param features the target features rustc 1.95 turns on for it (empty for named CPUs and {@code native}, which
 *                 depend on the CPU)
 * @param requires what the machine that runs the binary must have, in a sentence
 * @param portable whether a binary built for it runs on every machine that meets {@code requires}, whatever machine
 *                 built it ({@code false} for {@code native})
 * @param effect   its published effects, in a sentence
 * @param sources  source keys
 */
public record CpuLevel(String id, Kind kind, String arch, String title, List<String> features, String requires,
                       boolean portable, String effect, List<String> sources) {
    /** What sort of CPU value a row is. */
    public enum Kind {
        /** the target's default CPU */
        BASELINE,
        /** a micro-architecture level ({@code x86-64-v2} … {@code -v4}) */
        LEVEL,
        /** a CPU by name ({@code haswell}) */
        NAMED,
        /** the build machine's CPU */
        NATIVE;

        /**
         * @param label {@code baseline}, {@code level}, {@code named} or {@code native}
         * @return the kind, or empty for anything else
         */
        public static Optional<Kind> of(String label) {
            for (Kind k : values()) if (k.name().toLowerCase(Locale.ROOT).equals(label)) return Optional.of(k);
            return Optional.empty();
        }
    }

    /**
     * Copies the lists.
     *
     * @param id       the {@code target-cpu} value
     * @param kind     what sort of CPU value it is
     * @param arch     the {@code target_arch} it exists on, empty for every architecture
     * @param title    its name in output
     * @param features the target features rustc 1.95 turns on for it
     * @param requires what the machine that runs the binary must have
     * @param portable whether a binary built for it runs on every machine that meets {@code requires}
     * @param effect   its published effects
     * @param sources  source keys
     */
    public CpuLevel {
        features = List.copyOf(features);
        sources = List.copyOf(sources);
    }
}
