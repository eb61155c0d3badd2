package dev.profileadvisor.knowledge;

/**
 * A codegen option that a profile key also sets ({@code knowledge/targets.toml} {@code [[rustflags.profile-flag]]}):
 * written in rustflags, it lands after the profile's flag on the rustc line and wins.
 *
 * @param option  the {@code -C} option ({@code opt-level}, {@code debuginfo})
 * @param setting the profile key that sets it ({@code opt-level}, {@code debug})
 * @param note    what else to know, or empty
 */
public record ProfileFlag(String option, String setting, String note) {
}
