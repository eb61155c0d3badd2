package dev.profileadvisor.audit;

import dev.profileadvisor.cargo.Host;
import dev.profileadvisor.facts.ConfigKeyFact;
import dev.profileadvisor.facts.DisplacedRustflags;
import dev.profileadvisor.facts.LinkerFact;
import dev.profileadvisor.facts.ProfileRustflag;
import dev.profileadvisor.facts.RustflagElement;
import dev.profileadvisor.facts.TargetCpuFact;
import dev.profileadvisor.facts.Versions;
import dev.profileadvisor.knowledge.CpuLevel;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Linker;
import dev.profileadvisor.knowledge.Suggestions;
import dev.profileadvisor.knowledge.TargetKnowledge;
import dev.profileadvisor.manifest.ConfigEntry;
import dev.profileadvisor.manifest.ConfigFile;
import dev.profileadvisor.manifest.EffectiveProfile;
import dev.profileadvisor.manifest.Manifest;
import dev.profileadvisor.manifest.Origin;
import dev.profileadvisor.manifest.Project;
import dev.profileadvisor.manifest.TargetResolver;
import dev.profileadvisor.manifest.TargetSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The target settings of a project as the audit reports them, and the facts the target rules match. */
final class TargetFacts {
    final TargetSettings settings;
    final TargetReport report;
    final List<Object> facts = new ArrayList<>();

    private final Knowledge knowledge;
    private final TargetKnowledge targets;
    private final Host host;

    TargetFacts(Knowledge knowledge, Project project, Optional<String> requested, Map<String, EffectiveProfile> effective) {
        this.knowledge = knowledge;
        this.targets = knowledge.targets();
        this.host = Host.detect(project.buildEnv(), targets);
        Optional<TargetSettings.Setting> configured = TargetResolver.configuredTarget(project);
        boolean explicit = requested.isPresent() || configured.isPresent();
        String triple = requested.orElse(configured.map(TargetSettings.Setting::value).orElse(host.triple()));
        String how = requested.isPresent() ? "--target"
                : configured.isPresent() ? "`" + configured.get().key() + "` (" + configured.get().origin() + ")"
                : host.detected() ? "the host, from `rustc -vV` (rustc " + host.release() + ")"
                : "assumed: no rustc on PATH, so the host is taken to be " + host.triple() + " with Rust " + host.release();
        settings = TargetResolver.resolve(project, triple, explicit, requested.isPresent() ? Optional.of(Origin.DEFAULT)
                : configured.map(TargetSettings.Setting::origin), host.cfg(triple, targets));
        String sourceTitle = targets.rustflagSource(settings.source()).map(s -> s.title()).orElse("");
        report = new TargetReport(triple, how, explicit, sourceTitle,
                settings.rustflags().stream().map(f -> new TargetReport.Flag(f.value(), f.origin().toString(), f.key())).toList(),
                settings.displaced().stream().map(d -> new TargetReport.Displaced(d.key(), d.origin().toString(), d.flags(), d.winnerKey(),
                        d.winnerAt().toString())).toList(),
                settings.linker().map(l -> new TargetReport.Flag(l.value(), l.origin().toString(), l.key())));
        displaced();
        elements(project);
        configKeys(project);
        flags(project, effective);
        settings.linker().ifPresent(l -> linker(program(l.value()), "linker = \"" + l.value() + "\"", l.key(), l.origin(), Optional.of(l.value())));
    }

    private void displaced() {
        for (TargetSettings.Displaced d : settings.displaced()) {
            facts.add(new DisplacedRustflags(d.key(), file(d.origin()), d.origin().line(), d.origin().column(), String.join(" ", d.flags()),
                    d.winnerKey(), d.winnerAt().toString(), d.winnerKey().equals(d.key()), settings.triple()));
        }
    }

    private void elements(Project project) {
        for (ConfigFile c : project.configs()) {
            for (ConfigEntry e : c.settings()) {
                if (!e.key().equals("rustflags")) continue;
                for (ConfigEntry.Element el : e.elements()) {
                    if (!el.value().strip().contains(" ") && !el.value().strip().contains("\t")) continue;
                    List<String> parts = List.of(el.value().strip().split("\\s+"));
                    facts.add(new RustflagElement(e.dotted(), file(el.origin()), el.origin().line(), el.origin().column(), el.value(),
                            String.join(", ", parts.stream().map(x -> "\"" + x + "\"").toList())));
                }
            }
        }
    }

