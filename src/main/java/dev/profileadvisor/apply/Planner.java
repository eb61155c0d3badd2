package dev.profileadvisor.apply;

import dev.profileadvisor.recommend.Trace;

import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.Problem;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Recommender;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.recommend.SettingAdvice;

import dev.profileadvisor.edit.Change;
import dev.profileadvisor.edit.EditResult;
import dev.profileadvisor.edit.FileSnapshot;
import dev.profileadvisor.edit.ProfileEdit;
import dev.profileadvisor.edit.TableEdit;
import dev.profileadvisor.recommend.PlanProjects;
import dev.profileadvisor.recommend.PlanTable;
import dev.profileadvisor.edit.UnifiedDiff;
import dev.profileadvisor.edit.ConfigEdit;
import dev.profileadvisor.edit.ConfigEditResult;
import dev.profileadvisor.edit.RustFlags;
import dev.profileadvisor.edit.TargetTableEdit;
import dev.profileadvisor.recommend.ConfigLine;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.manifest.EffectiveProfile;
import dev.profileadvisor.manifest.EffectiveSetting;
import dev.profileadvisor.manifest.Manifest;
import dev.profileadvisor.manifest.ManifestReader;
import dev.profileadvisor.manifest.Origin;
import dev.profileadvisor.manifest.ProfileEntry;
import dev.profileadvisor.manifest.ProfileResolver;
import dev.profileadvisor.manifest.Project;
import dev.profileadvisor.manifest.ValueCheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Works out what {@code apply} would write: finds the workspace root manifest, asks for the recommendation, leaves
 * out keys the file already sets to the same value (in any spelling cargo treats alike), edits the text with
 * {@link ProfileEdit}, diffs it, and resolves the edited profile to note what still works against the
 * recommendation. Writes nothing.
 */
public final class Planner {
    private final Knowledge knowledge;
    private final Recommender recommender;

    /**
     * @param knowledge   settings and their spellings, to leave out keys the file already sets
     * @param recommender what the plan writes
     */
    public Planner(Knowledge knowledge, Recommender recommender) {
        this.knowledge = knowledge;
        this.recommender = recommender;
    }

