package dev.profileadvisor.recommend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@link Host} facts of this machine: the programs on PATH, {@code rustc -vV} (host triple and release),
 * {@code rustc --print target-cpus} when asked (the CPU names rustc accepts, and what {@code native} is here) and
 * {@code cc --version} (GCC or clang, and its version). Each command gets a few seconds; one that is missing, fails
 * or times out leaves its facts unknown, and the host's note says what was assumed.
 */
public final class HostProbe {
    private HostProbe() {
    }

    /** The programs looked for: rustc, the C compiler drivers, and the linkers knowledge/targets.toml names. */
    static final List<String> PROGRAMS = List.of("rustc", "cc", "clang", "gcc", "mold", "ld.lld");
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern NATIVE = Pattern.compile("\\(currently ([A-Za-z0-9_.-]+)\\)");
    private static final long TIMEOUT_SECONDS = 10;

    /**
     * @param env      the environment ({@code PATH}, {@code HOME}: rustc is also looked for in {@code ~/.cargo/bin}, as
     *                 {@link dev.profileadvisor.cargo.Host} does)
     * @param targets  what the knowledge assumes when rustc cannot be asked
     * @param withCpus whether to ask rustc for its CPU names too ({@code --target-cpu} was given)
     * @return what was found
     */
    public static Host detect(Map<String, String> env, dev.profileadvisor.knowledge.TargetKnowledge targets, boolean withCpus) {
        dev.profileadvisor.cargo.Host cargoHost = dev.profileadvisor.cargo.Host.detect(env, targets);
        Map<String, Path> found = new LinkedHashMap<>();
        Map<String, String> lookup = new java.util.HashMap<>(env);
        lookup.put("PATH", cargoHost.path());
        for (String p : PROGRAMS) which(lookup, p).ifPresent(path -> found.put(p, path));
        if (cargoHost.detected()) found.putIfAbsent("rustc", Path.of(cargoHost.rustc()));
        Optional<String> cc = Optional.ofNullable(found.get("cc")).flatMap(HostProbe::driver);
        if (!cargoHost.detected()) {
            return new Host(cargoHost.triple(), false, Optional.empty(), Optional.empty(), Optional.empty(), found, cc,
                    found.containsKey("rustc") ? "`rustc -vV` gave no host" : "rustc is not on PATH");
        }
        Optional<List<String>> cpus = Optional.empty();
        Optional<String> nativeCpu = Optional.empty();
        if (withCpus) {
            Optional<String> listing = dev.profileadvisor.cargo.Host.run(List.of(cargoHost.rustc(), "--print", "target-cpus"), TIMEOUT_SECONDS);
            if (listing.isPresent()) {
                cpus = Optional.of(cpuNames(listing.get()));
                Matcher m = NATIVE.matcher(listing.get());
                if (m.find()) nativeCpu = Optional.of(m.group(1));
            }
        }
        return new Host(cargoHost.triple(), true, Optional.of(cargoHost.release()), cpus, nativeCpu, found, cc, "`rustc -vV`");
    }

    /** The names of {@code rustc --print target-cpus}: the first word of each indented line. */
    static List<String> cpuNames(String listing) {
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\\R")) {
            if (!line.startsWith(" ") && !line.startsWith("\t")) continue;
            String name = line.strip().split("\\s+")[0];
            if (!name.isEmpty()) out.add(name);
        }
        return out;
    }

    /** {@code gcc 12.2.0} or {@code clang 16.0.6}, from the first line of {@code cc --version}. */
    static Optional<String> driver(Path cc) {
        return dev.profileadvisor.cargo.Host.run(List.of(cc.toString(), "--version"), TIMEOUT_SECONDS).flatMap(HostProbe::driverOf);
    }

    static Optional<String> driverOf(String versionText) {
        String first = versionText.lines().findFirst().orElse("");
        boolean clang = first.toLowerCase(java.util.Locale.ROOT).contains("clang");
        boolean gcc = first.contains("gcc") || first.contains("GCC") || first.startsWith("cc ");
        if (!clang && !gcc) return Optional.empty();
        String version = null;
        Matcher m = VERSION.matcher(clang ? first.substring(first.toLowerCase(java.util.Locale.ROOT).indexOf("clang")) : first);
        while (m.find()) {
            version = m.group(1);
            if (clang) break; // clang: the first number after the word; gcc: the last one on the line
        }
        return version == null ? Optional.empty() : Optional.of((clang ? "clang " : "gcc ") + version);
    }

    /** The executable named {@code program} in the first PATH directory that has one. */
    static Optional<Path> which(Map<String, String> env, String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