    private void configKeys(Project project) {
        var keys = targets.configKeys();
        for (ConfigFile c : project.configs()) {
            for (ConfigEntry e : c.settings()) {
                String table = e.table().equals("build") ? "build" : e.cfgTable() ? "target-cfg" : "target-triple";
                List<String> known = table.equals("build") ? keys.build() : table.equals("target-cfg") ? keys.targetCfg() : keys.targetTriple();
                boolean isKnown = known.contains(e.key()) || table.equals("target-triple") && e.isTable();
                facts.add(new ConfigKeyFact(file(e.origin()), e.origin().line(), e.origin().column(), e.dotted(), table, e.key(), false,
                        isKnown, e.isTable(), isKnown ? "" : Suggestions.closest(e.key(), known).orElse("")));
            }
        }
        for (Manifest m : project.manifests()) {
            for (ConfigEntry e : m.configTables()) {
                String table = e.table().equals("build") ? "build" : e.cfgTable() ? "target-cfg" : "target-triple";
                facts.add(new ConfigKeyFact(file(e.origin()), e.origin().line(), e.origin().column(), e.dotted(), table, e.key(), true,
                        false, e.isTable(), ""));
            }
        }
    }

    /** The rustflags in force, read as rustc reads them: {@code -C opt-level=0}, {@code -Copt-level=0}, {@code -O}, {@code -g}. */
    private void flags(Project project, Map<String, EffectiveProfile> effective) {
        List<TargetSettings.Flag> all = settings.rustflags();
        for (int i = 0; i < all.size(); i++) {
            TargetSettings.Flag f = all.get(i);
            String option;
            String shown;
            if (f.value().equals("-C") && i + 1 < all.size()) {
                option = all.get(i + 1).value();
                shown = "-C " + option;
                i++;
            } else if (f.value().startsWith("-C") && f.value().length() > 2) {
                option = f.value().substring(2);
                shown = f.value();
            } else if (f.value().equals("-O")) {
                option = "opt-level=3";
                shown = "-O";
            } else if (f.value().equals("-g")) {
                option = "debuginfo=2";
                shown = "-g";
            } else {
                continue;
            }
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : "";
            Origin o = f.origin();
            targets.profileFlag(name).ifPresent(pf -> facts.add(new ProfileRustflag(shown, name, pf.setting(), f.key(), file(o), o.line(),
                    o.column(), releaseFlag(effective, name))));
            if (name.equals("target-cpu")) cpu(project, value, f, o);
            if (name.equals("linker")) linker(program(value), shown, f.key(), o, Optional.of(value));
            for (Linker l : targets.linkers().values()) {
                if (l.matches().contains(option) && !name.equals("linker")) linker(Optional.of(l), shown, f.key(), o, Optional.empty());
            }
        }
    }

    private static String releaseFlag(Map<String, EffectiveProfile> effective, String option) {
        EffectiveProfile release = effective.get("release");
        if (release == null || release.rustcFlags().isEmpty()) return "";
        return release.rustcFlags().get().stream().filter(x -> x.equals("-C " + option) || x.startsWith("-C " + option + "="))
                .findFirst().orElse("");
    }

    private void cpu(Project project, String cpu, TargetSettings.Flag f, Origin o) {
        boolean portable = targets.cpuLevel(cpu).map(CpuLevel::portable).orElse(true);
        Optional<Origin> dist = project.root().declaration("dist")
                .or(() -> project.configs().stream().map(c -> c.declarations().get("dist")).filter(java.util.Objects::nonNull).findFirst());
        String metadata = project.manifests().stream().map(Manifest::distMetadata).filter(m -> m.kind() != Origin.Kind.DEFAULT)
                .findFirst().map(Origin::toString).orElse("");
        facts.add(new TargetCpuFact(cpu, f.key(), file(o), o.line(), o.column(), portable, dist.isPresent() ? "dist" : "",
                dist.map(Origin::toString).orElse(""), metadata));
    }

    /** The knowledge row a linker program stands for ({@code clang}: another linker driver), by its file name. */
    private Optional<Linker> program(String value) {
        String name = value.substring(value.lastIndexOf('/') + 1);
        return targets.linkers().values().stream().filter(l -> l.programs().contains(name)).findFirst();
    }

    private void linker(Optional<Linker> l, String written, String key, Origin o, Optional<String> program) {
        String since = l.flatMap(x -> x.defaultSince(settings.triple())).orElse("");
        boolean redundant = !since.isEmpty() && !Versions.older(host.release(), since);
        String missing = "";
        if (program.isPresent()) {
            if (!host.installed(program.get())) missing = program.get();
        } else if (!redundant && l.isPresent()) {
            missing = l.get().needs().stream().filter(n -> !host.installed(n)).findFirst().orElse("");
        }
        facts.add(new LinkerFact(l.map(Linker::id).orElse(""), l.map(Linker::title).orElse(program.orElse("")), written, key, file(o),
                o.line(), o.column(), settings.triple(), host.release(), since, redundant, missing));
    }

    private static String file(Origin o) {
        return o.kind() == Origin.Kind.ENV ? "env " + o.file() : o.file();
    }

    /**
     * @param p a profile
     * @return its whole rustc line for the binary, empty when it has no flags (an invalid value, an unusable chain)
     */
    Optional<List<String>> line(EffectiveProfile p) {
        return p.rustcFlags().map(flags -> dev.profileadvisor.cargo.RustcFlags.line(flags,
                settings.explicitTarget() ? Optional.of(settings.triple()) : Optional.empty(),
                settings.linker().map(TargetSettings.Setting::value), settings.flagValues()));
    }
}
