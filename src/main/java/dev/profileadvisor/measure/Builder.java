package dev.profileadvisor.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds one candidate: a custom profile given to cargo on the command line, in its own clean target directory,
 * timed by GNU time when it is installed; then the rebuild after touching the root crate's main source. Artifacts are
 * taken from cargo's {@code --message-format=json} messages, never guessed from paths.
 */
final class Builder {
    /** What cargo prints when it needs the network and may not or cannot reach it. */
    private static final List<String> NEEDS_NETWORK = List.of("failed to get `", "failed to download", "Unable to update registry",
            "--offline was specified", "failed to load source for dependency", "Couldn't resolve host", "no matching package named",
            "failed to fetch", "attempting to make an HTTP request");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of("bin", "cdylib", "staticlib");
    /** One build may take this long before it is killed. */
    static final long BUILD_TIMEOUT_SECONDS = 3 * 3600;

    private final String cargo;
    private final CargoProject project;
    private final Map<String, String> env;
    private final OptionalInt jobs;
    private final Optional<String> time;

    Builder(String cargo, CargoProject project, Map<String, String> env, OptionalInt jobs, Optional<String> gnuTime) {
        this.cargo = cargo;
        this.project = project;
        this.env = env;
        this.jobs = jobs;
        this.time = gnuTime;
    }

    /** Cargo refused or failed the build; {@code needsNetwork} when its message says it could not fetch. */
    static final class BuildFailed extends Exception {
        final boolean needsNetwork;

        BuildFailed(String message, boolean needsNetwork) {
            super(message);
            this.needsNetwork = needsNetwork;
        }
    }

    /** A candidate's clean build and rebuild. */
    record Built(List<Figures.Artifact> artifacts, Figures.Build build, OptionalDouble rebuildSeconds) {
    }

    /**
     * @param c         the candidate
     * @param profile   the custom profile's name ({@code cpa-3})
     * @param parent    the profile it inherits
     * @param targetDir its own target directory (emptied first)
     * @param rebuild   whether to time the rebuild after touching the main source
     * @param started   told each process once it runs
     * @return what it produced
     * @throws BuildFailed when cargo fails; its message is cargo's
     */
    Built build(Candidate c, String profile, String parent, Path targetDir, boolean rebuild, Consumer<Process> started) throws BuildFailed {
        deleteTree(targetDir);
        List<String> cmd = command(c, profile, parent, targetDir);
        Path timeFile = null;
        try {
            List<String> timed = new ArrayList<>();
            if (time.isPresent()) {
                timeFile = Files.createTempFile("cpa-time-", ".txt");
                timed.addAll(List.of(time.get(), "-f", "%e %U %S %M", "-o", timeFile.toString()));
            }
            timed.addAll(cmd);
            ProcessOutput out = ProcessOutput.run(timed, project.root(), env, BUILD_TIMEOUT_SECONDS, started);
            if (out.code() != 0) throw failed(out);
            List<Figures.Artifact> artifacts = artifacts(out.stdout());
            Figures.Build build = figures(out, timeFile);
            OptionalDouble again = OptionalDouble.empty();
            if (rebuild) {
                touch(project.mainSource());
                ProcessOutput second = ProcessOutput.run(cmd, project.root(), env, BUILD_TIMEOUT_SECONDS, started);
                if (second.code() != 0) throw failed(second);
                again = OptionalDouble.of(second.seconds());
            }
            return new Built(artifacts, build, again);
        } catch (IOException e) {
            throw new BuildFailed("cannot time the build: " + e.getMessage(), false);
        } finally {
            if (timeFile != null) {
                try {
                    Files.deleteIfExists(timeFile);
                } catch (IOException ignored) {
                    // a temporary file of ours
                }
            }
        }
    }

