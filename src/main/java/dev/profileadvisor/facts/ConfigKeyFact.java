package dev.profileadvisor.facts;

/**
 * A key of a {@code [build]} or {@code [target.*]} table (audit input fact): in a config file, whether cargo
 * 1.95 reads it; in {@code Cargo.toml}, where cargo ignores such tables ({@code unused manifest key}).
 *
 * @param file     the file
 * @param line     line of the key (of the table for a {@code [build]} table in a manifest)
 * @param column   column of it
 * @param dotted   the key as cargo names it ({@code build.rustflag}, {@code target.cfg(unix).linkr})
 * @param table    {@code build}, {@code target-triple} or {@code target-cfg}
 * @param key      the key itself, empty for a whole {@code [build]} table in a manifest
 * @param inManifest whether it is written in a {@code Cargo.toml}
 * @param known    whether cargo reads the key in that table of a config file
 * @param tableValue whether its value is a table (in {@code [target.<triple>]}: a {@code links} build-script override)
 * @param closest  the known key closest to it, empty when none is close
 */
public record ConfigKeyFact(String file, int line, int column, String dotted, String table, String key, boolean inManifest,
                            boolean known, boolean tableValue, String closest) {
}
