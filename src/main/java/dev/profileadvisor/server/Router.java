package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.explain.Explanation;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.json.JsonDocuments;
import dev.profileadvisor.knowledge.Knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The endpoints: matches a method and path, runs the handler under the request's time limit, and turns every
 * outcome, including bad input and bugs, into a JSON answer. Never lets an exception (or a stack trace) out.
 * It knows nothing of HTTP connections: {@link Transport} hands it a request whose head and body have arrived.
 */
final class Router {
    /** The schema files served under {@code /schemas/}, as the OpenAPI document references them. */
    static final List<String> SCHEMAS = List.of("recommend", "recommend-request", "audit", "audit-request", "goals", "rules", "explain", "error", "health");
    /**
     * The longest id {@code explain} looks up; the longest the catalogue has is far shorter, and a longer one would
     * only cost the search for close ids (a 100,000-character id took 10 s of CPU).
     */
    static final int MAX_ID_CHARS = 200;
    static final String JSON = "application/json; charset=utf-8";

    /** A method and path template the server answers; {@code {id}}/{@code {name}} match one path remainder. */
    record Route(String method, String path) {
    }

    /** What to send back. */
    record Reply(int status, byte[] body, String contentType, Optional<String> allow, boolean close) {
        static Reply json(int status, JsonNode doc) {
            return new Reply(status, (JsonDocuments.write(doc) + "\n").getBytes(StandardCharsets.UTF_8), JSON, Optional.empty(), false);
        }

        static Reply error(ApiError e) {
            return new Reply(e.status, (JsonDocuments.write(JsonDocuments.error(e.status, e.code, Echo.message(e.getMessage()))) + "\n")
                    .getBytes(StandardCharsets.UTF_8), JSON, e.allow, e.closeConnection);
        }
    }

    /**
     * A request whose head and body have arrived.
     *
     * @param method   e.g. {@code GET}
     * @param path     the decoded path, e.g. {@code /v1/explain/lto}
     * @param body     the body, empty when there is none
     * @param deadline {@link System#nanoTime()} by which the answer must be ready
     */
    record Call(String method, String path, byte[] body, long deadline) {
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(Call call, String param);
    }

    /** Paths under a prefix, e.g. {@code /v1/explain/{id}}: the parameter's name and the handler per method. */
    private record Prefixed(String param, Map<String, Handler> byMethod) {
    }

    private final ProfileAdvisor advisor;
    private final Function<Request, Recommendation> recommend;
    private final ServerOptions options;
    private final ComputePool work;
    private final Consumer<String> log;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<String, Map<String, Handler>> exact = new LinkedHashMap<>();
    private final Map<String, Prefixed> prefixed = new LinkedHashMap<>();
    private final Reply goals;
    private final Reply rules;
    private final Reply openapi;
    private final Map<String, Reply> schemas = new LinkedHashMap<>();

    Router(ProfileAdvisor advisor, Function<Request, Recommendation> recommend, ServerOptions options, ComputePool work,
           Consumer<String> log) {
        this.advisor = advisor;
        this.recommend = recommend;
        this.options = options;
        this.work = work;
        this.log = log;
        this.goals = Reply.json(200, JsonDocuments.goals(advisor.knowledge()));
        this.rules = Reply.json(200, JsonDocuments.rules(advisor));
        this.openapi = new Reply(200, resource("openapi.json"), JSON, Optional.empty(), false);
        for (String s : SCHEMAS) {
            schemas.put(s + ".schema.json", new Reply(200, resource("schemas/" + s + ".schema.json"),
                    "application/schema+json", Optional.empty(), false));
        }
        exact.put("/v1/recommend", Map.of("POST", this::recommend));
        exact.put("/v1/audit", Map.of("POST", this::audit));
        exact.put("/v1/goals", Map.of("GET", (c, p) -> goals));
        exact.put("/v1/rules", Map.of("GET", (c, p) -> rules));
        exact.put("/health", Map.of("GET", (c, p) -> Reply.json(200, JsonDocuments.health())));
        exact.put("/openapi.json", Map.of("GET", (c, p) -> openapi));
        prefixed.put("/v1/explain/", new Prefixed("id", Map.of("GET", this::explain)));
        prefixed.put("/schemas/", new Prefixed("name", Map.of("GET", this::schema)));
    }

