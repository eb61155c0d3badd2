package dev.profileadvisor.recommend;

import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.manifest.EffectiveProfile;
import dev.profileadvisor.manifest.EffectiveSetting;
import dev.profileadvisor.manifest.LockFile;
import dev.profileadvisor.manifest.Manifest;
import dev.profileadvisor.manifest.ProfileEntry;
import dev.profileadvisor.manifest.ProfileResolver;
import dev.profileadvisor.manifest.Project;
import dev.profileadvisor.manifest.SourceScan;
import dev.profileadvisor.manifest.ValueCheck;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what a plan needs from a loaded project: its packages, host code, panics caught, Rust version, profiles. */
public final class PlanProjects {
    private PlanProjects() {
    }

    /**
     * @param project   the loaded workspace (manifests, config files, environment)
     * @param knowledge for value ids and profile chains
     * @param lockText  the text of {@code Cargo.lock} when it does not lie beside the root (posted over HTTP), else empty
     * @return what a plan uses of it
     */
    public static PlanProject of(Project project, Knowledge knowledge, Optional<String> lockText) {
        List<String> members = new ArrayList<>(project.packageNames());
        Set<String> packages = new LinkedHashSet<>(members);
        packages.addAll(project.dependencyNames());
        Set<String> locked = lockText.map(LockFile::packageNamesOf).orElseGet(() -> LockFile.packageNames(project.root().dir()));
        packages.addAll(locked);
        Optional<String> hostCode = Optional.empty();
        Optional<String> catchUnwind = Optional.empty();
        Optional<String> rustVersion = Optional.empty();
        for (Manifest m : project.manifests()) {
            if (m.packageName().isEmpty()) continue;
            if (hostCode.isEmpty() && m.path() != null && Files.isRegularFile(m.dir().resolve("build.rs"))) {
                hostCode = Optional.of(sibling(m.display(), "build.rs"));
            }
            if (hostCode.isEmpty() && m.procMacro()) hostCode = Optional.of(m.display() + " (a proc-macro)");
            if (catchUnwind.isEmpty() && m.path() != null) {
                String at = SourceScan.firstCatchUnwind(m);
                if (!at.isEmpty()) catchUnwind = Optional.of(at);
            }
            String rv = m.rustVersion().equals(dev.profileadvisor.manifest.ManifestReader.INHERIT_FROM_WORKSPACE)
                    ? project.workspaceRustVersion() : m.rustVersion();
            if (!rv.isEmpty() && (rustVersion.isEmpty() || minor(rv) < minor(rustVersion.get()))) rustVersion = Optional.of(rv);
        }
        Map<String, PlanProject.ProjectProfile> profiles = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(knowledge.profiles().keySet());
        names.addAll(project.definedProfiles());
        for (String name : names) {
            EffectiveProfile eff = ProfileResolver.resolve(project, knowledge, name);
            if (eff.problem().isPresent()) continue;
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> setAt = new LinkedHashMap<>();
            for (EffectiveSetting s : eff.settings()) {
                if (!s.explicit() || s.valueId().isEmpty()) continue;
                values.put(s.key(), s.valueId().get());
                setAt.put(s.key(), s.origin().toString());
            }
            Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
            for (ProfileEntry e : eff.overrides()) {
                ValueCheck check = ValueCheck.of(knowledge, e.key(), e.value());
                if (check.value().isEmpty()) continue;
                overrides.computeIfAbsent(e.table(), t -> new LinkedHashMap<>()).put(e.key(), check.value().get().id());
            }
            if (values.isEmpty() && overrides.isEmpty() && knowledge.profiles().containsKey(name)) continue;
            Optional<String> parent = eff.chain().size() > 1 ? Optional.of(eff.chain().get(1)) : Optional.empty();
            profiles.put(name, new PlanProject.ProjectProfile(name, parent, eff.root(), values, setAt, overrides));
        }
        return new PlanProject(project.root().display(), members, packages, !locked.isEmpty(), hostCode, catchUnwind,
                rustVersion, profiles);
    }

    /** {@code 1.71} → 71; {@code 1.71.1} → 71; anything else → 0. */
    static int minor(String version) {
        String[] parts = version.split("\\.");
        if (parts.length < 2 || !parts[0].equals("1")) return 0;
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String sibling(String manifestDisplay, String file) {
        int slash = manifestDisplay.lastIndexOf('/');
        return slash < 0 ? file : manifestDisplay.substring(0, slash + 1) + file;
    }
}
