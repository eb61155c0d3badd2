package dev.profileadvisor.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.recommend.Request;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of {@code POST /v1/recommend} into a {@link Request}, strictly: every mistake is a
 * {@code 400} that names the field ({@code recommend-request.schema.json} describes the same shape).
 */
final class RecommendBody {
    private static final Set<String> FIELDS = Set.of("goals", "profile", "inherits", "manifest", "lock");
    private static final Set<String> GOAL_FIELDS = Set.of("id", "weight");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private RecommendBody() {
    }

    /**
     * @param body the raw request body
     * @return the request
     * @throws ApiError {@code bad-json} when the body is not JSON, {@code bad-request} when its shape is wrong
     */
    static Request parse(byte[] body) {
        return read(json(body));
    }

    /**
     * The project a recommend body posts: the {@code Cargo.toml} text and, optionally, its {@code Cargo.lock}.
     *
     * @param manifest the manifest text
     * @param lock     the lock file text, or empty
     */
    record Posted(String manifest, Optional<String> lock) {
    }

    /**
     * @param body the raw request body (already accepted by {@link #parse(byte[])})
     * @return the posted project, empty when the body has no {@code manifest}
     */
    static Optional<Posted> project(byte[] body) {
        JsonNode n = json(body);
        Optional<String> manifest = optionalString(n, "manifest");
        Optional<String> lock = optionalString(n, "lock");
        if (manifest.isEmpty() && lock.isPresent()) throw ApiError.badRequest("`lock` needs the `manifest` it belongs to");
        return manifest.map(m -> new Posted(m, lock));
    }

    static JsonNode json(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiError(400, "bad-json", "the request body is not valid JSON" + where + ": " + jacksonMessage(e));
        } catch (IOException e) {
            throw new ApiError(400, "bad-json", "the request body cannot be read as JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw new ApiError(400, "bad-json", "the request body is empty; expected a JSON object such as `{\"goals\": [\"small-binary\"]}`");
        }
        return node;
    }

