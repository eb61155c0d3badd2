package dev.profileadvisor.facts;

/**
 * A rustflags key or variable cargo ignores because a source of higher precedence is present (audit input fact):
 * cargo uses exactly one source of extra flags.
 *
 * @param key       the key or variable displaced ({@code build.rustflags}, {@code CARGO_BUILD_RUSTFLAGS})
 * @param file      where it is written ({@code env VAR} for a variable)
 * @param line      line, 0 for a variable
 * @param column    column, 0 for a variable
 * @param flags     its flags, joined with spaces
 * @param winner    the key or variable whose flags cargo uses instead
 * @param winnerAt  where that is written ({@code file:line:col} or {@code env VAR})
 * @param sameKey   whether the winner is the same key in a deeper config file (a string form replacing another)
 * @param triple    the target the rustflags were resolved for
 */
public record DisplacedRustflags(String key, String file, int line, int column, String flags, String winner, String winnerAt,
                                 boolean sameKey, String triple) {
}
