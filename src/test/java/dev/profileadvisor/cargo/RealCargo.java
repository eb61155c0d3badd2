package dev.profileadvisor.cargo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper that drives the real {@code cargo} on a throw-away one-file bin crate, so tests can
 * compare the advisor's answers with what cargo actually passes to rustc.
 *
 * <p>Assumption: no Cargo config file defines {@code [profile.*]} or {@code [build]} settings that
 * reach the probe crate ({@code $CARGO_HOME/config.toml}, or a {@code .cargo/config.toml} in the
 * system temp directory or one of its parents): nothing is passed to override them, and
 * {@code CARGO_HOME} is deliberately left alone because rustup needs the real one.
 */
public final class RealCargo {
    private static final long TIMEOUT_SECONDS = 120;
    private static final List<String> REMOVED_ENV = List.of("RUSTFLAGS", "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_BUILD_RUSTFLAGS", "CARGO_INCREMENTAL", "CARGO_TARGET_DIR", "RUSTC_WRAPPER",
            "CARGO_BUILD_TARGET_DIR", "CARGO_BUILD_INCREMENTAL", "CARGO_BUILD_RUSTC_WRAPPER",
            "RUSTC_WORKSPACE_WRAPPER", "CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER");
    private static final Set<String> IGNORED_KEYS = Set.of("metadata", "extra-filename", "linker");

    private final String executable;
    private final String version;

