package dev.profileadvisor.facts;

/**
 * An element of a rustflags array in a config file that holds whitespace (audit input fact): cargo passes each
 * element to rustc as one argument, so {@code "-C target-cpu=native"} reaches rustc as a single, unknown option.
 *
 * @param key    the key ({@code build.rustflags}, {@code target.x86_64-unknown-linux-gnu.rustflags})
 * @param file   the config file
 * @param line   line of the element
 * @param column column of the element
 * @param value  the element as written
 * @param split  the same flags one argument per element, as TOML array elements ({@code "-C", "target-cpu=native"})
 */
public record RustflagElement(String key, String file, int line, int column, String value, String split) {
}