    /** The cargo command line for a candidate: every {@code --config} line the user could paste into a profile. */
    List<String> command(Candidate c, String profile, String parent, Path targetDir) {
        List<String> cmd = new ArrayList<>(List.of(cargo, "build", "--manifest-path", project.manifest().toString(), "--profile", profile,
                "--config", "profile." + profile + ".inherits=" + quoted(parent)));
        c.writes().forEach((k, v) -> cmd.addAll(List.of("--config", "profile." + profile + "." + k + "=" + v)));
        cmd.addAll(List.of("--target-dir", targetDir.toString(), "--message-format=json-render-diagnostics"));
        if (project.lockExisted()) cmd.add("--locked");
        if (project.bins().size() == 1) cmd.addAll(List.of("--bin", project.bins().get(0).name()));
        jobs.ifPresent(j -> cmd.addAll(List.of("-j", Integer.toString(j))));
        return cmd;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private BuildFailed failed(ProcessOutput out) {
        String msg = out.timedOut() ? "the build ran longer than " + BUILD_TIMEOUT_SECONDS + " s and was stopped" : CargoProject.firstError(out.stderr());
        boolean network = NEEDS_NETWORK.stream().anyMatch(out.stderr()::contains);
        return new BuildFailed(msg.isEmpty() ? "cargo exited with " + out.code() : msg, network);
    }

    private List<Figures.Artifact> artifacts(String stdout) {
        List<Figures.Artifact> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (String line : stdout.lines().toList()) {
            if (!line.startsWith("{") || !line.contains("\"compiler-artifact\"")) continue;
            JsonNode m;
            try {
                m = JSON.readTree(line);
            } catch (IOException e) {
                continue;
            }
            if (!m.path("reason").asText().equals("compiler-artifact") || !project.members().contains(m.path("package_id").asText())) continue;
            JsonNode target = m.path("target");
            for (JsonNode k : target.path("kind")) {
                String kind = k.asText();
                if (!KINDS.contains(kind)) continue;
                List<Path> files = new ArrayList<>();
                if (kind.equals("bin") && m.hasNonNull("executable")) files.add(Path.of(m.get("executable").asText()));
                else {
                    for (JsonNode f : m.path("filenames")) {
                        String name = f.asText();
                        boolean lib = kind.equals("cdylib") ? name.endsWith(".so") || name.endsWith(".dylib") || name.endsWith(".dll")
                                : name.endsWith(".a") || name.endsWith(".lib");
                        if (lib) files.add(Path.of(name));
                    }
                }
                for (Path f : files) {
                    if (!seen.add(f)) continue;
                    try {
                        Optional<ElfSections.Kept> kept = ElfSections.kept(f);
                        out.add(new Figures.Artifact(target.path("name").asText(), kind, f, Files.size(f),
                                kept.map(ElfSections.Kept::symbols), kept.map(ElfSections.Kept::lineTables), kept.map(ElfSections.Kept::debugInfo)));
                    } catch (IOException e) {
                        // cargo named a file that is gone: nothing to weigh
                    }
                }
            }
        }
        return out;
    }

    private static Figures.Build figures(ProcessOutput out, Path timeFile) throws IOException {
        if (timeFile != null) {
            String[] f = Files.readString(timeFile).strip().lines().reduce((a, b) -> b).orElse("").split("\\s+");
            if (f.length == 4) {
                try {
                    return new Figures.Build(Double.parseDouble(f[0]), OptionalDouble.of(Double.parseDouble(f[1]) + Double.parseDouble(f[2])),
                            OptionalLong.of(Long.parseLong(f[3]) * 1024));
                } catch (NumberFormatException e) {
                    // fall through: wall time only
                }
            }
        }
        return new Figures.Build(out.seconds(), OptionalDouble.empty(), OptionalLong.empty());
    }

    /** Marks a source file changed for cargo (a newer modification time; its bytes stay as they are). */
    static void touch(Path source) throws IOException {
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis()));
    }

    /**
     * @param cargoNeedsNetwork whether the failure was cargo not reaching the network
     * @param message           cargo's message
     * @return the message for a user whose dependencies cannot be fetched
     */
    static AdvisorException networkProblem(String message) {
        return new AdvisorException(Problem.of("cargo", "the build needs dependencies cargo cannot fetch here:\n" + message
                + "\nfetch them once with network access (`cargo fetch`), or vendor them (`cargo vendor` and the [source] lines it "
                + "prints into .cargo/config.toml), then measure again"));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