    /**
     * @param req the manifest or directory, the goals, the environment
     * @return the plan; nothing is written
     * @throws AdvisorException for a manifest that cannot be read or edited, or a bad request
     */
    public ApplyPlan plan(ApplyRequest req) {
        Path start = manifestOf(req);
        Project project = Project.load(start, req.base(), req.env(), knowledge, req.base()); // cargo reads config from where it runs
        Manifest root = project.root();
        FileSnapshot file = FileSnapshot.read(root.path(), root.display());
        Manifest current = ManifestReader.manifest(ManifestReader.parseText(file.text(), root.display()), root.path(), root.display());

        Request request = req.request();
        String wanted = request.profile().orElse(null);
        if (wanted != null && request.inherits().isEmpty() && !knowledge.profiles().containsKey(wanted)) {
            Optional<String> parent = written(current, wanted).values().stream()
                    .filter(e -> e.key().equals("inherits") && e.value() instanceof String).map(e -> (String) e.value()).findFirst();
            if (parent.isPresent()) request = request.inherits(parent.get()); // the file already says what it inherits
        }
        // The project's packages, host code, panics caught, rust-version and custom profiles shape the plan; the values its
        // files set are compared with the plan below, line by line, so the plan is computed against cargo's defaults.
        if (request.project().isEmpty()) request = request.project(PlanProjects.of(project, knowledge, Optional.empty()).withoutValuesInForce());
        Trace trace = recommender.decide(request);
        Recommendation rec = trace.recommendation();
        String profile = rec.profile();
        Map<String, ProfileEntry> written = written(current, profile);

        Map<String, String> recommended = new LinkedHashMap<>();
        for (SettingAdvice s : rec.settings()) {
            if (s.toml().isEmpty()) continue;
            ProfileEntry e = written.get(s.key());
            if (e != null && sameValue(s.key(), e.value(), s.value())) continue;
            recommended.put(s.key(), s.toml());
        }
        Optional<String> inherits = rec.inherits();
        ProfileEntry writtenParent = written.get("inherits");
        if (inherits.isPresent() && writtenParent != null && inherits.get().equals(writtenParent.value())) inherits = Optional.empty();

        // Resolved with the recommended values written, the profile shows what it inherits and what still works against the goals.
        List<TableEdit> overrides = overrideEdits(current, rec);
        EditResult first = ProfileEdit.apply(file.text(), file.display(), tables(profile, inherits, recommended, overrides));
        Map<String, EffectiveSetting> replaced = new LinkedHashMap<>();
        Map<String, String> keys = keys(project, first.text(), rec, trace, recommended, written.keySet(), replaced);
        EditResult edit = keys.equals(recommended) ? first
                : ProfileEdit.apply(file.text(), file.display(), tables(profile, inherits, keys, overrides));
        // git apply and patch refuse `..` in a diff's paths: a root above the current directory is named from its own
        // directory (the command line says where to apply such a diff).
        boolean above = file.display().startsWith("../");
        String rootDir = above ? file.display().substring(0, file.display().lastIndexOf('/') + 1) : "";
        String name = above ? file.display().substring(rootDir.length()) : file.display();
        String label = name.startsWith("/") ? name : "/" + name;
        String diff = UnifiedDiff.of(file.text(), edit.text(), "a" + label, "b" + label);
        String named = project.manifests().stream().filter(m -> m.path().equals(start)).map(Manifest::display)
                .findFirst().orElse(root.display());
        List<ApplyNote> notes = new ArrayList<>();
        project.members().stream().filter(m -> m.path().equals(start) && m.hasProfiles()).forEach(m -> notes.add(new ApplyNote(
                m.display(), "its `[profile.*]` tables are ignored by cargo, which reads profiles only from the workspace root `"
                + root.display() + "`")));
        for (Change c : edit.changes()) {
            EffectiveSetting was = c.isInProfileTable() ? replaced.get(c.key()) : null;
            if (was != null) notes.add(new ApplyNote(root.display() + ":" + c.line() + ":" + c.column(), defaultNote(c, was, rec, trace)));
        }
        notes.addAll(notes(project, edit.text(), rec, trace, keys.keySet()));
        Optional<ConfigPlan> config = config(root, rec, rootDir, req.env(), notes);
        return new ApplyPlan(file, named, rec, edit.text(), edit.changes(), edit.layout(), notes, diff, config);
    }

    /**
     * The plan's target settings written into the workspace's {@code .cargo/config.toml} (created when missing;
     * {@code .cargo/config} when only that exists, as cargo then reads it), with a note for each environment variable
     * that would displace them.
     */
    private static Optional<ConfigPlan> config(Manifest root, Recommendation rec, String rootDir, Map<String, String> env,
                                               List<ApplyNote> notes) {
        if (rec.config().isEmpty()) return Optional.empty();
        Path dir = root.path().getParent().resolve(".cargo");
        Path path = dir.resolve("config.toml");
        if (!Files.exists(path) && Files.isRegularFile(dir.resolve("config"))) path = dir.resolve("config");
        String prefix = root.display().contains("/") ? root.display().substring(0, root.display().lastIndexOf('/') + 1) : "";
        String display = prefix + ".cargo/" + path.getFileName();
        Optional<FileSnapshot> snapshot = Files.exists(path) ? Optional.of(FileSnapshot.read(path, display)) : Optional.empty();
        String text = snapshot.map(FileSnapshot::text).orElse("");
        List<RustFlags.Codegen> flags = new ArrayList<>();
        for (ConfigLine c : rec.config()) if (c.key().equals("rustflags")) flags.add(new RustFlags.Codegen(c.option(), c.value()));
        String triple = rec.config().get(0).table().get(1);
        ConfigEditResult edit = ConfigEdit.apply(text, display, new TargetTableEdit(triple, flags, rec.linker()));
        String name = display.substring(rootDir.length());
        String label = name.startsWith("/") ? name : "/" + name;
        String diff = UnifiedDiff.of(text, edit.text(), snapshot.isPresent() ? "a" + label : "/dev/null", "b" + label);
        for (String var : List.of("CARGO_ENCODED_RUSTFLAGS", "RUSTFLAGS")) {
            if (!env.containsKey(var) || flags.isEmpty()) continue;
            notes.add(new ApplyNote("env " + var, "`" + var + "` is set, so cargo passes it instead of the `rustflags` of `[target."
                    + triple + "]` in " + display + " (cargo uses one source of extra flags): unset it for the plan's flags to apply"));
            break;
        }
        return Optional.of(new ConfigPlan(path, display, snapshot, edit.text(), edit.changes(), edit.layout(), diff));
    }

