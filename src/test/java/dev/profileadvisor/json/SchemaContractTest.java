package dev.profileadvisor.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON contract holds for what the CLI really prints: every {@code --format json} document of recommend (every
 * goal, every pair of goals, weights, a custom profile), goals, rules list and explain (every setting, goal, rule
 * and correction id) is valid against its bundled JSON Schema, and a document that breaks the contract is
 * rejected, so the validation can fail.
 */
class SchemaContractTest {
    static ProfileAdvisor advisor;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void load() {
        advisor = ProfileAdvisor.withDefaults();
    }

    /** Runs the CLI in-process and returns stdout, failing on a non-zero exit. */
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code of %s; stderr: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    static void assertValid(String schema, String json) {
        assertThat(Schemas.problems(schema, json)).as("%s.schema.json problems for:%n%s", schema, json).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everySchemaFileIsAValidDraft202012Schema() {
        return Schemas.NAMES.stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertThat(Schemas.metaSchemaProblems(name)).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> recommendForEveryGoalAndEveryPairOfGoalsMatchesTheSchema() {
        List<String> goals = new ArrayList<>(advisor.knowledge().goals().keySet());
        List<String[]> requests = new ArrayList<>();
        for (String g : goals) requests.add(new String[]{"--goal", g});
        for (int i = 0; i < goals.size(); i++) {
            for (int j = i + 1; j < goals.size(); j++) requests.add(new String[]{"--goal", goals.get(i), "--goal", goals.get(j)});
        }
        requests.add(new String[]{"--goal", "fast-runtime=2", "--goal", "fast-compile", "--profile", "release"});
        requests.add(new String[]{"--goal", "small-binary", "--profile", "ci", "--inherits", "release"});
        requests.add(new String[]{"--goal", "smallest binary", "--goal", "catch-panics", "--profile", "test"});
        requests.add(new String[]{"--goal", "fast-runtime", "--goal", "profilable", "--target-cpu", "x86-64-v3"});
        requests.add(new String[]{"--goal", "fast-runtime", "--target-cpu", "native", "--profile", "dev"});
        return requests.stream().map(r -> DynamicTest.dynamicTest(String.join(" ", r), () -> {
            List<String> args = new ArrayList<>(List.of("recommend", "--format", "json"));
            args.addAll(List.of(r));
            assertValid("recommend", cli(args.toArray(String[]::new)));
        }));
    }

    @Test
    void goalsMatchesTheSchema() {
        assertValid("goals", cli("goals", "--format", "json"));
    }

    @Test
    void rulesListMatchesTheSchema() {
        assertValid("rules", cli("rules", "list", "--format", "json"));
    }

    @Test
    void rulesListFactsMatchesTheSchema() {
        assertValid("facts", cli("rules", "list", "--facts", "--format", "json"));
    }

    @TestFactory
    Stream<DynamicTest> explainOfEverySettingGoalRuleAndCorrectionMatchesTheSchema() {
        List<String> ids = dev.profileadvisor.ExplainableIds.of(advisor);
        assertThat(ids).hasSizeGreaterThan(20);
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> assertValid("explain", cli("explain", id, "--format", "json"))));
    }

    @Test
    void explainOfARuleCarriesItsCasesWithTheManifestOfAnAuditCaseAndTheGoalsOfARecommendCase() throws Exception {
        var audit = MAPPER.readTree(cli("explain", "restates-default", "--format", "json")).get("cases").get(0);
        assertThat(audit.get("name").asText()).isEqualTo("opt-level 3 in release");
        assertThat(audit.get("expect").asText()).isEqualTo("fires");
        assertThat(audit.get("manifest").asText()).contains("[profile.release]\nopt-level = 3\n");
        assertThat(audit.get("line").asInt()).isEqualTo(2);
        var recommend = MAPPER.readTree(cli("explain", "catch-panics-forbids-abort", "--format", "json")).get("cases").get(0);
        assertThat(recommend.get("goals").toString()).isEqualTo("[\"small-binary\",\"catch-panics\"]");
        assertThat(recommend.has("manifest")).isFalse();
    }

