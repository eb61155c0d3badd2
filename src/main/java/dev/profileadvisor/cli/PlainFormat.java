package dev.profileadvisor.cli;

/** Output formats of the commands that have no TOML form ({@code goals}, {@code explain}, {@code rules list}). */
enum PlainFormat {
    /** for people (the default) */
    text,
    /** the versioned machine contract */
    json
}
