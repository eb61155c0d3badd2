package dev.profileadvisor.cli;

/** Output formats. */
enum Format {
    /** for people (the default) */
    text,
    /** only the profile block */
    toml,
    /** the versioned machine contract */
    json
}
