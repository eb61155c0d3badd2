package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.GoalWeight;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /v1/audit}: text only, the server never reads a path from a request
 * ({@code audit-request.schema.json} describes the same shape).
 *
 * @param manifest the root {@code Cargo.toml} text
 * @param config   a {@code .cargo/config.toml} text, or empty
 * @param env      {@code CARGO_PROFILE_*} variables
 * @param goals    goals to check against, may be empty
 */
record AuditBody(String manifest, Optional<String> config, Map<String, String> env, List<GoalWeight> goals) {
    private static final Set<String> FIELDS = Set.of("manifest", "config", "env", "goals");

    /**
     * @param body the raw request body
     * @return the parsed request
     * @throws ApiError {@code bad-json} when the body is not JSON, {@code bad-request} when its shape is wrong
     */
    static AuditBody parse(byte[] body) {
        JsonNode n = RecommendBody.json(body);
        if (!n.isObject()) {
            throw ApiError.badRequest("the request body must be a JSON object such as `{\"manifest\": \"[package]\\n…\"}`, found "
                    + RecommendBody.kind(n));
        }
        RecommendBody.unknownFields(n, FIELDS, "");
        JsonNode manifest = n.get("manifest");
        if (manifest == null) throw ApiError.badRequest("missing field `manifest`: the text of the workspace root `Cargo.toml`");
        if (!manifest.isTextual()) throw ApiError.badRequest("`manifest` must be a string (the file's text), found " + RecommendBody.kind(manifest));
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = n.get("env");
        if (e != null && !e.isNull()) {
            if (!e.isObject()) throw ApiError.badRequest("`env` must be an object of strings, found " + RecommendBody.kind(e));
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getValue().isTextual()) {
                    throw ApiError.badRequest(Echo.code("env." + f.getKey()) + " must be a string, found " + RecommendBody.kind(f.getValue()));
                }
                env.put(f.getKey(), f.getValue().asText());
            }
        }
        List<GoalWeight> goals = new ArrayList<>();
        JsonNode g = n.get("goals");
        if (g != null && !g.isNull()) {
            if (!g.isArray()) throw ApiError.badRequest("`goals` must be an array of goal ids or `{\"id\", \"weight\"}` objects, found " + RecommendBody.kind(g));
            for (int i = 0; i < g.size(); i++) goals.add(RecommendBody.goal(g.get(i), "goals[" + i + "]"));
        }
        return new AuditBody(manifest.asText(), RecommendBody.optionalString(n, "config"), env, goals);
    }
}
