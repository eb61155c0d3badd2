package dev.profileadvisor.audit;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;

import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.manifest.ManifestFinder;
import dev.profileadvisor.manifest.ManifestReader;
import dev.profileadvisor.manifest.Project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the manifests an audit names and audits each workspace once, in parallel, collecting input errors. */
final class Workspaces {
    private Workspaces() {
    }

    static AuditReport audit(AuditRequest request, Knowledge knowledge, Auditor auditor, AuditProgress progress) {
        List<Problem> errors = new ArrayList<>();
        List<Path> manifests = new ArrayList<>();
        List<Path> inputs = request.paths().isEmpty() ? List.of(request.base()) : request.paths();
        for (Path input : inputs) {
            Path in = request.base().resolve(input).normalize();
            String shown = request.paths().isEmpty() ? "." : input.toString();
            try {
                if (!Files.exists(in, LinkOption.NOFOLLOW_LINKS)) {
                    // Files.exists is also false when it cannot look (a directory on the way without search
                    // permission): the attributes say which
                    Files.readAttributes(in, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    errors.add(Problem.of(shown, "no such file or directory"));
                } else if (Files.isSymbolicLink(in) && !Files.exists(in)) {
                    errors.add(Problem.of(shown, "a symbolic link that leads nowhere (or to itself)"));
                } else if (Files.isDirectory(in)) {
                    if (request.paths().isEmpty()) {
                        Path found = nearestManifest(in);
                        if (found == null) errors.add(Problem.of(shown, "no Cargo.toml here or in any parent directory"));
                        else manifests.add(found);
                    } else {
                        List<Path> found = ManifestFinder.below(in, (p, e) -> errors.add(Problem.of(p.toString(), describe(e))));
                        if (found.isEmpty()) errors.add(Problem.of(shown, "no Cargo.toml found in this directory or below it"));
                        manifests.addAll(found);
                    }
                } else {
                    try {
                        manifests.add(in.toRealPath());
                    } catch (java.nio.file.NoSuchFileException e) { // e.g. /dev/stdin: a pipe has no real path
                        errors.add(Problem.of(shown, "is not a file on disk (a pipe or a deleted file?): "
                                + "save the manifest as a file and name that"));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                errors.add(Problem.of(shown, describe(e)));
            }
        }
        List<Problem> loadErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Path, Project> projects = new java.util.concurrent.ConcurrentHashMap<>();
        Optional<Path> cargoDir = request.cargoDir().map(d -> request.base().resolve(d).normalize());
        Project.Loader loader = new Project.Loader(request.base(), request.env(), knowledge, cargoDir); // reads shared files once
        manifests.parallelStream().forEach(m -> {
            try {
                Project p = loader.load(m);
                projects.put(m, p);
            } catch (AdvisorException e) {
                loadErrors.addAll(e.problems());
            }
        });
        Map<Path, Project> rootProjects = new LinkedHashMap<>();
        Map<Path, String> named = new java.util.HashMap<>(); // workspace root → the first manifest that led to it
        java.util.Set<Path> reported = new java.util.HashSet<>(); // workspaces whose metadata problems are listed
        for (Path m : manifests) {
            Project p = projects.get(m);
            if (p == null || rootProjects.containsKey(p.root().path())) continue;
            // an allow list of the wrong shape: what the audit may show and fail on is unknown, so it is not audited
            List<Problem> metadata = p.manifests().stream().flatMap(x -> x.advisorMetadata().problems().stream()).toList();
            if (!metadata.isEmpty()) {
                if (reported.add(p.root().path())) loadErrors.addAll(metadata);
                continue;
            }
            if (rootProjects.putIfAbsent(p.root().path(), p) == null) {
                named.put(p.root().path(), p.manifests().stream().filter(x -> x.path().equals(m)).findFirst()
                        .map(dev.profileadvisor.manifest.Manifest::display).orElse(p.root().display()));
            }
        }
        progress.started(rootProjects.size());
        List<WorkspaceAudit> audits = rootProjects.values().parallelStream().map(p -> {
            WorkspaceAudit a = auditor.audit(p, named.get(p.root().path()), request.goals(), request.target(), request.levels());
            if (cargoDir.isPresent()) {
                String shown = Project.display(request.base(), cargoDir.get());
                a = a.runningIn(shown.isEmpty() ? "." : shown);
            }
            progress.audited();
            return a;
        }).toList();
        errors.addAll(loadErrors.stream().sorted(java.util.Comparator.comparing(Problem::file)).toList());
        return new AuditReport(audits, errors);
    }

    private static Path nearestManifest(Path dir) throws IOException {
        for (Path d = dir.toRealPath(); d != null; d = d.getParent()) {
            Path m = d.resolve("Cargo.toml");
            if (Files.isRegularFile(m)) return m;
        }
        return null;
    }

    static String describe(Exception e) {
        return ManifestReader.describe(e);
    }
}
