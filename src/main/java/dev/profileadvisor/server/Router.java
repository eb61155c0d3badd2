package dev.profileadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.profileadvisor.AdvisorException;
import dev.profileadvisor.explain.Explanation;
import dev.profileadvisor.GoalWeight;
import dev.profileadvisor.Problem;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import dev.profileadvisor.json.JsonDocuments;
import dev.profileadvisor.knowledge.Knowledge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The endpoints: matches a method and path, runs the handler under the request's time limit, and turns every
 * outcome, including bad input and bugs, into a JSON answer. Never lets an exception (or a stack trace) out.
 */
final class Router implements HttpHandler {
    /** The schema files served under {@code /schemas/}, as the OpenAPI document references them. */
    static final List<String> SCHEMAS = List.of("recommend", "recommend-request", "audit", "audit-request", "goals", "rules", "explain", "error", "health");
    /** Bytes of an oversized body the server still reads (and discards) so the client sees the 413. */
    private static final long DRAIN_LIMIT = 16L << 20;
    private static final String JSON = "application/json; charset=utf-8";

    /** A method and path template the server answers; {@code {id}}/{@code {name}} match one path remainder. */
    record Route(String method, String path) {
    }

    /** What to send back. */
    record Reply(int status, byte[] body, String contentType, Optional<String> allow, boolean close) {
        static Reply json(int status, JsonNode doc) {
            return new Reply(status, (JsonDocuments.write(doc) + "\n").getBytes(StandardCharsets.UTF_8), JSON, Optional.empty(), false);
        }

        static Reply error(ApiError e) {
            return new Reply(e.status, (JsonDocuments.write(JsonDocuments.error(e.status, e.code, e.getMessage())) + "\n")
                    .getBytes(StandardCharsets.UTF_8), JSON, e.allow, e.closeConnection);
        }
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(HttpExchange exchange, String param, long deadline) throws IOException;
    }

    /** Paths under a prefix, e.g. {@code /v1/explain/{id}}: the parameter's name and the handler per method. */
    private record Prefixed(String param, Map<String, Handler> byMethod) {
    }

    private final ProfileAdvisor advisor;
    private final Function<Request, Recommendation> recommend;
    private final ServerOptions options;
    private final ExecutorService work;
    private final Consumer<String> log;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Map<String, Handler>> exact = new LinkedHashMap<>();
    private final Map<String, Prefixed> prefixed = new LinkedHashMap<>();
    private final Reply goals;
    private final Reply rules;
    private final Reply openapi;
    private final Map<String, Reply> schemas = new LinkedHashMap<>();

