package dev.profileadvisor.facts;

/**
 * A linker choice in force for the audited target (audit input fact), written as a rustflag
 * ({@code -C link-arg=-fuse-ld=mold}) or as {@code target.<triple>.linker}.
 *
 * @param linker       the knowledge id of the choice ({@code lld}, {@code mold}, {@code custom-driver}), empty
 *                     for a linker program knowledge has no row for
 * @param title        its name
 * @param written      how it is written ({@code -C link-arg=-fuse-ld=lld}, {@code linker = "clang"})
 * @param key          the key or variable ({@code build.rustflags}, {@code target.x86_64-unknown-linux-gnu.linker})
 * @param file         where it is written ({@code env VAR} for a variable)
 * @param line         line, 0 for a variable
 * @param column       column, 0 for a variable
 * @param triple       the target
 * @param rustc        the Rust version the audit assumes ({@code 1.95.0})
 * @param defaultSince the Rust version since which the target links with it by default, empty when it does not
 * @param redundant    whether the target's rustc already links with it by default
 * @param missing      a program it needs that is not installed ({@code mold}, the linker named), empty when all are
 */
public record LinkerFact(String linker, String title, String written, String key, String file, int line, int column,
                         String triple, String rustc, String defaultSince, boolean redundant, String missing) {
}