    /**
     * The keys to write: the recommended values, except those the profile already inherits from its parent's table in
     * the file; and, for every value the file sets (in the profile or a parent) that works against the goals where
     * the goals keep cargo's default, that default written out, so that the value in force is the plan's.
     *
     * @param text        the file with the recommended values written
     * @param recommended the recommended values not yet in the profile's table
     * @param own         the keys the profile's own table wrote before
     * @param replaced     filled with the values in force that a default written out replaces
     */
    private Map<String, String> keys(Project project, String text, Recommendation rec, Trace trace, Map<String, String> recommended,
                                     java.util.Set<String> own, Map<String, EffectiveSetting> replaced) {
        Project edited = edited(project, text);
        String profile = rec.profile();
        EffectiveProfile eff = ProfileResolver.resolve(edited, knowledge, profile);
        if (eff.problem().isPresent()) return recommended;
        Optional<EffectiveProfile> parent = eff.chain().size() < 2 ? Optional.empty()
                : Optional.of(ProfileResolver.resolve(edited, knowledge, eff.chain().get(1))).filter(p -> p.problem().isEmpty());
        Map<String, String> keys = new LinkedHashMap<>();
        recommended.forEach((key, toml) -> {
            boolean inherited = !own.contains(key) && parent.flatMap(p -> p.setting(key))
                    .filter(ps -> ps.origin().kind() == Origin.Kind.MANIFEST)
                    .flatMap(EffectiveSetting::valueId).equals(rec.setting(key).map(SettingAdvice::value));
            if (!inherited) keys.put(key, toml);
        });
        for (EffectiveSetting es : eff.settings()) {
            String key = es.key();
            if (keys.containsKey(key) || rec.setting(key).isPresent() || es.valueId().isEmpty()) continue;
            if (es.origin().kind() != Origin.Kind.MANIFEST || !trace.worksAgainst(key, es.valueId().get())) continue;
            writtenDefault(key, trace.decisions().get(key), eff).ifPresent(toml -> {
                keys.put(key, toml);
                replaced.put(key, es);
            });
        }
        return keys;
    }

    /**
     * Cargo's default for a key, as a value to write: its own literal, or for {@code codegen-units} (which has none:
     * cargo then passes nothing) the number rustc uses in its place, 16 units or 256 when the build is incremental
     * ({@code knowledge/settings.toml}).
     */
    private Optional<String> writtenDefault(String key, String valueId, EffectiveProfile eff) {
        SettingValue v = knowledge.setting(key).flatMap(s -> s.value(valueId)).orElseThrow();
        if (!v.isUnwritten()) return Optional.of(v.toml());
        if (!key.equals("codegen-units")) return Optional.empty();
        boolean incremental = eff.setting("incremental").flatMap(EffectiveSetting::value)
                .map(x -> x.traits().contains("incremental")).orElse(false);
        return Optional.of(incremental ? "256" : "16");
    }

    /** Why a default was written out: what it replaces, and which goal overrules that. */
    private String defaultNote(Change c, EffectiveSetting was, Recommendation rec, Trace trace) {
        String key = c.key();
        String id = was.valueId().orElseThrow();
        ProfileEntry e = was.entry().orElseThrow();
        String what = knowledge.setting(key).flatMap(s -> s.value(trace.decisions().get(key))).map(SettingValue::isUnwritten).orElse(false)
                ? "the number of units rustc uses when `" + key + "` is left out" : "cargo's default";
        String replaces = was.setIn().equals(rec.profile()) ? "`" + e.assignment() + "`"
                : "`" + e.assignment() + "` inherited from `[profile." + was.setIn() + "]` (" + was.origin() + ")";
        Optional<String> by = rec.kept().stream().filter(k -> k.key().equals(key)).flatMap(k -> k.overruled().stream())
                .filter(o -> o.value().equals(id)).map(o -> o.by()).findFirst();
        Map<String, Integer> scores = trace.scores().getOrDefault(key, Map.of());
        boolean one = rec.goals().size() == 1;
        String goals = one ? rec.goals().get(0).goal() : "these goals";
        String why = by.map(b -> b + " overrules it").orElse(trace.isVetoed(key, id)
                ? goals + (one ? " rules" : " rule") + " it out"
                : "it scores " + signed(scores.getOrDefault(id, 0)) + " for " + goals + ", against "
                + signed(scores.getOrDefault(trace.decisions().get(key), 0)));
        return "`" + key + " = " + c.now() + "` is " + what + ", written out to replace " + replaces + ": " + why;
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : n < 0 ? "\u2212" + -n : "0";
    }

