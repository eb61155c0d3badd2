package dev.profileadvisor.edit;

import java.util.List;
import java.util.Optional;

/**
 * One key an edit sets.
 *
 * @param key    the key ({@code lto}, {@code inherits}, {@code opt-level})
 * @param was    the value as the file wrote it before ({@code 'thin'}, {@code true}), empty for a key the edit adds
 * @param now    the value written, a TOML literal
 * @param line   1-based line of the key in the edited text
 * @param column 1-based column of the key in the edited text
 * @param table  the key path of the table the key is in: {@code [profile, release]}, {@code [profile, dev, package, *]}
 */
public record Change(String key, Optional<String> was, String now, int line, int column, List<String> table) {
    /**
     * Copies the table path.
     *
     * @param key    the key
     * @param was    the value as the file wrote it before, empty for a key the edit adds
     * @param now    the value written, a TOML literal
     * @param line   1-based line of the key in the edited text
     * @param column 1-based column of the key in the edited text
     * @param table  the key path of the table the key is in
     */
    public Change {
        table = List.copyOf(table);
    }

    /**
     * @return {@code set `lto = "fat"`} or {@code changed `lto = "thin"` to `lto = "fat"`} for a key of a profile's
     *         own table; for an override table, the same followed by {@code in `[profile.dev.package."*"]`}
     */
    public String describe() {
        String what = was.map(w -> "changed `" + key + " = " + w + "` to `" + key + " = " + now + "`")
                .orElse("set `" + key + " = " + now + "`");
        return isInProfileTable() ? what : what + " in `[" + tableName() + "]`";
    }

    /** @return whether the key is in a profile's own table ({@code [profile.NAME]}), not an override table */
    public boolean isInProfileTable() {
        return table.size() <= 2;
    }

    /** @return the table as a header names it: {@code profile.dev.package."*"} */
    public String tableName() {
        return TableEdit.render(table);
    }

    /** @return the key with its table: {@code profile.dev.package."*".opt-level} */
    public String qualifiedKey() {
        return tableName() + "." + key;
    }
}
