package dev.profileadvisor.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import dev.profileadvisor.measure.Figures;
import dev.profileadvisor.measure.MeasureReport;
import dev.profileadvisor.recommend.MeasuredChoice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code measure --format json} (schemas/measure.schema.json), and reading it back for {@code recommend --measured}.
 */
public final class MeasureDocuments {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MeasureDocuments() {
    }

    /**
     * @param r a measurement
     * @return its JSON document
     */
    public static ObjectNode measurement(MeasureReport r) {
        ObjectNode doc = F.objectNode();
        doc.put("schemaVersion", JsonDocuments.SCHEMA_VERSION);
        doc.put("project", r.project());
        doc.put("profile", r.profile());
        doc.put("inherits", r.inherits());
        ArrayNode goals = doc.putArray("goals");
        for (GoalWeight g : r.goals()) goals.addObject().put("id", g.goal()).put("weight", g.weight());
        ArrayNode candidates = doc.putArray("candidates");
        for (Figures.Measurement m : r.candidates()) candidates.add(candidate(m));
        ArrayNode pareto = doc.putArray("pareto");
        r.pareto().forEach(pareto::add);
        ObjectNode best = doc.putObject("best");
        r.best().forEach(best::put);
        ArrayNode verdicts = doc.putArray("verdicts");
        for (MeasureReport.Verdict v : r.verdicts()) {
            ObjectNode o = verdicts.addObject();
            o.put("goal", v.goal());
            if (v.metric().isPresent()) o.put("metric", v.metric().get());
            else o.putNull("metric");
            if (v.best().isPresent()) o.put("best", v.best().get());
            else o.putNull("best");
            o.put("isPlan", v.isPlan());
            ObjectNode over = o.putObject("overturned");
            v.overturned().forEach(over::put);
            o.put("text", v.text());
        }
        ArrayNode notes = doc.putArray("notes");
        r.notes().forEach(notes::add);
        doc.put("interrupted", r.interrupted());
        return doc;
    }

    private static ObjectNode candidate(Figures.Measurement m) {
        ObjectNode o = F.objectNode();
        o.put("id", m.candidate().id());
        o.put("origin", m.candidate().origin());
        o.put("title", m.candidate().title());
        ArrayNode aliases = o.putArray("aliases");
        m.candidate().aliases().forEach(aliases::add);
        ObjectNode settings = o.putObject("settings");
        m.candidate().settings().forEach((k, v) -> settings.set(k, JsonDocuments.tomlLiteral(v)));
        ObjectNode values = o.putObject("values");
        m.candidate().values().forEach(values::put);
        ObjectNode config = o.putObject("config");
        m.candidate().writes().forEach((k, v) -> config.set(k, JsonDocuments.tomlLiteral(v)));
        ArrayNode artifacts = o.putArray("artifacts");
        for (Figures.Artifact a : m.artifacts()) {
            ObjectNode x = artifacts.addObject();
            x.put("name", a.name());
            x.put("kind", a.kind());
            x.put("path", a.path().toString());
            x.put("bytes", a.bytes());
            bool(x, "symbols", a.symbols());
            bool(x, "lineTables", a.lineTables());
            bool(x, "debugInfo", a.debugInfo());
        }
        if (m.build().isPresent()) {
            Figures.Build b = m.build().get();
            ObjectNode build = o.putObject("build");
            build.put("wallSeconds", round(b.wallSeconds()));
            if (b.cpuSeconds().isPresent()) build.put("cpuSeconds", round(b.cpuSeconds().getAsDouble()));
            else build.putNull("cpuSeconds");
            if (b.peakRssBytes().isPresent()) build.put("peakRssBytes", b.peakRssBytes().getAsLong());
            else build.putNull("peakRssBytes");
        } else {
            o.putNull("build");
        }
        if (m.rebuildSeconds().isPresent()) o.put("rebuildSeconds", round(m.rebuildSeconds().getAsDouble()));
        else o.putNull("rebuildSeconds");
        if (m.run().isPresent()) {
            Figures.Run r = m.run().get();
            ObjectNode run = o.putObject("run");
            run.put("medianSeconds", round(r.medianSeconds()));
            run.put("minSeconds", round(r.minSeconds()));
            run.put("maxSeconds", round(r.maxSeconds()));
            run.put("rounds", r.rounds());
            if (r.instructions().isPresent()) run.put("instructions", r.instructions().getAsLong());
            else run.putNull("instructions");
            if (r.instructionsBy().isEmpty()) run.putNull("instructionsBy");
            else run.put("instructionsBy", r.instructionsBy());
        } else {
            o.putNull("run");
        }
        ArrayNode notes = o.putArray("notes");
        m.candidate().notes().forEach(notes::add);
        if (m.error().isPresent()) o.put("error", m.error().get());
        else o.putNull("error");
        return o;
    }

