package dev.profileadvisor.edit;

import dev.profileadvisor.manifest.Literals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The keys to set in one table of a profile: the profile's own table ({@code [profile.dev]}), or one of its override
 * tables ({@code [profile.dev.package."*"]}, {@code [profile.dev.package.insta]}, {@code [profile.dev.build-override]}).
 *
 * @param path the table's key path: {@code [profile, dev]}, {@code [profile, dev, package, *]},
 *             {@code [profile, dev, package, insta]} or {@code [profile, dev, build-override]}
 * @param keys bare key → TOML literal ({@code "fat"}, {@code 1}, {@code false}), in the order to add them;
 *             {@code inherits} only in the profile's own table, where it is written first
 */
public record TableEdit(List<String> path, Map<String, String> keys) {
    /**
     * Copies and checks the path and the keys.
     *
     * @param path the table's key path
     * @param keys bare key → TOML literal, in the order to add them
     * @throws IllegalArgumentException for a path that is not a profile's table or override table, a key that is not
     *                                  a bare key, a literal that is not a one-line TOML value, or {@code inherits}
     *                                  outside the profile's own table
     */
    public TableEdit {
        path = List.copyOf(path);
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        boolean shape = path.size() >= 2 && path.get(0).equals("profile") && !path.get(1).isEmpty()
                && (path.size() == 2
                || path.size() == 3 && path.get(2).equals("build-override")
                || path.size() == 4 && path.get(2).equals("package") && !path.get(3).isEmpty());
        if (!shape) {
            throw new IllegalArgumentException("not a profile table or override table: " + path + " (expected [profile, NAME], "
                    + "[profile, NAME, package, PACKAGE] or [profile, NAME, build-override])");
        }
        for (Map.Entry<String, String> e : keys.entrySet()) {
            checkKey(e.getKey(), e.getValue());
            if (path.size() > 2 && e.getKey().equals("inherits")) {
                throw new IllegalArgumentException("`inherits` belongs in the profile's own table, not in `[" + render(path) + "]`");
            }
            if (path.size() == 2 && (e.getKey().equals("package") || e.getKey().equals("build-override"))) {
                throw new IllegalArgumentException("`" + e.getKey() + "` is an override table, not a key: edit it with its own TableEdit");
            }
        }
    }

    /**
     * @param profile the profile ({@code release})
     * @param keys    bare key → TOML literal
     * @return an edit of {@code [profile.PROFILE]}
     */
    public static TableEdit profile(String profile, Map<String, String> keys) {
        return new TableEdit(List.of("profile", profile), keys);
    }

    /**
     * @param profile the profile
     * @param keys    bare key → TOML literal
     * @return an edit of {@code [profile.PROFILE.package."*"]}, the settings of every package that is not a member
     */
    public static TableEdit allPackages(String profile, Map<String, String> keys) {
        return new TableEdit(List.of("profile", profile, "package", "*"), keys);
    }

    /**
     * @param profile the profile
     * @param name    the package ({@code insta})
     * @param keys    bare key → TOML literal
     * @return an edit of {@code [profile.PROFILE.package.NAME]}
     */
    public static TableEdit forPackage(String profile, String name, Map<String, String> keys) {
        return new TableEdit(List.of("profile", profile, "package", name), keys);
    }

    /**
     * @param profile the profile
     * @param keys    bare key → TOML literal
     * @return an edit of {@code [profile.PROFILE.build-override]}, the settings of build scripts and proc macros
     */
    public static TableEdit buildOverride(String profile, Map<String, String> keys) {
        return new TableEdit(List.of("profile", profile, "build-override"), keys);
    }

    /** @return the profile's name */
    public String profileName() {
        return path.get(1);
    }

    /** @return whether this is the profile's own table, not an override table */
    public boolean isProfileTable() {
        return path.size() == 2;
    }

    /** @return the table's name as a header writes it: {@code profile.dev.package."*"} */
    public String name() {
        return render(path);
    }

    /** A key and literal the edit can write: a bare key, and one line that parses as a TOML value. */
    static void checkKey(String key, String literal) {
        if (key.isEmpty() || !key.chars().allMatch(c -> TomlScanner.isBare((char) c))) {
            throw new IllegalArgumentException("not a bare key: " + key);
        }
        if (literal == null || literal.indexOf('\n') >= 0 || literal.indexOf('\r') >= 0 || Literals.parse(literal) == null) {
            throw new IllegalArgumentException("not a TOML value: " + literal);
        }
    }

    /** @return the key path as TOML writes it: parts joined by dots, each bare when it can be, else quoted */
    static String render(List<String> path) {
        List<String> parts = new ArrayList<>();
        for (String p : path) parts.add(keyText(p));
        return parts.stream().collect(Collectors.joining("."));
    }

    /** A key as TOML writes it: bare when it can be, else quoted. */
    static String keyText(String key) {
        return !key.isEmpty() && key.chars().allMatch(c -> TomlScanner.isBare((char) c)) ? key : Literals.toml(key);
    }
}