    /** @return every method and path template served, for the OpenAPI test */
    List<Route> routes() {
        List<Route> out = new ArrayList<>();
        exact.forEach((path, byMethod) -> byMethod.keySet().forEach(m -> out.add(new Route(m, path))));
        prefixed.forEach((path, p) -> p.byMethod().keySet().forEach(m -> out.add(new Route(m, path + "{" + p.param() + "}"))));
        return out;
    }

    /** Makes every new request answer {@code 503 shutting-down}. */
    void refuseNewRequests() {
        stopping.set(true);
    }

    /** @return whether new requests are refused */
    boolean stopping() {
        return stopping.get();
    }

    /**
     * @param call a request that has arrived
     * @return its answer, an error document for bad input and bugs alike
     */
    Reply answer(Call call) {
        try {
            return route(call);
        } catch (ApiError e) {
            return Reply.error(e);
        } catch (RuntimeException | Error e) {
            return Reply.error(internal(call, e));
        }
    }

    private Reply route(Call call) {
        if (stopping.get()) throw shuttingDown();
        String path = call.path();
        String method = call.method();
        Map<String, Handler> byMethod = exact.get(path);
        String param = "";
        if (byMethod == null) {
            for (Map.Entry<String, Prefixed> e : prefixed.entrySet()) {
                if (path.startsWith(e.getKey()) && path.length() > e.getKey().length()) {
                    byMethod = e.getValue().byMethod();
                    param = path.substring(e.getKey().length());
                    break;
                }
            }
        }
        if (byMethod == null) {
            throw new ApiError(404, "not-found", "no endpoint at " + Echo.code(path) + "; `GET /openapi.json` describes the API");
        }
        Handler h = byMethod.get(method);
        if (h == null) {
            String allowed = byMethod.keySet().stream().sorted().collect(Collectors.joining(", "));
            throw new ApiError(405, "method-not-allowed", "method " + Echo.code(method) + " is not allowed on " + Echo.code(path)
                    + "; use `" + allowed + "`", Optional.of(allowed), false);
        }
        return h.handle(call, param);
    }

    private Reply recommend(Call call, String param) {
        byte[] body = call.body();
        return timed(call.deadline(), () -> {
            Request request = RecommendBody.parse(body);
            try {
                Optional<RecommendBody.Posted> posted = RecommendBody.project(body);
                if (posted.isPresent()) {
                    stillWanted();
                    request = request.project(advisor.projectText(posted.get().manifest(), posted.get().lock(), Optional.empty(), Map.of()));
                }
                stillWanted();
                return Reply.json(200, JsonDocuments.recommendation(recommend.apply(request)));
            } catch (AdvisorException e) {
                throw requestProblem(e, request);
            }
        });
    }

    private Reply audit(Call call, String param) {
        byte[] body = call.body();
        return timed(call.deadline(), () -> {
            AuditBody request = AuditBody.parse(body);
            for (dev.profileadvisor.audit.RuleLevel l : request.levels()) {
                var why = dev.profileadvisor.audit.Allowances.unknown(l.id(), advisor.rules());
                if (why.isPresent()) throw new ApiError(400, "unknown-id", "`" + l.level().name().toLowerCase(java.util.Locale.ROOT) + "`: " + why.get());
            }
            stillWanted();
            try {
                return Reply.json(200, dev.profileadvisor.json.AuditDocuments.report(
                        advisor.auditText(request.manifest(), request.config(), request.env(), request.goals(), request.levels()),
                        JsonDocuments.SCHEMA_VERSION));
            } catch (AdvisorException e) {
                boolean manifest = e.problems().stream().anyMatch(p -> p.line() > 0 || p.file().endsWith(".toml"));
                if (!manifest) throw new ApiError(400, "unknown-goal", messages(e));
                throw new ApiError(400, "bad-manifest", String.join("; ", e.problems().stream().map(Object::toString).toList()));
            }
        });
    }

