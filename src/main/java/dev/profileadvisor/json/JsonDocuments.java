package dev.profileadvisor.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profileadvisor.explain.Explanation;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.recommend.NoteAdvice;
import dev.profileadvisor.recommend.Overruled;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.Severity;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.SettingAdvice;
import dev.profileadvisor.knowledge.Correction;
import dev.profileadvisor.knowledge.Effect;
import dev.profileadvisor.knowledge.Goal;
import dev.profileadvisor.knowledge.Knowledge;
import dev.profileadvisor.knowledge.Setting;
import dev.profileadvisor.knowledge.SettingValue;
import dev.profileadvisor.catalog.RuleCase;
import dev.profileadvisor.catalog.RuleDoc;
import dev.profileadvisor.toml.TomlText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The JSON contract, built explicitly node by node so that every field name and type is visible in one place.
 * The CLI's {@code --format json} and the HTTP API print exactly these documents, and the JSON Schemas in
 * {@code src/main/resources/schemas/} (bundled in the jar under {@code schemas/}) describe them.
 *
 * <p>Every document carries {@code "schemaVersion": }{@value #SCHEMA_VERSION}; a field is never renamed, removed
 * or retyped without bumping it. Thread-safe: every method builds a fresh tree.
 */
public final class JsonDocuments {
    /**
     * Bumped on any incompatible change to a document's shape. 2: {@code value} (and {@code default}) is the typed
     * JSON value in every document, and the TOML text is in {@code toml} (and {@code defaultToml}); the audit's
     * {@code value} was TOML text, explain's value {@code toml} was typed, explain's effect {@code value} an id.
     */
    public static final int SCHEMA_VERSION = 2;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonDocuments() {
    }

    /**
     * Writes a document as indented JSON, without a trailing newline.
     *
     * @param node a document built here (or any JSON tree)
     * @return its text
     * @throws IllegalStateException if Jackson cannot write the tree (it always can for trees built here)
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A recommendation ({@code recommend.schema.json}).
     *
     * @param r the recommendation
     * @return {@code {"schemaVersion", "profile", "inherits", "goals", "settings", "kept", "notes", "toml", "tables", "basis",
     *         "configToml", "config", "configWhy"}}
     */
    public static ObjectNode recommendation(Recommendation r) {
        ObjectNode o = document();
        o.put("profile", r.profile());
        if (r.inherits().isPresent()) o.put("inherits", r.inherits().get());
        else o.putNull("inherits");
        ArrayNode goals = o.putArray("goals");
        for (GoalWeight g : r.goals()) goals.addObject().put("id", g.goal()).put("weight", g.weight());
        o.set("settings", settings(r.settings()));
        o.set("kept", settings(r.kept()));
        ArrayNode notes = o.putArray("notes");
        for (NoteAdvice n : r.notes()) {
            ObjectNode x = notes.addObject().put("setting", n.setting()).put("rule", n.rule()).put("message", n.message());
            x.set("sources", strings(n.sources()));
        }
        o.put("toml", r.toml());
        ArrayNode tables = o.putArray("tables");
        for (dev.profileadvisor.recommend.PlanTable t : r.tables()) {
            ObjectNode x = tables.addObject();
            x.set("path", strings(t.path()));
            x.put("header", t.header()).put("scope", t.scope()).put("covers", t.covers()).put("why", t.why());
            x.set("settings", settings(t.settings()));
        }
        o.set("basis", strings(r.basis()));
        o.put("configToml", r.configToml());
        ArrayNode config = o.putArray("config");
        for (dev.profileadvisor.recommend.ConfigLine c : r.config()) {
            ObjectNode x = config.addObject().put("file", dev.profileadvisor.recommend.ConfigLine.FILE);
            x.set("path", strings(c.table()));
            x.put("header", c.header()).put("key", c.key());
            x.set("args", strings(c.args()));
            x.put("option", c.option()).put("value", c.value());
            x.set("goals", strings(c.goals()));
            x.put("rule", c.rule()).put("reason", c.reason());
            x.set("sources", strings(c.sources()));
        }
        o.set("configWhy", strings(r.configWhy()));
        return o;
    }

    /**
     * The goal catalogue ({@code goals.schema.json}).
     *
     * @param k the knowledge whose goals to list
     * @return {@code {"schemaVersion", "goals": [{"id", "title", "summary", "profile", "aliases", "criteria"}]}}
     */
    public static ObjectNode goals(Knowledge k) {
        ObjectNode doc = document();
        ArrayNode a = doc.putArray("goals");
        for (Goal g : k.goals().values()) {
            ObjectNode o = a.addObject().put("id", g.id()).put("title", g.title()).put("summary", g.summary())
                    .put("profile", g.profile());
            o.set("aliases", strings(g.aliases()));
            o.set("criteria", criteria(g.criteria()));
        }
        return doc;
    }

    /**
     * The fact records the rules match ({@code facts.schema.json}), for {@code rules list --facts}.
     *
     * @param facts the records, as {@link dev.profileadvisor.catalog.FactDoc#all()} reads them
     * @return {@code {"schemaVersion", "facts": [{"name", "summary", "fields": [{"name", "type", "description"}]}]}}
     */
    public static ObjectNode facts(List<dev.profileadvisor.catalog.FactDoc> facts) {
        ObjectNode doc = document();
        ArrayNode a = doc.putArray("facts");
        for (dev.profileadvisor.catalog.FactDoc f : facts) {
            ArrayNode fields = a.addObject().put("name", f.name()).put("summary", f.summary()).putArray("fields");
            for (dev.profileadvisor.catalog.FactDoc.Field field : f.fields()) {
                fields.addObject().put("name", field.name()).put("type", field.type()).put("description", field.description());
            }
        }
        return doc;
    }

    /**
     * The rule catalogue ({@code rules.schema.json}).
     *
     * @param advisor the advisor whose rules to list
     * @return {@code {"schemaVersion", "rules": [{"id", "kind", "severity", "title", "definedAt", "cases"}]}}
     */
    public static ObjectNode rules(ProfileAdvisor advisor) {
        ObjectNode doc = document();
        ArrayNode a = doc.putArray("rules");
        Map<String, String> where = advisor.ruleLocations();
        for (RuleDoc d : advisor.rules().values()) {
            a.addObject().put("id", d.id()).put("kind", d.kind().label()).put("severity", d.severity().map(Severity::label).orElse("")).put("title", d.title())
                    .put("definedAt", where.getOrDefault(d.id(), "")).put("cases", d.cases().size());
        }
        return doc;
    }

    /**
     * A setting, goal, rule or correction ({@code explain.schema.json}); {@code "type"} says which.
     *
     * @param k the knowledge, for source URLs, effects and corrections
     * @param e what {@link ProfileAdvisor#explain(String)} found
     * @return {@code {"schemaVersion", "type", "id", …}}
     */
    public static ObjectNode explanation(Knowledge k, Explanation e) {
        if (e instanceof Explanation.OfSetting s) return setting(k, s.setting());
        if (e instanceof Explanation.OfGoal g) return goal(k, g.goal());
        if (e instanceof Explanation.OfRule r) return rule(k, r.rule(), r.definedAt().orElse(null));
        if (e instanceof Explanation.OfScopes s) return scopes(k, s);
        return correction(k, ((Explanation.OfCorrection) e).correction());
    }

    /**
     * An error of the HTTP API ({@code error.schema.json}).
     *
     * @param status  the HTTP status
     * @param code    a stable kebab-case code, e.g. {@code unknown-goal}
     * @param message what is wrong, rustc style (lowercase start, no trailing period, values in backticks)
     * @return {@code {"schemaVersion", "error": {"status", "code", "message"}}}
     */
    public static ObjectNode error(int status, String code, String message) {
        ObjectNode doc = document();
        doc.putObject("error").put("status", status).put("code", code).put("message", message);
        return doc;
    }

    /**
     * The HTTP API's health answer ({@code health.schema.json}).
     *
     * @return {@code {"schemaVersion", "status": "ok"}}
     */
    public static ObjectNode health() {
        return document().put("status", "ok");
    }

    private static ObjectNode document() {
        return F.objectNode().put("schemaVersion", SCHEMA_VERSION);
    }

    private static ArrayNode settings(List<SettingAdvice> list) {
        ArrayNode a = F.arrayNode();
        for (SettingAdvice s : list) {
            ObjectNode x = a.addObject().put("key", s.key());
            x.set("value", tomlValue(s.toml()));
            x.put("toml", s.toml()).put("valueId", s.value());
            x.set("default", tomlValue(s.defaultToml()));
            x.put("defaultToml", s.defaultToml()).put("defaultId", s.defaultValue());
            x.set("goals", strings(s.goals()));
            x.set("rules", strings(s.rules()));
            x.set("sources", strings(s.sources()));
            ArrayNode over = x.putArray("overruled");
            for (Overruled ov : s.overruled()) {
                ObjectNode y = over.addObject();
                y.set("value", tomlValue(ov.toml()));
                y.put("toml", ov.toml()).put("valueId", ov.value()).put("by", ov.by()).put("reason", ov.reason());
            }
            x.put("reason", s.reason());
        }
        return a;
    }

    private static ObjectNode setting(Knowledge k, Setting s) {
        ObjectNode o = document().put("type", "setting").put("id", s.key()).put("title", s.title())
                .put("summary", s.summary()).put("description", s.description().strip()).put("kind", s.kind().label());
        ArrayNode values = o.putArray("values");
        for (SettingValue v : s.values()) {
            ObjectNode x = values.addObject().put("id", v.id()).put("title", v.title());
            x.set("value", tomlValue(v.toml()));
            x.put("toml", v.toml());
            x.set("flags", strings(v.flags()));
            x.set("traits", strings(v.traits().stream().sorted().toList()));
        }
        ObjectNode d = o.putObject("defaults");
        List<String> profiles = new ArrayList<>(k.profiles().keySet());
        s.defaults().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> x) -> rank(profiles, x.getKey())).thenComparing(Map.Entry::getKey))
                .forEach(x -> d.put(x.getKey(), x.getValue()));
        ArrayNode effects = o.putArray("effects");
        k.effects().stream().filter(e -> e.setting().equals(s.key())).forEach(e -> {
            ObjectNode x = effects.addObject().put("valueId", e.value()).put("evidence", e.evidence());
            x.set("scores", criteria(e.scores()));
            x.set("sources", urls(k, e.sources()));
        });
        o.set("corrections", strings(k.corrections().values().stream().filter(c -> c.settings().contains(s.key())).map(Correction::id).toList()));
        o.set("sources", urls(k, s.sources()));
        return o;
    }

    private static ObjectNode goal(Knowledge k, Goal g) {
        ObjectNode o = document().put("type", "goal").put("id", g.id()).put("title", g.title())
                .put("summary", g.summary()).put("description", g.description().strip()).put("profile", g.profile());
        o.set("aliases", strings(g.aliases()));
        o.set("criteria", criteria(g.criteria()));
        o.set("sources", urls(k, g.sources()));
        return o;
    }

    private static ObjectNode rule(Knowledge k, RuleDoc d, String where) {
        ObjectNode o = document().put("type", "rule").put("id", d.id()).put("kind", d.kind().label()).put("severity", d.severity().map(Severity::label).orElse(""))
                .put("title", d.title()).put("message", d.message()).put("why", d.why().strip()).put("fix", d.fix())
                .put("definedAt", where).put("documentedAt", d.file() + ":" + d.line());
        ArrayNode cases = o.putArray("cases");
        for (RuleCase c : d.cases()) cases.add(ruleCase(c));
        o.set("sources", urls(k, d.sourceKeys()));
        return o;
    }

    /** A recommend case names goals and the values they must reach; an audit case carries its files. */
    private static ObjectNode ruleCase(RuleCase c) {
        ObjectNode o = F.objectNode().put("name", c.name()).put("expect", c.expect().label()).put("documentedAt", c.where());
        o.set("goals", strings(c.goals()));
        if (c.isAudit()) {
            o.put("manifest", c.manifest()).put("config", c.config());
            ObjectNode env = o.putObject("env");
            new java.util.TreeMap<>(c.env()).forEach(env::put);
            ObjectNode files = o.putObject("files");
            c.files().forEach(files::put);
            o.put("line", c.at());
        } else {
            o.put("profile", c.profile()).put("inherits", c.inherits());
            ObjectNode settings = o.putObject("settings");
            new java.util.TreeMap<>(c.settings()).forEach(settings::put);
            if (!c.host().isEmpty()) {
                ObjectNode host = o.putObject("host");
                c.host().forEach(host::put);
            }
            if (!c.targetCpu().isEmpty()) o.put("targetCpu", c.targetCpu());
            if (!c.rustflags().isEmpty()) o.set("rustflags", strings(c.rustflags()));
            if (!c.linker().isEmpty()) o.put("linker", c.linker());
        }
        return o;
    }

    private static ObjectNode scopes(Knowledge k, Explanation.OfScopes e) {
        ObjectNode o = document().put("type", "scopes").put("id", e.id());
        ArrayNode scopes = o.putArray("scopes");
        for (dev.profileadvisor.knowledge.Scope s : e.scopes()) {
            ObjectNode x = scopes.addObject().put("id", s.id()).put("title", s.title());
            x.set("table", strings(s.table()));
            x.put("covers", s.covers()).put("precedence", s.precedence()).put("why", s.why());
            x.set("refuses", strings(s.refuses()));
            x.set("ignored", strings(s.ignored()));
            x.put("env", s.env()).put("since", s.since());
            x.set("sources", urls(k, s.sources()));
        }
        ArrayNode facts = o.putArray("facts");
        for (dev.profileadvisor.knowledge.ScopeFact f : e.facts()) {
            facts.addObject().put("id", f.id()).put("text", f.text()).set("sources", urls(k, f.sources()));
        }
        ArrayNode crates = o.putArray("crates");
        for (dev.profileadvisor.knowledge.KnownCrate c : e.crates()) {
            ObjectNode x = crates.addObject().put("name", c.name()).put("reason", c.reason());
            ObjectNode settings = x.putObject("settings");
            c.settings().forEach(settings::put);
            x.set("sources", urls(k, c.sources()));
        }
        return o;
    }

    private static ObjectNode correction(Knowledge k, Correction c) {
        ObjectNode o = document().put("type", "correction").put("id", c.id()).put("claim", c.claim())
                .put("correct", c.correct()).put("evidence", c.evidence());
        o.set("claimedBy", urls(k, c.claimedBy()));
        o.set("settings", strings(c.settings()));
        o.set("sources", urls(k, c.sources()));
        return o;
    }

    /** Criterion → number, in {@link Effect#CRITERIA} order (the knowledge records keep maps unordered). */
    private static ObjectNode criteria(Map<String, Integer> byCriterion) {
        ObjectNode o = F.objectNode();
        byCriterion.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Integer> x) -> rank(Effect.CRITERIA, x.getKey())).thenComparing(Map.Entry::getKey))
                .forEach(x -> o.put(x.getKey(), x.getValue()));
        return o;
    }

    private static int rank(List<String> order, String key) {
        int i = order.indexOf(key);
        return i < 0 ? order.size() : i;
    }

    private static ArrayNode urls(Knowledge k, List<String> keys) {
        return strings(keys.stream().map(k::url).toList());
    }

    private static ArrayNode strings(List<String> list) {
        ArrayNode a = F.arrayNode();
        list.forEach(a::add);
        return a;
    }

    /**
     * @param literal a TOML literal
     * @return it as JSON: {@code "z"} → "z", {@code 3} → 3, {@code true} → true, empty → null
     */
    static JsonNode tomlLiteral(String literal) {
        return tomlValue(literal);
    }

    /** A TOML literal as JSON: {@code "z"} → "z", {@code 3} → 3, {@code true} → true, empty → null. */
    private static JsonNode tomlValue(String literal) {
        if (literal == null || literal.isEmpty()) return F.nullNode();
        TomlText r = TomlText.parse("x = " + literal);
        return r.hasErrors() ? F.textNode(literal) : value(r.table().get("x"));
    }

    /**
     * A TOML value as the JSON value of the contract's {@code value} fields: a string, number or boolean as itself,
     * an array or table as a JSON array or object, a date or time (or a non-finite float) as its text; null for none.
     *
     * @param v a value as tomlj parses it, or null
     * @return its JSON
     */
    static JsonNode value(Object v) {
        if (v == null) return F.nullNode();
        if (v instanceof String s) return F.textNode(s);
        if (v instanceof Long l) return F.numberNode(l);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? F.textNode(String.valueOf(d)) : F.numberNode(d);
        if (v instanceof org.tomlj.TomlArray a) {
            ArrayNode out = F.arrayNode();
            for (int i = 0; i < a.size(); i++) out.add(value(a.get(i)));
            return out;
        }
        if (v instanceof org.tomlj.TomlTable t) {
            ObjectNode out = F.objectNode();
            for (String k : t.keySet()) out.set(k, value(t.get(List.of(k))));
            return out;
        }
        return F.textNode(dev.profileadvisor.manifest.Literals.toml(v)); // a date as TOML writes it, with its seconds
    }
}