    private static void bool(ObjectNode o, String name, java.util.Optional<Boolean> v) {
        if (v.isPresent()) o.put(name, v.get());
        else o.putNull(name);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /**
     * What a measurement decided, read back from its JSON ({@code --measured FILE}).
     *
     * @param file    the file, for messages
     * @param profile the profile measured
     * @param choices for each goal whose measured best is not the plan, the winner's value of every key the measurement
     *                overturned, with the sentence that says so
     */
    public record Measured(String file, String profile, List<MeasuredChoice> choices) {
        /**
         * Copies the choices.
         *
         * @param file    the file
         * @param profile the profile measured
         * @param choices the values measured best
         */
        public Measured {
            choices = List.copyOf(choices);
        }
    }

    /**
     * @param file a file {@code measure --format json} wrote
     * @return what it decided
     * @throws AdvisorException when the file is unreadable, not JSON, or not a measurement
     */
    public static Measured read(Path file) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? "not JSON at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr()
                    : e instanceof java.nio.file.NoSuchFileException ? "no such file" : "cannot read it";
            throw new AdvisorException(Problem.of(file.toString(), why + ": give --measured the JSON that `measure --format json` "
                    + "(or `measure --out DIR`: DIR/measure.json) writes"));
        }
        if (doc == null || !doc.isObject() || !doc.has("candidates") || !doc.has("verdicts") || !doc.has("profile")) {
            throw new AdvisorException(Problem.of(file.toString(), "not a measurement: it has no `candidates`, `verdicts` and `profile`; "
                    + "give --measured the JSON that `measure --format json` writes"));
        }
        if (doc.path("schemaVersion").asInt() != JsonDocuments.SCHEMA_VERSION) {
            throw new AdvisorException(Problem.of(file.toString(), "schemaVersion " + doc.path("schemaVersion").asText()
                    + " is not " + JsonDocuments.SCHEMA_VERSION + ": measure again with this version"));
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode c : doc.path("candidates")) {
            byId.put(c.path("id").asText(), c);
            for (JsonNode a : c.path("aliases")) byId.put(a.asText(), c);
        }
        List<MeasuredChoice> choices = new ArrayList<>();
        for (JsonNode v : doc.path("verdicts")) {
            if (v.path("isPlan").asBoolean() || v.path("best").isNull()) continue;
            JsonNode winner = byId.get(v.path("best").asText());
            if (winner == null) continue;
            v.path("overturned").fieldNames().forEachRemaining(key -> {
                JsonNode value = winner.path("values").path(key);
                if (value.isTextual()) {
                    choices.add(new MeasuredChoice(v.path("goal").asText(), key, value.asText(), v.path("text").asText() + " (" + file + ")"));
                }
            });
        }
        return new Measured(file.toString(), doc.path("profile").asText(), choices);
    }

    /**
     * @param r a measurement
     * @return its JSON text
     */
    public static String write(MeasureReport r) {
        return JsonDocuments.write(measurement(r));
    }
}