    @TestFactory
    Stream<DynamicTest> aDocumentThatBreaksTheContractIsRejected() throws Exception {
        ObjectNode recommend = (ObjectNode) MAPPER.readTree(cli("recommend", "--goal", "small-binary", "--goal", "catch-panics", "--format", "json"));
        ObjectNode explainRule = (ObjectNode) MAPPER.readTree(cli("explain", "catch-panics-forbids-abort", "--format", "json"));
        ObjectNode explainAudit = (ObjectNode) MAPPER.readTree(cli("explain", "restates-default", "--format", "json"));
        ObjectNode goals = (ObjectNode) MAPPER.readTree(cli("goals", "--format", "json"));
        record Broken(String name, String schema, ObjectNode doc, Consumer<ObjectNode> breakIt, String expected) { }
        return Stream.of(
                new Broken("a renamed field", "recommend", recommend, d -> d.set("profileName", d.remove("profile")), "profile"),
                new Broken("an unknown field", "recommend", recommend, d -> d.put("colour", "blue"), "colour"),
                new Broken("a weight as a string", "recommend", recommend,
                        d -> ((ObjectNode) d.get("goals").get(0)).put("weight", "2"), "weight"),
                new Broken("a weight out of range", "recommend", recommend,
                        d -> ((ObjectNode) d.get("goals").get(0)).put("weight", 11), "weight"),
                new Broken("another schema version", "recommend", recommend, d -> d.put("schemaVersion", 1), "schemaVersion"),
                new Broken("TOML text where the typed value belongs", "recommend", recommend,
                        d -> ((ObjectNode) d.get("settings").get(0)).put("toml", 3), "toml"),
                new Broken("a setting without its reason", "recommend", recommend,
                        d -> ((ObjectNode) d.get("settings").get(0)).remove("reason"), "reason"),
                new Broken("an object as a TOML value", "recommend", recommend,
                        d -> ((ObjectNode) d.get("settings").get(0)).putObject("value"), "value"),
                new Broken("a rule that claims to be a goal", "explain", explainRule, d -> d.put("type", "goal"), "type"),
                new Broken("an unknown rule kind", "explain", explainRule, d -> d.put("kind", "suggestion"), "kind"),
                new Broken("an audit case without its manifest", "explain", explainAudit,
                        d -> ((ObjectNode) d.get("cases").get(0)).remove("manifest"), "manifest"),
                new Broken("a case that neither fires nor stays silent", "explain", explainRule,
                        d -> ((ObjectNode) d.get("cases").get(0)).put("expect", "sometimes"), "expect"),
                new Broken("an unknown criterion", "goals", goals,
                        d -> ((ObjectNode) d.get("goals").get(0).get("criteria")).put("beauty", 1), "beauty"),
                new Broken("goals that are not an array", "goals", goals, d -> d.put("goals", "small-binary"), "goals")
        ).map(b -> DynamicTest.dynamicTest(b.name(), () -> {
            ObjectNode doc = b.doc().deepCopy();
            assertThat(Schemas.problems(b.schema(), doc.toString())).as("the unbroken document").isEmpty();
            b.breakIt().accept(doc);
            assertThat(Schemas.problems(b.schema(), doc.toString())).as("problems with %s", b.name())
                    .isNotEmpty().anySatisfy(p -> assertThat(p).contains(b.expected()));
        }));
    }

