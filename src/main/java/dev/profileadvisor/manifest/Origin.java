package dev.profileadvisor.manifest;

/**
 * Where a profile value comes from.
 *
 * @param kind   default, manifest, config or env
 * @param file   the file for manifest and config values, the variable name for env, empty for defaults
 * @param line   1-based line, 0 when none
 * @param column 1-based column, 0 when none
 */
public record Origin(Kind kind, String file, int line, int column) {
    /** The layers cargo merges, lowest first. */
    public enum Kind {
        /** cargo's built-in default */
        DEFAULT,
        /** a {@code Cargo.toml} */
        MANIFEST,
        /** a {@code .cargo/config.toml} */
        CONFIG,
        /** a {@code CARGO_PROFILE_*} environment variable */
        ENV
    }

    /** The origin of built-in defaults. */
    public static final Origin DEFAULT = new Origin(Kind.DEFAULT, "", 0, 0);

    /**
     * @param variable the environment variable
     * @return its origin
     */
    public static Origin env(String variable) {
        return new Origin(Kind.ENV, variable, 0, 0);
    }

    /** @return {@code file:line:col}, {@code env NAME} or {@code default} */
    @Override
    public String toString() {
        return switch (kind) {
            case DEFAULT -> "default";
            case ENV -> "env " + file;
            default -> file + ":" + line + ":" + column;
        };
    }
}
