package dev.profileadvisor.facts;

/**
 * The machine a plan's {@code .cargo/config.toml} lines are for: the host cargo builds for without {@code --target}.
 *
 * @param triple     the host triple ({@code x86_64-unknown-linux-gnu}), from {@code rustc -vV} or assumed
 * @param arch       its {@code target_arch} ({@code x86_64})
 * @param os         its {@code target_os} ({@code linux})
 * @param rustcMinor the minor version of the rustc that builds ({@code 95}); when rustc could not be asked, the
 *                   version the knowledge is verified with
 * @param detected   whether the triple and version come from {@code rustc -vV} rather than being assumed
 */
public record HostFact(String triple, String arch, String os, int rustcMinor, boolean detected) {
}