    @Test
    void valueIsTheTypedValueAndTomlItsTextInTheAuditTheRecommendationAndTheExplanation(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/main.rs"), "fn main() {}\n");
        Files.writeString(dir.resolve("Cargo.toml"), "[package]\nname = \"demo\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n"
                + "[profile.release]\nopt-level = \"z\"\ncodegen-units = 3\nlto = true\n");
        String audit = cli("audit", dir.resolve("Cargo.toml").toString(), "--format", "json");
        assertValid("audit", audit);
        JsonNode release = null;
        for (JsonNode p : MAPPER.readTree(audit).get("reports").get(0).get("profiles")) if (p.get("name").asText().equals("release")) release = p;
        assertThat(typed(setting(release, "opt-level").get("value"))).isEqualTo("string \"z\"");
        assertThat(setting(release, "opt-level").get("toml").asText()).isEqualTo("\"z\"");
        assertThat(typed(setting(release, "codegen-units").get("value"))).isEqualTo("number 3");
        assertThat(setting(release, "codegen-units").get("toml").asText()).isEqualTo("3");
        assertThat(typed(setting(release, "lto").get("value"))).isEqualTo("boolean true");
        assertThat(setting(release, "lto").get("toml").asText()).isEqualTo("true");
        assertThat(typed(setting(release, "rpath").get("value"))).as("a default").isEqualTo("boolean false");
        JsonNode split = setting(release, "split-debuginfo");
        assertThat(typed(split.get("value"))).as("unset: cargo passes nothing").isEqualTo("null");
        assertThat(split.get("toml").asText()).isEmpty();
        assertThat(split.get("valueId").asText()).isEqualTo("default");

        JsonNode small = MAPPER.readTree(cli("recommend", "--goal", "small-binary", "--format", "json"));
        assertThat(typed(setting(small, "opt-level").get("value"))).isEqualTo("string \"z\"");
        assertThat(setting(small, "opt-level").get("toml").asText()).isEqualTo("\"z\"");
        assertThat(typed(setting(small, "opt-level").get("default"))).isEqualTo("number 3");
        assertThat(setting(small, "opt-level").get("defaultToml").asText()).isEqualTo("3");
        assertThat(typed(setting(small, "codegen-units").get("value"))).isEqualTo("number 1");
        assertThat(typed(setting(small, "codegen-units").get("default"))).isEqualTo("null");
        JsonNode fast = MAPPER.readTree(cli("recommend", "--goal", "fast-compile", "--format", "json"));
        assertThat(typed(setting(fast, "debug").get("value"))).isEqualTo("string \"line-tables-only\"");
        assertThat(setting(fast, "debug").get("toml").asText()).isEqualTo("\"line-tables-only\"");

        JsonNode lto = MAPPER.readTree(cli("explain", "lto", "--format", "json"));
        JsonNode fat = null;
        for (JsonNode v : lto.get("values")) if (v.get("id").asText().equals("fat")) fat = v;
        assertThat(typed(fat.get("value"))).isEqualTo("string \"fat\"");
        assertThat(fat.get("toml").asText()).isEqualTo("\"fat\"");
        assertThat(lto.get("effects").get(0).has("valueId")).as("an id is `valueId`").isTrue();
    }

    /** A JSON value with its type, as a reader of the document gets it: {@code string "z"}, {@code number 3}, {@code null}. */
    static String typed(JsonNode v) {
        if (v.isNull()) return "null";
        return (v.isTextual() ? "string " : v.isNumber() ? "number " : v.isBoolean() ? "boolean " : v.getNodeType() + " ") + v;
    }

    static JsonNode setting(JsonNode doc, String key) {
        for (JsonNode s : doc.get("settings")) if (s.get("key").asText().equals(key)) return s;
        throw new AssertionError("no setting " + key + " in " + doc);
    }

    @Test
    void anErrorDocumentMatchesTheSchemaAndAnUnknownCodeDoesNot() {
        assertValid("error", JsonDocuments.write(JsonDocuments.error(400, "unknown-goal", "unknown goal `x`")));
        assertValid("health", JsonDocuments.write(JsonDocuments.health()));
        assertThat(Schemas.problems("error", JsonDocuments.write(JsonDocuments.error(400, "oops", "x")))).isNotEmpty();
        assertThat(Schemas.problems("error", JsonDocuments.write(JsonDocuments.error(200, "bad-json", "x")))).isNotEmpty();
    }

    @Test
    void theRequestSchemaAcceptsWhatTheReadmeShowsAndRejectsTypos() {
        assertValid("recommend-request", "{\"goals\": [\"small-binary\", {\"id\": \"fast-runtime\", \"weight\": 2}], \"profile\": \"release\"}");
        assertThat(Schemas.problems("recommend-request", "{\"goal\": [\"small-binary\"]}")).isNotEmpty();
        assertThat(Schemas.problems("recommend-request", "{\"goals\": [{\"id\": \"x\", \"weigth\": 2}]}")).isNotEmpty();
        assertThat(Schemas.problems("recommend-request", "{\"goals\": []}")).isNotEmpty();
    }
}