    Router(ProfileAdvisor advisor, Function<Request, Recommendation> recommend, ServerOptions options, ExecutorService work,
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
        exact.put("/v1/goals", Map.of("GET", (ex, p, d) -> goals));
        exact.put("/v1/rules", Map.of("GET", (ex, p, d) -> rules));
        exact.put("/health", Map.of("GET", (ex, p, d) -> Reply.json(200, JsonDocuments.health())));
        exact.put("/openapi.json", Map.of("GET", (ex, p, d) -> openapi));
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

    /** @return how many requests are being handled right now */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        long deadline = System.nanoTime() + options.requestTimeout().toNanos();
        try {
            Reply reply;
            try {
                reply = route(exchange, deadline);
            } catch (ApiError e) {
                reply = Reply.error(e);
            } catch (IOException | UncheckedIOException e) {
                return; // the client went away while sending; there is nobody to answer
            } catch (RuntimeException | Error e) {
                reply = Reply.error(internal(exchange, e));
            }
            send(exchange, reply);
        } catch (IOException | RuntimeException e) {
            // the client went away while we answered: nothing to do
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private Reply route(HttpExchange ex, long deadline) throws IOException {
        if (stopping.get()) throw new ApiError(503, "shutting-down", "the server is stopping", Optional.empty(), true);
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
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
            throw new ApiError(404, "not-found", "no endpoint at `" + path + "`; `GET /openapi.json` describes the API");
        }
        Handler h = byMethod.get(method);
        if (h == null) {
            String allowed = byMethod.keySet().stream().sorted().collect(Collectors.joining(", "));
            throw new ApiError(405, "method-not-allowed", "method `" + method + "` is not allowed on `" + path + "`; use `"
                    + allowed + "`", Optional.of(allowed), false);
        }
        return h.handle(ex, param, deadline);
    }

    private Reply recommend(HttpExchange ex, String param, long deadline) throws IOException {
        byte[] body = readBody(ex);
        return timed(deadline, () -> {
            Request request = RecommendBody.parse(body);
            try {
                Optional<RecommendBody.Posted> posted = RecommendBody.project(body);
                if (posted.isPresent()) {
                    request = request.project(advisor.projectText(posted.get().manifest(), posted.get().lock(), Optional.empty(), Map.of()));
                }
                return Reply.json(200, JsonDocuments.recommendation(recommend.apply(request)));
            } catch (AdvisorException e) {
                throw requestProblem(e, request);
            }
        });
    }

    private Reply audit(HttpExchange ex, String param, long deadline) throws IOException {
        byte[] body = readBody(ex);
        return timed(deadline, () -> {
            AuditBody request = AuditBody.parse(body);
            for (dev.profileadvisor.audit.RuleLevel l : request.levels()) {
                var why = dev.profileadvisor.audit.Allowances.unknown(l.id(), advisor.rules());
                if (why.isPresent()) throw new ApiError(400, "unknown-id", "`" + l.level().name().toLowerCase(java.util.Locale.ROOT) + "`: " + why.get());
            }
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

    private Reply explain(HttpExchange ex, String id, long deadline) {
        return timed(deadline, () -> {
            Explanation found;
            try {
                found = advisor.explain(id);
            } catch (AdvisorException e) {
                throw new ApiError(404, "unknown-id", messages(e));
            }
            return Reply.json(200, JsonDocuments.explanation(advisor.knowledge(), found));
        });
    }

    private Reply schema(HttpExchange ex, String name, long deadline) {
        Reply r = schemas.get(name);
        if (r == null) {
            throw new ApiError(404, "not-found", "no schema `" + name + "`; the schemas are "
                    + String.join(", ", schemas.keySet().stream().map(s -> "`" + s + "`").toList()));
        }
        return r;
    }

    /** Runs the work on a computing thread and waits for it no longer than the request's time limit. */
    private Reply timed(long deadline, Callable<Reply> task) {
        Future<Reply> f;
        try {
            f = work.submit(task);
        } catch (RejectedExecutionException e) {
            throw new ApiError(503, "overloaded", "too many requests are waiting (" + options.queueLimit()
                    + " at most); retry later");
        }
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ApiError(503, "timeout", "the request took longer than its time limit of "
                    + seconds(options.requestTimeout().toMillis()) + " and was stopped");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiError(503, "shutting-down", "the server is stopping", Optional.empty(), true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiError a) throw a;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    /** Reads the body, at most {@link ServerOptions#maxBodyBytes()}; a larger one is drained and refused. */
    private byte[] readBody(HttpExchange ex) throws IOException {
        int limit = options.maxBodyBytes();
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
        }
        InputStream in = ex.getRequestBody();
        if (length > limit) throw tooLarge(in, length);
        ByteArrayOutputStream buf = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
        byte[] chunk = new byte[16 * 1024];
        for (int n; (n = in.read(chunk)) > 0; ) {
            if (buf.size() + n > limit) throw tooLarge(in, -1);
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    private ApiError tooLarge(InputStream in, long declared) throws IOException {
        boolean drained = false;
        if (declared <= DRAIN_LIMIT) {
            byte[] sink = new byte[64 * 1024];
            long seen = 0;
            for (int n; seen <= DRAIN_LIMIT && (n = in.read(sink)) > 0; ) seen += n;
            drained = seen <= DRAIN_LIMIT;
        }
        return new ApiError(413, "body-too-large", "the request body is larger than the limit of " + options.maxBodyBytes()
                + " bytes" + (declared > 0 ? " (`Content-Length: " + declared + "`)" : ""), Optional.empty(), !drained);
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

    private ApiError internal(HttpExchange ex, Throwable e) {
        String what = e instanceof AdvisorException ae ? messages(ae) : e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        log.accept("error: internal error" + (ex == null ? "" : " on " + ex.getRequestMethod() + " " + ex.getRequestURI().getPath())
                + ": " + what);
        return new ApiError(500, "internal-error", "internal error: " + what);
    }

    private static void send(HttpExchange ex, Reply r) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        r.allow().ifPresent(a -> h.set("Allow", a));
        if (r.close()) h.set("Connection", "close");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(r.status(), -1); // a HEAD answer has no body (and the JDK warns about a length)
            return;
        }
        ex.sendResponseHeaders(r.status(), r.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(r.body());
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Router.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("`" + name + "` is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read `" + name + "` from the jar", e);
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
