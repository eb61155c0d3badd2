package dev.profileadvisor.facts;

/**
 * A package of the workspace (audit input fact).
 *
 * @param file            its manifest
 * @param name            package name (empty for a virtual manifest)
 * @param root            whether it is the workspace root manifest
 * @param hasProfiles     whether it declares {@code [profile.*]} tables
 * @param profileLine     line of its first {@code [profile.*]} table
 * @param profileColumn   column of it
 * @param hasLib          builds a library
 * @param hasBin          builds a binary, cdylib or staticlib
 * @param rustVersion     {@code package.rust-version}, or empty
 * @param catchUnwindAt   {@code file:line} of the first {@code catch_unwind} in its sources, or empty
 */
public record PackageFact(String file, String name, boolean root, boolean hasProfiles, int profileLine, int profileColumn,
                          boolean hasLib, boolean hasBin, String rustVersion, String catchUnwindAt) {
}
