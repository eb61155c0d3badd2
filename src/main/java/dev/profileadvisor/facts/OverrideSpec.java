package dev.profileadvisor.facts;

/**
 * A {@code [profile.NAME.package.SPEC]} table (audit input fact).
 *
 * @param profile profile name
 * @param spec    the package spec
 * @param file    where it is
 * @param line    line
 * @param column  column
 * @param matches whether it names a workspace package, a dependency, a package in Cargo.lock, or is {@code *}
 * @param closest for a spec that matches nothing: the closest known package name, or empty
 */
public record OverrideSpec(String profile, String spec, String file, int line, int column, boolean matches, String closest) {
}
