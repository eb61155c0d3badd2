package dev.profileadvisor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.NoteAdvice;
import dev.profileadvisor.Overruled;
import dev.profileadvisor.Recommendation;
import dev.profileadvisor.SettingAdvice;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

import java.util.List;

/**
 * The JSON contract ({@code --format json}), built explicitly node by node so that field names and types are
 * visible in one place. Every document carries {@code "schemaVersion"}.
 */
final class Json {
    /** Bumped on any incompatible change to a document's shape. */
    static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode document() {
        return F.objectNode().put("schemaVersion", SCHEMA_VERSION);
    }

    static ObjectNode recommendation(Recommendation r) {
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
        return o;
    }

    private static ArrayNode settings(List<SettingAdvice> list) {
        ArrayNode a = F.arrayNode();
        for (SettingAdvice s : list) {
            ObjectNode x = a.addObject().put("key", s.key());
            x.set("value", tomlValue(s.toml()));
            x.put("valueId", s.value());
            x.set("default", tomlValue(s.defaultToml()));
            x.put("defaultId", s.defaultValue());
            x.set("goals", strings(s.goals()));
            x.set("rules", strings(s.rules()));
            x.set("sources", strings(s.sources()));
            ArrayNode over = x.putArray("overruled");
            for (Overruled ov : s.overruled()) {
                ObjectNode y = over.addObject();
                y.set("value", tomlValue(ov.toml()));
                y.put("valueId", ov.value()).put("by", ov.by()).put("reason", ov.reason());
            }
            x.put("reason", s.reason());
        }
        return a;
    }

    static ArrayNode strings(List<String> list) {
        ArrayNode a = F.arrayNode();
        list.forEach(a::add);
        return a;
    }

    /** A TOML literal as JSON: {@code "z"} → "z", {@code 3} → 3, {@code true} → true, empty → null. */
    static JsonNode tomlValue(String literal) {
        if (literal == null || literal.isEmpty()) return F.nullNode();
        TomlParseResult r = Toml.parse("x = " + literal);
        Object v = r.get("x");
        if (v instanceof String s) return F.textNode(s);
        if (v instanceof Long l) return F.numberNode(l);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Double d) return F.numberNode(d);
        return F.textNode(literal);
    }
}
