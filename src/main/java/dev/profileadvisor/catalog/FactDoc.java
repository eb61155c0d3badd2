package dev.profileadvisor.catalog;

import dev.profileadvisor.facts.AuditEntry;
import dev.profileadvisor.facts.AuditProfile;
import dev.profileadvisor.facts.Decision;
import dev.profileadvisor.facts.EffectFact;
import dev.profileadvisor.facts.EffectiveFact;
import dev.profileadvisor.facts.Finding;
import dev.profileadvisor.facts.GoalCriterion;
import dev.profileadvisor.facts.GoalRequest;
import dev.profileadvisor.facts.Note;
import dev.profileadvisor.facts.OverrideSpec;
import dev.profileadvisor.facts.PackageFact;
import dev.profileadvisor.facts.Preference;
import dev.profileadvisor.facts.Recommended;
import dev.profileadvisor.facts.SettingFact;
import dev.profileadvisor.facts.SharedDependency;
import dev.profileadvisor.facts.Tally;
import dev.profileadvisor.facts.TargetProfile;
import dev.profileadvisor.facts.UnitValue;
import dev.profileadvisor.facts.UnstableKeyFact;
import dev.profileadvisor.facts.ValueFact;
import dev.profileadvisor.facts.Veto;
import dev.profileadvisor.facts.WorkspaceFact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fact record the DRL rules match, for {@code rules list --facts}: its fields by reflection (names and types, in
 * declaration order) and their descriptions from the record's own Javadoc {@code @param} lines, read from the source
 * the build bundles beside the classes ({@code facts-src/NAME.java}), so the list cannot drift from the code.
 *
 * @param name    the record's simple name, as the DRL writes it
 * @param summary the first sentence of its Javadoc
 * @param fields  its components in declaration order
 */
public record FactDoc(String name, String summary, List<Field> fields) {
    /** Every record of {@code dev.profileadvisor.facts}, by name; {@code FactDocsTest} checks none is missing. */
    static final List<Class<? extends Record>> FACTS = List.of(
            dev.profileadvisor.facts.AllowedIdFact.class, dev.profileadvisor.facts.Alternative.class,
            dev.profileadvisor.facts.AuditEntry.class, dev.profileadvisor.facts.AuditProfile.class,
            dev.profileadvisor.facts.ConfigKeyFact.class, dev.profileadvisor.facts.CpuChoice.class,
            dev.profileadvisor.facts.Decision.class, dev.profileadvisor.facts.DisplacedRustflags.class,
            dev.profileadvisor.facts.EffectFact.class, dev.profileadvisor.facts.EffectiveFact.class,
            dev.profileadvisor.facts.Finding.class, dev.profileadvisor.facts.GoalCriterion.class,
            dev.profileadvisor.facts.GoalRequest.class, dev.profileadvisor.facts.HostFact.class,
            dev.profileadvisor.facts.HostLinker.class, dev.profileadvisor.facts.Inherited.class,
            dev.profileadvisor.facts.LinkerFact.class, dev.profileadvisor.facts.MeasuredValue.class,
            dev.profileadvisor.facts.Note.class,
            dev.profileadvisor.facts.OverrideScope.class, dev.profileadvisor.facts.OverrideSpec.class,
            dev.profileadvisor.facts.PackageFact.class, dev.profileadvisor.facts.Preference.class,
            dev.profileadvisor.facts.ProfileRustflag.class, dev.profileadvisor.facts.ProfileServes.class,
            dev.profileadvisor.facts.ProjectFact.class, dev.profileadvisor.facts.Recommended.class,
            dev.profileadvisor.facts.RustflagElement.class, dev.profileadvisor.facts.SettingFact.class,
            dev.profileadvisor.facts.SharedDependency.class, dev.profileadvisor.facts.Tally.class,
            dev.profileadvisor.facts.TargetAdvice.class, dev.profileadvisor.facts.TargetCpuFact.class,
            dev.profileadvisor.facts.TargetProfile.class, dev.profileadvisor.facts.UnitValue.class,
            dev.profileadvisor.facts.UnstableKeyFact.class, dev.profileadvisor.facts.ValueFact.class,
            dev.profileadvisor.facts.Veto.class, dev.profileadvisor.facts.WorkspaceFact.class);
    private static final Pattern TAG = Pattern.compile("(?m)^@(\\w+)\\s+(\\S+)?\\s*");

