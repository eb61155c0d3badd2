package dev.profileadvisor.facts;

/**
 * What the project a plan is for says about itself ({@code --manifest-path}); absent for a generic plan.
 *
 * @param hostCode       whether some package has a build script or a proc-macro (code {@code build-override} reaches)
 * @param catchesUnwind  whether the sources call {@code catch_unwind}
 * @param rustMinor      the minor version of the lowest {@code rust-version} among the members, or 0 when none says
 */
public record ProjectFact(boolean hostCode, boolean catchesUnwind, int rustMinor) {
}
