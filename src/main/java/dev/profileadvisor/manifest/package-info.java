/**
 * What a user's project says about its profiles, read the way cargo 1.95 reads it: {@code Cargo.toml} files and
 * their workspace, {@code .cargo/config.toml} files, {@code CARGO_PROFILE_*} environment variables, and the
 * effective value of every key of every profile with where it came from. Mechanical and tested against the real
 * cargo; judging the result is the rules' job.
 */
package dev.profileadvisor.manifest;
