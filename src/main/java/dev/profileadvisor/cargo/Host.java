package dev.profileadvisor.cargo;

import dev.profileadvisor.knowledge.TargetKnowledge;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The machine cargo would build on: the host triple, the Rust and LLVM versions from {@code rustc -vV} when rustc is
 * on {@code PATH} (or in {@code ~/.cargo/bin}), else what knowledge assumes; the cfg values of a target
 * ({@code rustc --print cfg --target T}, else knowledge's table); and which programs are installed. Answers from
 * rustc are asked once per JVM and rustc path.
 *
 * @param triple   the host triple ({@code x86_64-unknown-linux-gnu})
 * @param release  the Rust version ({@code 1.95.0}); the assumed one without rustc
 * @param llvm     the LLVM version, empty when not known
 * @param rustc    the rustc asked, empty when none was found (then {@code triple} and {@code release} are assumed)
 * @param path     the {@code PATH} programs are looked up in
 */
public record Host(String triple, String release, String llvm, String rustc, String path) {
    private static final Map<String, Optional<String[]>> VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<List<String>>> CFGS = new ConcurrentHashMap<>();
    private static final long RUSTC_SECONDS = 20;

    /**
     * @param env     the environment cargo would see ({@code PATH}, {@code HOME}); without {@code PATH}, this process's
     * @param targets what knowledge assumes without rustc
     * @return the host
     */
    public static Host detect(Map<String, String> env, TargetKnowledge targets) {
        String path = env.containsKey("PATH") ? env.get("PATH") : Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<String> rustc = find("rustc", path).or(() -> {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            Path p = Path.of(home, ".cargo", "bin", "rustc");
            return Files.isExecutable(p) ? Optional.of(p.toString()) : Optional.empty();
        });
        Optional<String[]> v = rustc.flatMap(r -> VERSIONS.computeIfAbsent(r, Host::versionOf));
        if (v.isEmpty()) return new Host(targets.assumedHost(), targets.assumedRust(), "", "", path);
        return new Host(v.get()[0], v.get()[1], v.get()[2], rustc.get(), path);
    }

    /** @return whether the triple and version come from rustc rather than knowledge's assumption */
    public boolean detected() {
        return !rustc.isEmpty();
    }

    /**
     * @param target  a target triple
     * @param targets knowledge's cfg tables, for when rustc cannot answer
     * @return its cfg values as {@code rustc --print cfg} prints them ({@code unix}, {@code target_os="linux"});
     *         empty when neither rustc nor knowledge knows the triple
     */
    public List<String> cfg(String target, TargetKnowledge targets) {
        if (detected()) {
            Optional<List<String>> asked = CFGS.computeIfAbsent(rustc + "\u0000" + target,
                    k -> run(List.of(rustc, "--print", "cfg", "--target", target), RUSTC_SECONDS).map(o -> o.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
            if (asked.isPresent()) return asked.get();
            return List.of(); // rustc does not know the target
        }
        return targets.tripleCfgs().getOrDefault(target, List.of());
    }

    /**
     * @param program a program name ({@code mold}) or path ({@code /usr/bin/clang}, {@code ./tools/ld})
     * @return whether it is installed: an executable file at the path, or on {@link #path()}
     */
    public boolean installed(String program) {
        if (program.contains("/")) return Files.isExecutable(Path.of(program));
        return find(program, path).isPresent();
    }

    private static Optional<String> find(String program, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p.toString());
        }
        return Optional.empty();
    }

    private static Optional<String[]> versionOf(String rustc) {
        return run(List.of(rustc, "-vV"), RUSTC_SECONDS).flatMap(out -> {
            String host = "";
            String release = "";
            String llvm = "";
            for (String line : out.lines().toList()) {
                if (line.startsWith("host: ")) host = line.substring(6).strip();
                else if (line.startsWith("release: ")) release = line.substring(9).strip();
                else if (line.startsWith("LLVM version: ")) llvm = line.substring(14).strip();
            }
            return host.isEmpty() || release.isEmpty() ? Optional.empty() : Optional.of(new String[] {host, release, llvm});
        });
    }

    /**
     * Runs a short program and reads its stdout, through a temporary file so that a long output cannot block it;
     * stderr is discarded and stdin closed.
     *
     * @param command        the program and its arguments
     * @param timeoutSeconds how long it may run before it is killed
     * @return its stdout when it exits with 0 in time; empty when it cannot start, fails or times out
     */
    public static Optional<String> run(List<String> command, long timeoutSeconds) {
        Process p = null;
        try {
            Path out = Files.createTempFile("cpa-run-", ".out");
            try {
                p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false).redirectOutput(out.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) return Optional.empty();
                return Optional.of(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
        }
    }
}
