package dev.profileadvisor.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A linker choice ({@code knowledge/targets.toml} {@code [[linker]]}).
 *
 * @param id          stable id ({@code lld}, {@code mold}, {@code custom-driver}, {@code system-ld})
 * @param title       its name
 * @param flags       how to write it in rustflags, one argument per element ({@code -C}, {@code link-arg=-fuse-ld=mold});
 *                    empty when it is written as {@code target.<triple>.linker}
 * @param matches     the {@code -C} option values that select it ({@code link-arg=-fuse-ld=mold})
 * @param programs    {@code target.<triple>.linker} values that select it ({@code clang})
 * @param needs       executables that must be on PATH, unless the target has this linker as its default
 * @param driver      what the linker driver must be, in a phrase
 * @param gccSince    the oldest GCC that can drive it ({@code 12.1}), or empty
 * @param redundantOn targets that already link with it by default, and since which Rust version
 * @param effect      its published and verified effects, in a sentence or two
 * @param sources     source keys
 */
public record Linker(String id, String title, List<String> flags, List<String> matches, List<String> programs,
                     List<String> needs, String driver, String gccSince, List<DefaultOn> redundantOn, String effect,
                     List<String> sources) {
    /**
     * A target whose rustc links with this linker by default.
     *
     * @param triple the target triple
     * @param since  the first Rust version that does
     */
    public record DefaultOn(String triple, String since) {
    }

    /**
     * Copies the lists.
     *
     * @param id          stable id
     * @param title       its name
     * @param flags       how to write it in rustflags
     * @param matches     the {@code -C} option values that select it
     * @param programs    {@code target.<triple>.linker} values that select it
     * @param needs       executables that must be on PATH
     * @param driver      what the linker driver must be
     * @param gccSince    the oldest GCC that can drive it, or empty
     * @param redundantOn targets that already link with it by default
     * @param effect      its effects
     * @param sources     source keys
     */
    public Linker {
        flags = List.copyOf(flags);
        matches = List.copyOf(matches);
        programs = List.copyOf(programs);
        needs = List.copyOf(needs);
        redundantOn = List.copyOf(redundantOn);
        sources = List.copyOf(sources);
    }

    /**
     * @param triple a target triple
     * @return since which Rust version the target links with this linker by default, or empty
     */
    public Optional<String> defaultSince(String triple) {
        return redundantOn.stream().filter(d -> d.triple().equals(triple)).map(DefaultOn::since).findFirst();
    }
}
