package dev.profileadvisor.facts;

/**
 * The CPU the user asked the code to be compiled for ({@code --target-cpu}); absent when none was asked.
 *
 * @param level     the {@code -C target-cpu} value ({@code x86-64-v3}, {@code native}, {@code haswell})
 * @param kind      {@code baseline} (the target's default CPU), {@code level}, {@code named} or {@code native}
 *                  (knowledge/targets.toml)
 * @param portable  whether a binary built for it runs on every machine that meets {@code requires}, whatever machine
 *                  built it ({@code false} for {@code native})
 * @param requires  what a machine must have to run the binary, in a sentence (knowledge/targets.toml)
 * @param nativeCpu the CPU {@code native} stands for on this machine ({@code znver4}, from
 *                  {@code rustc --print target-cpus}), empty when unknown
 */
public record CpuChoice(String level, String kind, boolean portable, String requires, String nativeCpu) {
}
