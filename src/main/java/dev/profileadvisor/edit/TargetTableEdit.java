package dev.profileadvisor.edit;

import java.util.List;
import java.util.Optional;

/**
 * What to set in one {@code [target.TRIPLE]} table of a cargo config file ({@code .cargo/config.toml}).
 *
 * @param triple    the target triple, e.g. {@code x86_64-unknown-linux-gnu}
 * @param rustflags the codegen options its {@code rustflags} must give, merged into what is there
 *                  ({@link RustFlags}); empty to leave {@code rustflags} alone
 * @param linker    the {@code linker} to set, empty to leave it alone
 */
public record TargetTableEdit(String triple, List<RustFlags.Codegen> rustflags, Optional<String> linker) {
    /**
     * Copies and checks.
     *
     * @param triple    the target triple
     * @param rustflags the codegen options to merge
     * @param linker    the linker to set
     * @throws IllegalArgumentException for an empty triple or one with whitespace or quotes, nothing to set, a linker
     *                                  that is empty or spans lines
     */
    public TargetTableEdit {
        rustflags = List.copyOf(rustflags);
        if (triple.isEmpty() || triple.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'' || c == '\\')) {
            throw new IllegalArgumentException("not a target triple: " + triple);
        }
        if (rustflags.isEmpty() && linker.isEmpty()) throw new IllegalArgumentException("nothing to set in [target." + triple + "]");
        if (linker.isPresent() && (linker.get().isEmpty() || linker.get().indexOf('\n') >= 0 || linker.get().indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("not a linker: " + linker.get());
        }
    }

    /**
     * @param triple the target triple
     * @param flags  the codegen options to merge, as arguments: {@code "-C", "target-cpu=x86-64-v3"}
     * @return an edit of {@code rustflags} alone
     * @throws IllegalArgumentException when an argument is not part of a codegen option
     */
    public static TargetTableEdit rustflags(String triple, String... flags) {
        return new TargetTableEdit(triple, RustFlags.Codegen.parse(List.of(flags)), Optional.empty());
    }

    /** @return the table's key path: {@code [target, TRIPLE]} */
    public List<String> path() {
        return List.of("target", triple);
    }

    /** @return the table as a header names it: {@code target.x86_64-unknown-linux-gnu} */
    public String name() {
        return TableEdit.render(path());
    }
}