    private static Project edited(Project project, String text) {
        Manifest root = project.root();
        Manifest edited = ManifestReader.manifest(ManifestReader.parseText(text, root.display()), root.path(), root.display());
        return new Project(edited, project.members(), project.configs(), project.env());
    }

    /** The manifest a path names: the file itself, or the nearest {@code Cargo.toml} at or above a directory. */
    /**
     * The manifest the request names; a file must be called {@code Cargo.toml}, as cargo requires of
     * {@code --manifest-path}, so that apply never writes a profile into {@code rustfmt.toml} or another TOML file.
     */
    private static Path manifestOf(ApplyRequest req) {
        Path found = locate(req.base(), req.manifest());
        if (!found.getFileName().toString().equals("Cargo.toml")) {
            throw new AdvisorException(Problem.of(req.manifest().toString(), "is not a `Cargo.toml`: apply edits only a file of that "
                    + "name, as cargo's `--manifest-path` requires; nothing was written"));
        }
        return found;
    }

    /**
     * @param base     where relative paths start
     * @param manifest a {@code Cargo.toml}, or a directory to search upwards from
     * @return the manifest's absolute path
     * @throws AdvisorException when there is none
     */
    public static Path locate(Path base, Path manifest) {
        Path in = base.resolve(manifest).toAbsolutePath().normalize();
        String shown = manifest.toString().isEmpty() ? "." : manifest.toString();
        if (Files.isDirectory(in)) {
            for (Path d = in; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("Cargo.toml"))) return d.resolve("Cargo.toml");
            }
            throw new AdvisorException(Problem.of(shown, "no Cargo.toml here or in any parent directory"));
        }
        if (!Files.exists(in)) throw new AdvisorException(Problem.of(shown, "no such file or directory"));
        return in;
    }

    /** The profile's table (its parent first) and the override tables, as one edit; a table with nothing to set is left out. */
    private static List<TableEdit> tables(String profile, Optional<String> inherits, Map<String, String> keys, List<TableEdit> overrides) {
        Map<String, String> own = new LinkedHashMap<>();
        inherits.ifPresent(p -> own.put("inherits", dev.profileadvisor.manifest.Literals.toml(p)));
        own.putAll(keys);
        List<TableEdit> out = new ArrayList<>();
        if (!own.isEmpty() || overrides.isEmpty()) out.add(TableEdit.profile(profile, own));
        out.addAll(overrides);
        return out;
    }

    /** The plan's override tables, without the lines the file already writes with the same value. */
    private List<TableEdit> overrideEdits(Manifest current, Recommendation rec) {
        List<TableEdit> out = new ArrayList<>();
        for (PlanTable t : rec.overrides()) {
            String table = String.join(".", t.path().subList(2, t.path().size()));
            Map<String, String> keys = new LinkedHashMap<>();
            for (SettingAdvice s : t.settings()) {
                if (s.toml().isEmpty()) continue;
                boolean same = current.entries().stream().anyMatch(e -> e.profile().equals(rec.profile()) && e.table().equals(table)
                        && e.key().equals(s.key()) && sameValue(s.key(), e.value(), s.value()));
                if (!same) keys.put(s.key(), s.toml());
            }
            if (!keys.isEmpty()) out.add(new TableEdit(t.path(), keys));
        }
        return out;
    }

    private static Map<String, ProfileEntry> written(Manifest m, String profile) {
        Map<String, ProfileEntry> out = new LinkedHashMap<>();
        for (ProfileEntry e : m.entries()) if (e.profile().equals(profile) && e.inProfileTable()) out.put(e.key(), e);
        return out;
    }

    private boolean sameValue(String key, Object written, String valueId) {
        ValueCheck check = ValueCheck.of(knowledge, key, written);
        return check.isValid() && check.value().map(v -> v.id().equals(valueId)).orElse(false);
    }

    /**
     * What still keeps the edited profile from having the recommended values, resolved as cargo would: a line the
     * recommendation leaves at the default but apply keeps, a value inherited from the parent profile, a config file
     * or an environment variable overriding the manifest. Keys no goal argued about are reported only when the
     * value in force is one the goals rule out.
     */
    private List<ApplyNote> notes(Project project, String text, Recommendation rec, Trace trace, java.util.Set<String> wrote) {
        Manifest root = project.root();
        String profile = rec.profile();
        Project after = edited(project, text);
        EffectiveProfile eff = ProfileResolver.resolve(after, knowledge, profile);
        List<ApplyNote> out = new ArrayList<>();
        if (eff.problem().isPresent()) {
            out.add(new ApplyNote(root.display(), "cargo cannot use profile `" + profile + "` yet: " + eff.problem().get()));
            return out;
        }
        for (EffectiveSetting es : eff.settings()) {
            if (es.entry().isEmpty() || wrote.contains(es.key()) && es.origin().kind() == Origin.Kind.MANIFEST) continue;
            String key = es.key();
            Optional<String> id = es.valueId();
            Optional<SettingAdvice> advice = rec.setting(key).or(() -> rec.kept().stream().filter(k -> k.key().equals(key)).findFirst());
            ProfileEntry e = es.entry().get();
            String wants;
            Optional<String> line; // the assignment to suggest, when it can be written
            String why;
            if (advice.isPresent()) {
                SettingAdvice s = advice.get();
                if (id.equals(Optional.of(s.value()))) continue;
                String literal = s.changesDefault() ? s.toml() : s.defaultToml();
                line = literal.isEmpty() ? Optional.empty() : Optional.of(key + " = " + literal);
                wants = s.changesDefault() ? "`" + line.orElseThrow() + "`" : defaultText(key, s.defaultToml());
                why = s.overruled().stream().filter(o -> id.equals(Optional.of(o.value()))).findFirst()
                        .map(o -> o.by() + " overrules `" + key + " = " + o.toml() + "`")
                        .orElse(s.goals().isEmpty() ? "" : "for " + String.join(", ", s.goals()));
            } else {
                if (id.isEmpty() || !trace.isVetoed(key, id.get())) continue;
                var dflt = knowledge.defaultValue(profile, rec.inherits().orElse(null), key);
                line = dflt.isUnwritten() ? Optional.empty() : Optional.of(key + " = " + dflt.toml());
                wants = defaultText(key, dflt.isUnwritten() ? "" : dflt.toml());
                why = "these goals rule out `" + e.assignment() + "`";
            }
            if (!why.isEmpty()) wants += " (" + why + ")";
            Origin o = es.origin();
            if (o.kind() == Origin.Kind.ENV) {
                out.add(new ApplyNote("", "`" + o.file() + "` overrides `" + key + "` to `" + e.toml() + "` for profile `"
                        + profile + "`, where the recommendation wants " + wants));
            } else if (o.kind() == Origin.Kind.CONFIG) {
                out.add(new ApplyNote(o.toString(), "`" + e.assignment() + "` in `[profile." + es.setIn() + "]` overrides the "
                        + "manifest for profile `" + profile + "`, where the recommendation wants " + wants));
            } else if (es.setIn().equals(profile)) {
                out.add(new ApplyNote(o.toString(), "`" + e.assignment() + "` is kept as written, but the recommendation wants "
                        + wants + "; apply removes no line: change it yourself if you agree"));
            } else {
                out.add(new ApplyNote(o.toString(), "`" + e.assignment() + "` in `[profile." + es.setIn() + "]` is inherited by `"
                        + profile + "`, where the recommendation wants " + wants
                        + line.map(l -> "; add `" + l + "` to `[profile." + profile + "]` yourself if you agree").orElse("")));
            }
        }
        return out;
    }

    private static String defaultText(String key, String defaultToml) {
        return defaultToml.isEmpty() ? "`" + key + "` unset (cargo's default)" : "cargo's default `" + key + " = " + defaultToml + "`";
    }
}
