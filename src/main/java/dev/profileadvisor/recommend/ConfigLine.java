package dev.profileadvisor.recommend;

import java.util.List;

/**
 * A line a plan writes into {@code .cargo/config.toml}: one flag of the host's {@code [target.TRIPLE]} rustflags, or
 * its linker, and the argument for it.
 *
 * @param table   the table's key path: {@code [target, x86_64-unknown-linux-gnu]}
 * @param key     {@code rustflags} or {@code linker}
 * @param args    what it adds: the rustc arguments ({@code -C}, {@code target-cpu=x86-64-v3}), or the linker program
 *                ({@code clang})
 * @param option  the codegen option ({@code target-cpu}, {@code link-arg}, {@code force-frame-pointers}), or
 *                {@code linker}
 * @param value   its value ({@code x86-64-v3}, {@code -fuse-ld=mold}, {@code yes}, {@code clang})
 * @param goals   the goals that asked for it
 * @param rule    the rule that decided it ({@code explain RULE} documents it)
 * @param reason  why, in a sentence: what it does, which machines can run the result, what was detected
 * @param sources URLs backing it
 */
public record ConfigLine(List<String> table, String key, List<String> args, String option, String value, List<String> goals,
                         String rule, String reason, List<String> sources) {
    /**
     * Copies the lists.
     *
     * @param table   the table's key path
     * @param key     {@code rustflags} or {@code linker}
     * @param args    the rustc arguments it adds, or the linker program
     * @param option  the codegen option, or {@code linker}
     * @param value   its value
     * @param goals   the goals that asked for it
     * @param rule    the rule that decided it
     * @param reason  why, in a sentence
     * @param sources URLs backing it
     */
    public ConfigLine {
        table = List.copyOf(table);
        args = List.copyOf(args);
        goals = List.copyOf(goals);
        sources = List.copyOf(sources);
    }

    /** The file the lines go to, relative to the workspace root. */
    public static final String FILE = ".cargo/config.toml";

    /** @return the table as a header names it: {@code target.x86_64-unknown-linux-gnu} */
    public String header() {
        return String.join(".", table);
    }

    /** @return the line as text: {@code -C target-cpu=x86-64-v3}, or {@code linker = "clang"} */
    public String text() {
        return key.equals("linker") ? "linker = \"" + value + "\"" : String.join(" ", args);
    }
}