    private Reply explain(Call call, String id) {
        if (id.length() > MAX_ID_CHARS) {
            throw new ApiError(404, "unknown-id", "no setting, goal, rule or correction is named " + Echo.code(id)
                    + ": ids are at most " + MAX_ID_CHARS + " characters (`GET /v1/rules` and `GET /v1/goals` list them)");
        }
        return timed(call.deadline(), () -> {
            Explanation found;
            try {
                found = advisor.explain(id);
            } catch (AdvisorException e) {
                throw new ApiError(404, "unknown-id", messages(e));
            }
            return Reply.json(200, JsonDocuments.explanation(advisor.knowledge(), found));
        });
    }

    private Reply schema(Call call, String name) {
        Reply r = schemas.get(name);
        if (r == null) {
            throw new ApiError(404, "not-found", "no schema " + Echo.code(name) + "; the schemas are "
                    + String.join(", ", schemas.keySet().stream().map(s -> "`" + s + "`").toList()));
        }
        return r;
    }

    /** Runs the work on a computing thread and waits for it no longer than the request's time limit. */
    private Reply timed(long deadline, Callable<Reply> task) {
        try {
            return work.run(task, deadline);
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "overloaded", "too many requests are waiting (" + options.queueLimit()
                    + " at most); retry later");
        } catch (ComputePool.TooSlow e) {
            throw timedOut();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw shuttingDown();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiError a) throw a;
            if (cause instanceof InterruptedException) throw timedOut(); // its deadline passed while it waited in the queue
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Between the steps of a computation: stops it when its request has timed out (the waiting thread interrupts
     * it); nobody reads the answer, so the exception only ends the work.
     */
    private static void stillWanted() {
        if (Thread.currentThread().isInterrupted()) throw new ApiError(503, "timeout", "the request was stopped");
    }

    private ApiError timedOut() {
        return new ApiError(503, "timeout", "the request took longer than its time limit of "
                + seconds(options.requestTimeout().toMillis()) + " and was stopped");
    }

    static ApiError shuttingDown() {
        return new ApiError(503, "shutting-down", "the server is stopping", Optional.empty(), true);
    }

    /** Maps the advisor's complaint about a request to a code; the message is the advisor's. */
    private ApiError requestProblem(AdvisorException e, Request request) {
        Problem first = e.problems().get(0);
        String code;
        switch (first.file()) {
            case "--goal" -> code = goalProblem(advisor.knowledge(), request.goals());
            case "--profile", "--inherits" -> code = "bad-profile";
            default -> {
                return internal(null, e);
            }
        }
        return new ApiError(400, code, messages(e));
    }

    /** The advisor checks each goal in order, weight first: the first goal that fails says which code fits. */
    static String goalProblem(Knowledge k, List<GoalWeight> goals) {
        for (GoalWeight g : goals) {
            if (g.weight() < 1 || g.weight() > GoalWeight.MAX_WEIGHT) return "bad-goal";
            if (k.goal(g.goal()).isEmpty()) return "unknown-goal";
        }
        return "bad-goal";
    }

    private static String messages(AdvisorException e) {
        return e.problems().stream().map(Problem::message).collect(Collectors.joining("; "));
    }

    private ApiError internal(Call call, Throwable e) {
        String what = e instanceof AdvisorException ae ? messages(ae) : e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        log.accept("error: internal error" + (call == null ? "" : " on " + call.method() + " " + Echo.message(call.path()))
                + ": " + what);
        return new ApiError(500, "internal-error", "internal error: " + what);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Router.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("`" + name + "` is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + name + "` from the jar", e);
        }
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