    private RealCargo(String executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /**
     * Finds a working cargo: {@code $CARGO} if set, else {@code cargo} on the PATH, else
     * {@code $HOME/.cargo/bin/cargo}; the first whose {@code --version} succeeds wins.
     *
     * @throws IllegalStateException if none of them works
     */
    public static RealCargo locate() {
        List<String> candidates = new ArrayList<>();
        String env = System.getenv("CARGO");
        if (env != null && !env.isBlank()) candidates.add(env);
        candidates.add("cargo");
        candidates.add(Path.of(System.getProperty("user.home"), ".cargo", "bin", "cargo").toString());
        for (String candidate : candidates) {
            try {
                Run run = run(List.of(candidate, "--version"), null, 30);
                if (run.exitCode == 0) return new RealCargo(candidate, run.output.trim());
            } catch (IOException | IllegalStateException e) {
                // not runnable: try the next candidate
            }
        }
        throw new IllegalStateException("cargo not found: looked at " + String.join(", ", candidates)
                + "; install Rust 1.95 with rustup or put ~/.cargo/bin on PATH");
    }

    /** Returns the output of {@code cargo --version}, e.g. {@code cargo 1.95.0 (f2d3ce0bd 2026-03-21)}. */
    public String version() {
        return version;
    }

    /**
     * Builds a fresh {@code probe} bin crate (no dependencies) in a temporary directory, deleted
     * afterwards, with {@code cargo build -v --offline} and the given profile. The child gets
     * {@code CARGO_TERM_COLOR=never} and {@code CARGO_TERM_PROGRESS_WHEN=never}, and loses every
     * {@code CARGO_PROFILE_*} variable plus the rustflags, incremental, target-dir and wrapper ones.
     *
     * @param manifestExtra TOML appended verbatim to {@code Cargo.toml}, typically {@code [profile.*]} tables
     * @param profile {@code "dev"} (no flag), {@code "release"} ({@code --release}) or a custom
     *     profile name ({@code --profile <name>})
     * @return the exit code, output, warnings and the rustc {@code -C} flags of the bin crate
     * @throws IllegalStateException if cargo does not finish within 120 s
     */
    public BuildResult build(String manifestExtra, String profile) {
        Objects.requireNonNull(profile, "profile");
        List<String> command = new ArrayList<>(List.of(executable, "build", "-v", "--offline"));
        if (profile.equals("release")) command.add("--release");
        else if (!profile.equals("dev")) command.addAll(List.of("--profile", profile));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cargo-probe-"); // fresh crate and target dir: never a cached build
            Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"probe\"\nversion = \"0.1.0\"\n"
                    + "edition = \"2021\"\n\n" + (manifestExtra == null ? "" : manifestExtra) + "\n");
            Files.createDirectories(dir.resolve("src"));
            Files.writeString(dir.resolve("src/main.rs"), "fn main() { println!(\"hi\"); }\n");
            Run run = run(command, dir, TIMEOUT_SECONDS);
            return new BuildResult(run.exitCode, run.output, warnings(run.output), binFlags(run.output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * Builds a whole generated project: every file given (paths relative to the project directory, e.g.
     * {@code Cargo.toml}, {@code app/Cargo.toml}, {@code .cargo/config.toml}, {@code app/src/main.rs}) in a fresh
     * temporary directory, with extra environment variables, from the project directory. The binary crate whose
     * flags are returned must be named {@code probe}.
     *
     * @param files   relative path → content
     * @param profile as for {@link #build(String, String)}
     * @param env     extra environment variables for cargo (e.g. {@code CARGO_PROFILE_RELEASE_LTO})
     * @return the exit code, output, warnings and the rustc {@code -C} flags of the {@code probe} bin crate
     * @throws IllegalStateException if cargo does not finish within 120 s
     */
    public BuildResult buildProject(Map<String, String> files, String profile, Map<String, String> env) {
        return buildProject(files, profile, env, "", List.of());
    }

    /**
     * {@link #buildProject(Map, String, Map)} with cargo run in a directory of the project (where it starts looking
     * for {@code .cargo/config.toml}).
     *
     * @param files   relative path → content
     * @param profile as for {@link #build(String, String)}
     * @param env     extra environment variables for cargo
     * @param in      the directory to run cargo in, relative to the project directory ({@code app}); empty for the
     *                project directory
     * @param args    more arguments for {@code cargo build} ({@code --manifest-path app/Cargo.toml})
     * @return the exit code, output, warnings and the rustc {@code -C} flags of the {@code probe} bin crate
     * @throws IllegalStateException if cargo does not finish within 120 s
     */
    public BuildResult buildProject(Map<String, String> files, String profile, Map<String, String> env, String in, List<String> args) {
        List<String> command = new ArrayList<>(List.of(executable, "build", "-v", "--offline"));
        command.addAll(args);
        if (profile.equals("release")) command.add("--release");
        else if (!profile.equals("dev")) command.addAll(List.of("--profile", profile));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cargo-project-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            Run run = run(command, dir.resolve(in), TIMEOUT_SECONDS, env);
            return new BuildResult(run.exitCode, run.output, warnings(run.output), binFlags(run.output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * Builds a generated project (as {@link #buildProject(Map, String, Map)}) and runs its {@code probe} binary.
     *
     * @param files   relative path → content
     * @param profile as for {@link #build(String, String)}
     * @param runEnv  environment variables for the binary ({@code RUST_BACKTRACE=1})
     * @return what the binary printed (stdout and stderr), or cargo's output when the build failed
     * @throws IllegalStateException if cargo or the binary does not finish within 120 s, or the build fails
     */
    public String buildAndRun(Map<String, String> files, String profile, Map<String, String> runEnv) {
        List<String> command = new ArrayList<>(List.of(executable, "build", "--offline"));
        if (profile.equals("release")) command.add("--release");
        else if (!profile.equals("dev")) command.addAll(List.of("--profile", profile));
        Path dir = null;
        try {
            dir = Files.createTempDirectory("cargo-run-");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            Run build = run(command, dir, TIMEOUT_SECONDS, Map.of());
            if (build.exitCode != 0) throw new IllegalStateException("cargo build failed:\n" + build.output);
            String out = profile.equals("dev") ? "debug" : profile;
            return run(List.of(dir.resolve("target").resolve(out).resolve("probe").toString()), dir, TIMEOUT_SECONDS, runEnv).output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * Outcome of one probe build.
     *
     * @param exitCode cargo's exit code
     * @param output combined stdout and stderr
     * @param warnings lines starting with {@code warning:}, without the "generated N warnings" summary
     * @param binFlags the bin crate's rustc codegen flags as {@code "-C key=value"}, without
     *     {@code metadata}, {@code extra-filename} and {@code linker}; {@code -C incremental=<dir>} for any path
     */
    public record BuildResult(int exitCode, String output, List<String> warnings, Set<String> binFlags) {
        /** Returns whether cargo exited with status 0. */
        public boolean succeeded() {
            return exitCode == 0;
        }

        /**
         * Every rustc invocation of the build, build scripts and dependencies included, as
         * {@code "NAME TYPE: -C flag -C flag"} with the flags sorted and the same ones left out as for {@link #binFlags}
         * (and {@code -C incremental=<dir>} for any path); sorted, so two builds compare equal when cargo compiled the
         * same units with the same flags, wherever their output went ({@code target/ci} or {@code target/debug}).
         *
         * @return one line per unit
         */
        public List<String> unitFlags() {
            List<String> units = new ArrayList<>();
            for (String line : output.lines().map(String::strip).toList()) {
                if (!line.startsWith("Running `") || !line.endsWith("`")) continue;
                List<String> args = shellSplit(line.substring("Running `".length(), line.length() - 1));
                int name = args.indexOf("--crate-name");
                int type = args.indexOf("--crate-type");
                if (name < 0 || name + 1 >= args.size()) continue;
                List<String> flags = new ArrayList<>(codegenFlags(args));
                Collections.sort(flags);
                units.add(args.get(name + 1) + " " + (type < 0 || type + 1 >= args.size() ? "?" : args.get(type + 1)) + ": "
                        + String.join(" ", flags));
            }
            Collections.sort(units);
            return units;
        }

        /**
         * @param crate a crate name ({@code itoa})
         * @return how many times rustc compiled it
         */
        public long compilations(String crate) {
            return unitFlags().stream().filter(u -> u.startsWith(crate + " ")).count();
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command, Path dir, long timeoutSeconds) throws IOException {
        return run(command, dir, timeoutSeconds, Map.of());
    }

    private static Run run(List<String> command, Path dir, long timeoutSeconds, Map<String, String> env) throws IOException {
        Path log = Files.createTempFile("cargo-probe-", ".log");
        Process process = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir == null ? null : dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().keySet().removeIf(k -> REMOVED_ENV.contains(k) || k.startsWith("CARGO_PROFILE_"));
            pb.environment().putAll(Map.of("CARGO_TERM_COLOR", "never", "CARGO_TERM_PROGRESS_WHEN", "never"));
            pb.environment().putAll(env);
            process = pb.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            if (!finished) throw new IllegalStateException(String.join(" ", command) + " timed out after "
                    + timeoutSeconds + " s; output so far:\n" + output);
            return new Run(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static List<String> warnings(String output) {
        return output.lines()
                .filter(l -> l.startsWith("warning:"))
                .filter(l -> !(l.startsWith("warning: `probe` (bin ") && l.contains(" generated ")))
                .toList();
    }

    private static Set<String> binFlags(String output) {
        return unitFlags(output, "probe", "bin");
    }

    /**
     * The {@code -C} flags of one unit in a {@code cargo build -v} output (the first rustc line that compiles it).
     *
     * @param output    what cargo printed
     * @param crateName the {@code --crate-name} ({@code build_script_build} for a build script)
     * @param crateType the {@code --crate-type} ({@code bin}, {@code lib}, {@code proc-macro})
     * @return the flags as {@code -C key=value}, {@code metadata}, {@code extra-filename} and {@code linker} left out;
     *         empty when no such unit was compiled
     */
    public static Set<String> unitFlags(String output, String crateName, String crateType) {
        Set<String> flags = new LinkedHashSet<>();
        for (String line : output.lines().map(String::strip).toList()) {
            if (!line.startsWith("Running `") || !line.endsWith("`")) continue;
            List<String> args = shellSplit(line.substring("Running `".length(), line.length() - 1));
            if (Collections.indexOfSubList(args, List.of("--crate-name", crateName)) < 0
                    || Collections.indexOfSubList(args, List.of("--crate-type", crateType)) < 0) continue;
            flags.addAll(codegenFlags(args));
            break;
        }
        return flags;
    }

    /**
     * The arguments of one unit's rustc line that settings decide, in cargo's order: every {@code -C} flag but
     * {@code metadata} and {@code extra-filename} ({@code -C incremental=<dir>} for any path), {@code --target}, and
     * the rustflags cargo appends at the end; left out are the crate name, edition, source, output, message-format,
     * {@code --check-cfg}, {@code -L} and {@code --extern} arguments.
     *
     * @param output    what cargo printed
     * @param crateName the {@code --crate-name}
     * @param crateType the {@code --crate-type}
     * @return the arguments, one per element ({@code -C}, {@code opt-level=3}); empty when no such unit was compiled
     */
    public static List<String> unitLine(String output, String crateName, String crateType) {
        for (String line : output.lines().map(String::strip).toList()) {
            if (!line.startsWith("Running `") || !line.endsWith("`")) continue;
            List<String> args = shellSplit(line.substring("Running `".length(), line.length() - 1));
            if (Collections.indexOfSubList(args, List.of("--crate-name", crateName)) < 0
                    || Collections.indexOfSubList(args, List.of("--crate-type", crateType)) < 0) continue;
            List<String> out = new ArrayList<>();
            Set<String> withValue = Set.of("--crate-name", "--crate-type", "--check-cfg", "--out-dir", "-L", "--extern");
            for (int i = 1; i < args.size(); i++) {
                String a = args.get(i);
                if (withValue.contains(a)) { i++; continue; }
                if (a.startsWith("--edition") || a.startsWith("--error-format") || a.startsWith("--json") || a.startsWith("--emit")
                        || (!a.startsWith("-") && a.endsWith(".rs") && out.isEmpty())) continue;
                if (a.equals("-C") && i + 1 < args.size()) {
                    String v = args.get(i + 1);
                    if (v.startsWith("metadata=") || v.startsWith("extra-filename=")) { i++; continue; }
                    if (v.startsWith("incremental=")) { out.add("-C"); out.add("incremental=<dir>"); i++; continue; }
                }
                out.add(a);
            }
            return out;
        }
        return List.of();
    }

    private static Set<String> codegenFlags(List<String> args) {
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String flag = a.equals("-C") && i + 1 < args.size() ? args.get(++i)
                    : a.startsWith("-C") && a.length() > 2 ? a.substring(2) : null;
            if (flag == null || IGNORED_KEYS.contains(flag.split("=", 2)[0])) continue;
            flags.add("-C " + (flag.startsWith("incremental=") ? "incremental=<dir>" : flag));
        }
        return flags;
    }

    /** Splits a POSIX-shell-quoted command line ('single', "double", backslash escapes). */
    private static List<String> shellSplit(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = null; // null between arguments
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean escape = c == '\\' && i + 1 < line.length() && quote != '\''
                    && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (cur != null) args.add(cur.toString());
                cur = null;
                continue;
            }
            if (cur == null) cur = new StringBuilder();
            if (escape) cur.append(line.charAt(++i));
            else if (quote == 0 && (c == '\'' || c == '"')) quote = c;
            else if (c == quote) quote = 0;
            else cur.append(c);
        }
        if (cur != null) args.add(cur.toString());
        return args;
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory must not fail a test
        }
    }
}
