/**
 * Editing a {@code Cargo.toml} without disturbing it: a span-based editor that finds statements with a small
 * TOML scanner, checks every location it uses against tomlj's positions, changes only the value of the keys it
 * sets or inserts whole lines, and re-parses the result before handing it back, for a profile's table and its override
 * tables ({@link dev.profileadvisor.edit.ProfileEdit}, a plan of {@link dev.profileadvisor.edit.TableEdit}s), and for the
 * {@code rustflags} and {@code linker} of a {@code [target.TRIPLE]} table in a cargo config file, merging flags without
 * clobbering any ({@link dev.profileadvisor.edit.ConfigEdit}, {@link dev.profileadvisor.edit.RustFlags});
 * a unified diff of the change ({@link dev.profileadvisor.edit.UnifiedDiff}); and an atomic, permission-keeping
 * write that refuses when the file changed since it was read ({@link dev.profileadvisor.edit.SafeWrite}).
 */
package dev.profileadvisor.edit;
