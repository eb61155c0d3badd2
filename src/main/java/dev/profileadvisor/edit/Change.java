package dev.profileadvisor.edit;

import java.util.Optional;

/**
 * One key an edit sets.
 *
 * @param key    the profile key ({@code lto}, {@code inherits})
 * @param was    the value as the file wrote it before ({@code 'thin'}, {@code true}), empty for a key the edit adds
 * @param now    the value written, a TOML literal
 * @param line   1-based line of the key in the edited text
 * @param column 1-based column of the key in the edited text
 */
public record Change(String key, Optional<String> was, String now, int line, int column) {
    /** @return {@code set `lto = "fat"`} or {@code changed `lto = "thin"` to `lto = "fat"`} */
    public String describe() {
        return was.map(w -> "changed `" + key + " = " + w + "` to `" + key + " = " + now + "`")
                .orElse("set `" + key + " = " + now + "`");
    }
}
