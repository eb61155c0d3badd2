package dev.profileadvisor.server;

import com.sun.net.httpserver.HttpServer;
import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The advisor as a JSON HTTP API, on the JDK's built-in {@code com.sun.net.httpserver} (no extra dependency):
 * {@code POST /v1/recommend}, {@code GET /v1/goals}, {@code GET /v1/rules}, {@code GET /v1/explain/{id}},
 * {@code GET /health}, and the OpenAPI 3.1 document at {@code GET /openapi.json} with the JSON Schemas it
 * references at {@code GET /schemas/{name}}.
 *
 * <p>Every answer is JSON; every error is {@code {"schemaVersion": 2, "error": {"status", "code", "message"}}}
 * with a 4xx or 5xx status and no stack trace. Request bodies are limited in size, each request in time, and
 * requests are computed on a bounded pool; see {@link ServerOptions}. It listens on loopback unless told
 * otherwise, and has no authentication and no TLS.
 *
 * <p>The time limit covers handling a request once it has arrived. Clients that send or read slowly are cut off
 * by the JDK server's own limits, the system properties {@code sun.net.httpserver.maxReqTime} and
 * {@code sun.net.httpserver.maxRspTime} (seconds, read once per JVM when the first server is created); the
 * {@code serve} command sets both to the request time limit unless they are already set.
 *
 * <pre>{@code
 * try (AdvisorServer server = AdvisorServer.start(ProfileAdvisor.withDefaults(), ServerOptions.defaults().withPort(0))) {
 *     System.out.println("listening on " + server.uri());
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class AdvisorServer implements AutoCloseable {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final HttpServer http;
    private final Router router;
    private final ThreadPoolExecutor io;
    private final ThreadPoolExecutor work;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private AdvisorServer(HttpServer http, Router router, ThreadPoolExecutor io, ThreadPoolExecutor work) {
        this.http = http;
        this.router = router;
        this.io = io;
        this.work = work;
    }

    /**
     * Starts serving an advisor. The advisor is shared by all requests (it is thread-safe).
     *
     * @param advisor the advisor to serve
     * @param options address, port and limits
     * @return the running server
     * @throws IOException          if the address cannot be resolved or the port cannot be bound (e.g. in use)
     * @throws NullPointerException if an argument is null
     */
    public static AdvisorServer start(ProfileAdvisor advisor, ServerOptions options) throws IOException {
        Objects.requireNonNull(advisor, "advisor");
        return start(advisor, options, advisor::recommend, System.err::println);
    }

    /** As {@link #start(ProfileAdvisor, ServerOptions)}, with the recommend step and the error log replaceable for tests. */
    static AdvisorServer start(ProfileAdvisor advisor, ServerOptions options, Function<Request, Recommendation> recommend,
                               Consumer<String> log) throws IOException {
        Objects.requireNonNull(options, "options");
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(options.bind()), options.port());
        // computing: CPU-bound, so few threads; a bounded queue, beyond which requests get 503 overloaded
        ThreadPoolExecutor work = new ThreadPoolExecutor(options.threads(), options.threads(), 0, TimeUnit.MILLISECONDS,
                options.queueLimit() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(options.queueLimit()),
                threads("advisor-work", log), new ThreadPoolExecutor.AbortPolicy());
        // connections: read bodies, wait for the computing thread, write answers; mostly waiting, so more of them
        int ioThreads = Math.max(8, options.threads() * 4);
        ThreadPoolExecutor io = new ThreadPoolExecutor(ioThreads, ioThreads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1024), threads("advisor-http", log), new ThreadPoolExecutor.AbortPolicy());
        HttpServer http;
        Router router;
        try {
            router = new Router(advisor, recommend, options, work, log);
            http = HttpServer.create(address, 128);
        } catch (IOException | RuntimeException e) {
            work.shutdownNow();
            io.shutdownNow();
            throw e;
        }
        http.createContext("/", router);
        http.setExecutor(io);
        http.start();
        return new AdvisorServer(http, router, io, work);
    }

    /** @return the address and port the server listens on (the actual port when started with port 0) */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** @return every method and path template the server answers, for tests */
    List<Router.Route> routes() {
        return router.routes();
    }

    /** @return the base URI, e.g. {@code http://127.0.0.1:8080/} */
    public URI uri() {
        InetSocketAddress a = address();
        try {
            return new URI("http", null, a.getAddress().getHostAddress(), a.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot form a URI for " + a, e);
        }
    }

    /**
     * Stops gracefully: new requests get {@code 503 shutting-down}, requests in progress get up to {@code grace}
     * to finish, then the port is closed and the threads end. Calling it again does nothing.
     *
     * @param grace how long to wait for requests in progress
     * @throws NullPointerException if {@code grace} is null
     */
    public void stop(Duration grace) {
        Objects.requireNonNull(grace, "grace");
        if (!stopping.compareAndSet(false, true)) return;
        try {
            router.refuseNewRequests();
            long deadline = System.nanoTime() + grace.toNanos();
            while (router.inFlight() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            http.stop(0);
            work.shutdownNow();
            io.shutdownNow();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Waits until {@link #stop(Duration)} has finished (from another thread or a shutdown hook).
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops, giving requests in progress up to 5 seconds; see {@link #stop(Duration)}. */
    @Override
    public void close() {
        stop(CLOSE_GRACE);
    }

    private static ThreadFactory threads(String prefix, Consumer<String> log) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((thread, e) -> log.accept("error: internal error in " + thread.getName() + ": " + e));
            return t;
        };
    }
}
