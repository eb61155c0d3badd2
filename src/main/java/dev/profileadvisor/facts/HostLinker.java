package dev.profileadvisor.facts;

/**
 * A faster linker the host could use (knowledge/targets.toml {@code [[linker]]}), with what was found on the machine.
 * Only for Linux hosts, where the linker driver is {@code cc} and {@code -fuse-ld=} picks the linker.
 *
 * @param linker      the linker id ({@code lld}, {@code mold})
 * @param usable      whether every program it needs is on PATH and a linker driver that can drive it is there
 * @param driver      the driver to name: {@code cc} (the default, nothing to write) or {@code clang} (when {@code cc}
 *                    is a GCC too old for it); empty when it is not usable
 * @param hostDefault whether rustc already links with it on this host by default ({@code rust-lld} on
 *                    {@code x86_64-unknown-linux-gnu} since 1.90)
 * @param since       the Rust version since which the host links with it by default, empty when it does not
 * @param detected    what detection found, in a phrase: {@code mold not on PATH}, {@code /usr/bin/mold; cc is GCC 12.2.0}
 */
public record HostLinker(String linker, boolean usable, String driver, boolean hostDefault, String since, String detected) {
}