    static Request read(JsonNode n) {
        if (!n.isObject()) throw ApiError.badRequest("the request body must be a JSON object such as `{\"goals\": [\"small-binary\"]}`, found " + kind(n));
        unknownFields(n, FIELDS, "");
        JsonNode goals = n.get("goals");
        if (goals == null) throw ApiError.badRequest("missing field `goals`: a list of goal ids, e.g. `{\"goals\": [\"small-binary\"]}` (`GET /v1/goals` lists them)");
        if (!goals.isArray()) throw ApiError.badRequest("`goals` must be an array of goal ids or `{\"id\", \"weight\"}` objects, found " + kind(goals));
        List<GoalWeight> out = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) out.add(goal(goals.get(i), "goals[" + i + "]"));
        Optional<String> profile = profileName(n, "profile");
        Optional<String> inherits = profileName(n, "inherits");
        optionalString(n, "manifest"); // the project: read by project(byte[]), which needs the knowledge
        optionalString(n, "lock");
        return new Request(out, profile, inherits);
    }

    static GoalWeight goal(JsonNode g, String path) {
        if (g.isTextual()) return new GoalWeight(goalId(g.asText()), 1);
        if (!g.isObject()) throw ApiError.badRequest("`" + path + "` must be a goal id or an `{\"id\", \"weight\"}` object, found " + kind(g));
        unknownFields(g, GOAL_FIELDS, path + ".");
        JsonNode id = g.get("id");
        if (id == null) throw ApiError.badRequest("missing field `" + path + ".id`: the goal id, e.g. `{\"id\": \"fast-runtime\", \"weight\": 2}`");
        if (!id.isTextual()) throw ApiError.badRequest("`" + path + ".id` must be a string, found " + kind(id));
        JsonNode weight = g.get("weight");
        if (weight == null || weight.isNull()) return new GoalWeight(goalId(id.asText()), 1);
        if (!weight.isIntegralNumber() || !weight.canConvertToInt()) {
            throw ApiError.badRequest("`" + path + ".weight` must be a whole number from 1 to " + GoalWeight.MAX_WEIGHT + ", found " + kind(weight));
        }
        return new GoalWeight(goalId(id.asText()), weight.intValue());
    }

    /** A goal id longer than any id could be is refused before the advisor searches for close ones. */
    private static String goalId(String id) {
        if (id.length() > Router.MAX_ID_CHARS) {
            throw new ApiError(400, "unknown-goal", "unknown goal " + Echo.code(id) + ": goal ids are at most "
                    + Router.MAX_ID_CHARS + " characters (`GET /v1/goals` lists them)");
        }
        return id;
    }

    /** A profile name longer than any id could be is refused before the advisor searches for close ones. */
    private static Optional<String> profileName(JsonNode n, String field) {
        Optional<String> name = optionalString(n, field);
        if (name.isPresent() && name.get().length() > Router.MAX_ID_CHARS) {
            throw new ApiError(400, "bad-profile", "`" + field + "` " + Echo.code(name.get()) + " is not a profile name: names are at most "
                    + Router.MAX_ID_CHARS + " characters");
        }
        return name;
    }

    static Optional<String> optionalString(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (!v.isTextual()) throw ApiError.badRequest("`" + field + "` must be a string, found " + kind(v));
        return Optional.of(v.asText());
    }

    static void unknownFields(JsonNode n, Set<String> known, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw ApiError.badRequest("unknown field " + Echo.code(prefix + f) + "; expected "
                        + String.join(", ", known.stream().sorted().map(k -> "`" + prefix + k + "`").toList()));
            }
        }
    }

    /** What a JSON value is, for messages: {@code a string `"2"`}, {@code a number `2.5`}, {@code an object}. */
    static String kind(JsonNode v) {
        String shown = v.toString();
        if (shown.length() > 40) shown = shown.substring(0, 37) + "...";
        return switch (v.getNodeType()) {
            case STRING -> "a string `" + shown + "`";
            case NUMBER -> "a number `" + shown + "`";
            case BOOLEAN -> "a boolean `" + shown + "`";
            case NULL -> "`null`";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "`" + shown + "`";
        };
    }

    /**
     * Jackson's message in our words: without its source-location noise, class and feature names (trailing
     * values, limits), lowercase first.
     */
    static String jacksonMessage(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) return limit(e.getOriginalMessage());
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return "more than one JSON value; the body must be a single JSON object";
        }
        String s = e.getOriginalMessage();
        if (s == null || s.isEmpty()) return "malformed JSON";
        s = s.replaceAll("\\(start marker at \\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]\\)", "(opened at line $1, column $2)")
                .replaceAll("\\s*at \\[Source: [^\\]]*\\]", "")
                .replaceAll("\\s*\\(for [A-Za-z]+ starting at \\[Source: [^\\]]*\\]\\)", "")
                .replaceAll("\\s+", " ").trim();
        if (s.matches("(?s).*(com\\.fasterxml|Feature|Constraints|JsonNode|JsonToken|Jackson).*")) return "malformed JSON";
        return Echo.message(Character.toLowerCase(s.charAt(0)) + s.substring(1));
    }

    /** Which of Jackson's read limits the body broke, without naming the class that holds them. */
    private static String limit(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) return "the JSON is nested too deeply (" + firstNumber(m, "maximum allowed (") + " levels at most)";
        if (m.contains("Number value length")) return "a number in the JSON is too long";
        if (m.contains("String value length")) return "a string in the JSON is too long";
        if (m.contains("Name length")) return "a field name in the JSON is too long";
        return "the JSON is too large or too deep";
    }

    private static String firstNumber(String m, String after) {
        int at = m.indexOf(after);
        if (at < 0) return "?";
        int i = at + after.length(), j = i;
        while (j < m.length() && Character.isDigit(m.charAt(j))) j++;
        return j > i ? m.substring(i, j) : "?";
    }
}
