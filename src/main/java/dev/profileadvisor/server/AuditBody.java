package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.audit.RuleLevel;

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
 * @param levels   finding ids to allow ({@code allow}) and to raise to errors ({@code deny}), as {@code --allow} and
 *                 {@code --deny} do; an id is in one of the two at most
 */
record AuditBody(String manifest, Optional<String> config, Map<String, String> env, List<GoalWeight> goals, List<RuleLevel> levels) {
    private static final Set<String> FIELDS = Set.of("manifest", "config", "env", "goals", "allow", "deny");

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
        List<RuleLevel> levels = new ArrayList<>();
        List<String> allow = ids(n, "allow");
        List<String> deny = ids(n, "deny");
        for (String id : allow) {
            if (deny.contains(id)) throw ApiError.badRequest("`" + id + "` is in both `allow` and `deny`: name it in one of them");
            levels.add(RuleLevel.allow(id));
        }
        deny.forEach(id -> levels.add(RuleLevel.deny(id)));
        return new AuditBody(manifest.asText(), RecommendBody.optionalString(n, "config"), env, goals, levels);
    }

    private static List<String> ids(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || a.isNull()) return List.of();
        if (!a.isArray()) {
            throw ApiError.badRequest("`" + field + "` must be an array of finding ids such as `[\"restates-default\"]`, found " + RecommendBody.kind(a));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw ApiError.badRequest("`" + field + "[" + i + "]` must be a finding id (a string), found " + RecommendBody.kind(a.get(i)));
            }
            out.add(a.get(i).asText());
        }
        return out;
    }
}