    /**
     * Checks that the name is given and copies the fields.
     *
     * @param name    the record's simple name
     * @param summary the first sentence of its Javadoc
     * @param fields  its components in declaration order
     */
    public FactDoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        fields = List.copyOf(fields);
    }

    /**
     * One component of a fact record: what a condition reads as a property ({@code key == "lto"}) and a consequence
     * calls as an accessor ({@code $e.key()}).
     *
     * @param name        the component name
     * @param type        its Java type without packages, e.g. {@code Set<String>}
     * @param description its {@code @param} text, empty when the record's Javadoc has none
     */
    public record Field(String name, String type, String description) {
        /**
         * Checks that every part is given.
         *
         * @param name        the component name
         * @param type        its Java type without packages
         * @param description its {@code @param} text, empty when there is none
         */
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }
    }

    /** @return every fact record, by name */
    public static List<FactDoc> all() {
        List<FactDoc> out = new ArrayList<>();
        for (Class<? extends Record> c : FACTS) out.add(of(c));
        return out;
    }

    static FactDoc of(Class<? extends Record> type) {
        String javadoc = javadoc(type);
        Map<String, String> params = new LinkedHashMap<>();
        String summary = javadoc;
        Matcher tag = TAG.matcher(javadoc);
        int previousEnd = -1;
        String previousName = null;
        while (tag.find()) {
            if (previousName != null) params.putIfAbsent(previousName, oneLine(javadoc.substring(previousEnd, tag.start())));
            else summary = javadoc.substring(0, tag.start());
            previousName = tag.group(1).equals("param") ? tag.group(2) : null;
            previousEnd = tag.end();
            if (previousName == null) break; // only the @param block describes components
        }
        if (previousName != null) params.putIfAbsent(previousName, oneLine(javadoc.substring(previousEnd)));
        List<Field> fields = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            fields.add(new Field(rc.getName(), simpleType(rc.getGenericType().getTypeName()), params.getOrDefault(rc.getName(), "")));
        }
        String first = oneLine(summary);
        int stop = first.indexOf(". ");
        return new FactDoc(type.getSimpleName(), stop < 0 ? first.replaceFirst("\\.$", "") : first.substring(0, stop), fields);
    }

    /** The Javadoc comment just before {@code record NAME(}, without its stars, from the bundled source. */
    private static String javadoc(Class<?> type) {
        String source;
        try (InputStream in = FactDoc.class.getResourceAsStream("/facts-src/" + type.getSimpleName() + ".java")) {
            if (in == null) return "";
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = source.indexOf("record " + type.getSimpleName() + "(");
        int close = at < 0 ? -1 : source.lastIndexOf("*/", at);
        int open = close < 0 ? -1 : source.lastIndexOf("/**", close);
        if (open < 0) return "";
        StringBuilder out = new StringBuilder();
        for (String line : source.substring(open + 3, close).split("\n")) out.append(line.replaceFirst("^\\s*\\*? ?", "")).append('\n');
        return out.toString().strip();
    }

    /** Javadoc text on one line, {@code {@code x}} and {@code {@link X}} in backticks as the rest of the output writes code. */
    private static String oneLine(String text) {
        return text.replaceAll("\\{@(?:code|link|linkplain)\\s+([^{}]*(?:\\{[^{}]*}[^{}]*)*)}", "`$1`").replaceAll("\\s+", " ").strip();
    }

    private static String simpleType(String name) {
        return name.replaceAll("\\b[a-z][a-z0-9_]*\\.", "").replace('$', '.');
    }
}
