package dev.profileadvisor.server;

import dev.profileadvisor.ProfileAdvisor;
import dev.profileadvisor.recommend.Recommendation;
import dev.profileadvisor.recommend.Request;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The advisor as a JSON HTTP API, on Jetty's core server (no servlets):
 * {@code POST /v1/recommend}, {@code GET /v1/goals}, {@code GET /v1/rules}, {@code GET /v1/explain/{id}},
 * {@code GET /health}, and the OpenAPI 3.1 document at {@code GET /openapi.json} with the JSON Schemas it
 * references at {@code GET /schemas/{name}}.
 *
 * <p>Every answer is JSON; every error is {@code {"schemaVersion": 2, "error": {"status", "code", "message"}}}
 * with a 4xx or 5xx status and no stack trace. Request bodies are limited in size, each request in time, and
 * requests are computed on a bounded pool; see {@link ServerOptions}. It listens on loopback unless told
 * otherwise, and has no authentication and no TLS.
 *
 * <p>Connections are read without a thread each: a client that sends slowly holds a connection, never a thread,
 * and is closed when its request head has not arrived within the idle timeout, its body within the request
 * timeout. Connections beyond the limit wait in the operating system's accept queue; requests beyond what the
 * computing threads and their queue take get {@code 503 overloaded}.
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
    /** Threads for Jetty's acceptor, selector and non-computing work, besides those that wait for a computation. */
    private static final int HTTP_THREADS = 16;

    private final Server http;
    private final InetSocketAddress address;
    private final Router router;
    private final Transport transport;
    private final ComputePool work;
    private final ScheduledExecutorService sweeper;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private AdvisorServer(Server http, InetSocketAddress address, Router router, Transport transport, ComputePool work,
                          ScheduledExecutorService sweeper) {
        this.http = http;
        this.address = address;
        this.router = router;
        this.transport = transport;
        this.work = work;
        this.sweeper = sweeper;
    }

    /**
     * Starts serving an advisor. The advisor is shared by all requests (it is thread-safe).
     *
     * @param advisor the advisor to serve
     * @param options address, port and limits
     * @return the running server
     * @throws IOException          if the address cannot be resolved or the port cannot be bound (e.g. in use:
     *                              a {@link BindException})
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
        InetAddress address = InetAddress.getByName(options.bind());
        // computing: CPU-bound, so few threads; a bounded queue, beyond which requests get 503 overloaded
        ComputePool work = new ComputePool(options.threads(), options.queueLimit(), threads("advisor-work", log));
        // Jetty's threads: a request that waits for a computation holds one, so there is one for each computation
        // that can run, be abandoned or wait (see ComputePool), and some for everything else
        int httpThreads = 2 * options.threads() + options.queueLimit() + HTTP_THREADS;
        QueuedThreadPool pool = new QueuedThreadPool(httpThreads, 4);
        pool.setName("advisor-http");
        pool.setDaemon(true);
        Server http = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setRequestHeaderSize(ServerOptions.MAX_HEADER_BYTES);
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setUriCompliance(UriCompliance.DEFAULT);
        ServerConnector connector = new ServerConnector(http, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(address.getHostAddress());
        connector.setPort(options.port());
        connector.setAcceptQueueSize(options.maxConnections());
        // a safety net behind the request and idle timeouts, longer than both so that it never cuts a computation
        connector.setIdleTimeout(options.requestTimeout().plus(options.idleTimeout()).toMillis() + 1_000);
        http.addConnector(connector);
        http.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));
        Router router;
        Transport transport;
        ScheduledThreadPoolExecutor sweeper = new ScheduledThreadPoolExecutor(1, threads("advisor-timer", log));
        sweeper.setRemoveOnCancelPolicy(true); // a body that arrives in time leaves no timer behind
        try {
            router = new Router(advisor, recommend, options, work, log);
            transport = new Transport(router, options, sweeper);
            connector.addBean(transport.connections());
            http.setHandler(transport);
            http.setErrorHandler(new Transport.JsonErrors());
            http.setStopTimeout(0);
            http.start();
        } catch (IOException | RuntimeException e) {
            stopQuietly(http);
            work.shutdownNow();
            sweeper.shutdownNow();
            if (e.getCause() instanceof BindException b) throw b; // Jetty wraps it
            throw e;
        } catch (Exception e) {
            stopQuietly(http);
            work.shutdownNow();
            sweeper.shutdownNow();
            throw new IOException("cannot start the server: " + e.getMessage(), e);
        }
        long tick = Math.max(50, Math.min(1_000, options.idleTimeout().toMillis() / 4));
        sweeper.scheduleWithFixedDelay(transport::closeSlow, tick, tick, TimeUnit.MILLISECONDS);
        return new AdvisorServer(http, new InetSocketAddress(address, connector.getLocalPort()), router, transport, work, sweeper);
    }

    /** @return the address and port the server listens on (the actual port when started with port 0) */
    public InetSocketAddress address() {
        return address;
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
            while (transport.inFlight() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            stopQuietly(http);
            sweeper.shutdownNow();
            work.shutdownNow();
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

    /** @return how many timed-out computations still run on a replacement thread's account (see {@link ComputePool}) */
    int abandonedComputations() {
        return work.abandoned();
    }

    private static void stopQuietly(Server http) {
        try {
            http.stop();
        } catch (Exception e) {
            // stopping: the threads are daemons, and the port is released with the process at the latest
        }
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
