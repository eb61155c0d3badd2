package dev.profileadvisor.facts;

/**
 * A rustflag in force that sets a codegen option a profile key also sets (audit input fact): cargo writes the
 * rustflags after the profile's flags and rustc takes the last value, so the rustflag wins in every profile.
 *
 * @param flag     the flag as rustc gets it ({@code -C opt-level=0})
 * @param option   the codegen option ({@code opt-level})
 * @param setting  the profile key that also sets it ({@code opt-level}, {@code debug} for {@code debuginfo})
 * @param key      the key or variable it comes from ({@code build.rustflags}, {@code RUSTFLAGS})
 * @param file     where it is written ({@code env VAR} for a variable)
 * @param line     line, 0 for a variable
 * @param column   column, 0 for a variable
 * @param release  the release profile's flag for the option that the rustflag overrides
 *                 ({@code -C opt-level=3}), empty when release passes none
 */
public record ProfileRustflag(String flag, String option, String setting, String key, String file, int line, int column,
                              String release) {
}
