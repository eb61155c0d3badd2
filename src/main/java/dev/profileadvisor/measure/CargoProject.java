package dev.profileadvisor.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace as {@code cargo metadata --no-deps} describes it: its root, target directory, members and their
 * binaries. Asking cargo (rather than reading the manifests again) is what makes {@code measure} refuse exactly what
 * cargo refuses.
 *
 * @param manifest        the manifest measured
 * @param root            the workspace root directory
 * @param targetDirectory cargo's target directory for it
 * @param bins            every binary target of the default members: package, name and source file
 * @param mainSource      the root crate's main source file: what a one-line change touches for the rebuild time
 * @param lockExisted     whether {@code Cargo.lock} was there before measuring
 * @param members         the package ids of the workspace's members, as cargo's build messages name them
 */
record CargoProject(Path manifest, Path root, Path targetDirectory, List<Bin> bins, Path mainSource, boolean lockExisted,
                    Set<String> members) {
    /**
     * A binary target.
     *
     * @param pkg    its package
     * @param name   the binary's name
     * @param source its main source file
     */
    record Bin(String pkg, String name, Path source) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the workspace's {@code Cargo.lock} */
    Path lock() {
        return root.resolve("Cargo.lock");
    }

    /**
     * @param cargo    the cargo to ask
     * @param manifest a {@code Cargo.toml}
     * @param bin      the binary asked for with {@code --bin}, if any
     * @param env      the environment cargo runs in
     * @return the workspace
     * @throws AdvisorException when cargo refuses the manifest (its message), or {@code --bin} names no binary
     */
    static CargoProject read(String cargo, Path manifest, Optional<String> bin, java.util.Map<String, String> env) {
        ProcessOutput out = ProcessOutput.run(List.of(cargo, "metadata", "--format-version", "1", "--no-deps", "--manifest-path",
                manifest.toString()), manifest.getParent(), env, 120);
        if (out.code() != 0) {
            throw new AdvisorException(Problem.of(manifest.toString(), "cargo cannot read the project: " + firstError(out.stderr())));
        }
        JsonNode meta;
        try {
            meta = JSON.readTree(out.stdout());
        } catch (IOException e) {
            throw new IllegalStateException("cargo metadata printed no JSON: " + e.getMessage(), e);
        }
        Path root = Path.of(meta.path("workspace_root").asText());
        Path target = Path.of(meta.path("target_directory").asText());
        Set<String> all = new LinkedHashSet<>();
        for (JsonNode m : meta.path("workspace_members")) all.add(m.asText());
        Set<String> members = new LinkedHashSet<>();
        JsonNode defaults = meta.has("workspace_default_members") ? meta.get("workspace_default_members") : meta.get("workspace_members");
        for (JsonNode m : defaults) members.add(m.asText());
        Path real = real(manifest);
        List<Bin> bins = new ArrayList<>();
        Path mainSource = null;
        Path firstMain = null;
        for (JsonNode p : meta.path("packages")) {
            if (!members.contains(p.path("id").asText())) continue;
            boolean isRoot = real(Path.of(p.path("manifest_path").asText())).equals(real);
            for (JsonNode t : p.path("targets")) {
                Set<String> kinds = new LinkedHashSet<>();
                t.path("kind").forEach(k -> kinds.add(k.asText()));
                Path src = Path.of(t.path("src_path").asText());
                if (kinds.contains("bin")) bins.add(new Bin(p.path("name").asText(), t.path("name").asText(), src));
                boolean main = kinds.contains("bin") || kinds.contains("lib") || kinds.contains("cdylib") || kinds.contains("staticlib")
                        || kinds.contains("rlib") || kinds.contains("dylib");
                if (main && isRoot && mainSource == null) mainSource = src;
                if (main && firstMain == null) firstMain = src;
            }
        }
        if (bin.isPresent()) {
            Optional<Bin> chosen = bins.stream().filter(b -> b.name().equals(bin.get())).findFirst();
            if (chosen.isEmpty()) {
                throw new AdvisorException(Problem.of("--bin", "no binary `" + bin.get() + "` in the workspace"
                        + (bins.isEmpty() ? " (it has none)" : "; its binaries: " + String.join(", ", bins.stream().map(Bin::name).toList()))));
            }
            bins = List.of(chosen.get());
            mainSource = chosen.get().source();
        }
        if (mainSource == null) mainSource = bins.isEmpty() ? firstMain : bins.get(0).source();
        if (mainSource == null) throw new AdvisorException(Problem.of(manifest.toString(), "the workspace has no target to build"));
        return new CargoProject(manifest, root, target, List.copyOf(bins), mainSource, Files.exists(root.resolve("Cargo.lock")), Set.copyOf(all));
    }

    /** The first {@code error:} line of cargo's output with what follows it, or its last lines. */
    static String firstError(String stderr) {
        List<String> lines = stderr.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("error")) {
                return String.join("\n", lines.subList(i, Math.min(lines.size(), i + 6))).strip();
            }
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size())).strip();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
