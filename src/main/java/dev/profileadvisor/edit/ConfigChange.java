package dev.profileadvisor.edit;

import java.util.List;

/**
 * One key a config edit set or changed.
 *
 * @param key         {@code rustflags} or {@code linker}
 * @param description what changed: {@code added `-C target-cpu=x86-64-v3` to `rustflags`},
 *                    {@code set `linker = "clang"`}
 * @param line        1-based line of the key in the edited text
 * @param column      1-based column of the key in the edited text
 * @param table       the key path of its table: {@code [target, x86_64-unknown-linux-gnu]}
 */
public record ConfigChange(String key, String description, int line, int column, List<String> table) {
    /**
     * Copies the table path.
     *
     * @param key         the key
     * @param description what changed
     * @param line        1-based line of the key in the edited text
     * @param column      1-based column of the key in the edited text
     * @param table       the key path of its table
     */
    public ConfigChange {
        table = List.copyOf(table);
    }

    /** @return the description followed by {@code in `[target.TRIPLE]`} */
    public String describe() {
        return description + " in `[" + TableEdit.render(table) + "]`";
    }
}
