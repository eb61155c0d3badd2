package dev.profileadvisor.manifest;

/**
 * One key written in a profile table, anywhere cargo reads profiles from.
 *
 * @param profile the profile name
 * @param table   {@code ""} for {@code [profile.NAME]}, {@code build-override}, or {@code package.SPEC}
 * @param key     the key as written
 * @param value   the TOML value (String, Long, Double, Boolean, or a table/array for malformed input)
 * @param origin  where it is written
 */
public record ProfileEntry(String profile, String table, String key, Object value, Origin origin) {

    /** @return true for the profile's own table, false inside {@code package.*} or {@code build-override} */
    public boolean inProfileTable() {
        return table.isEmpty();
    }

    /** @return the value as TOML ({@code "thin"}, {@code 3}, {@code true}) */
    public String toml() {
        return Literals.toml(value);
    }

    /** @return {@code key = value}, as a user would write it */
    public String assignment() {
        return key + " = " + toml();
    }
}
