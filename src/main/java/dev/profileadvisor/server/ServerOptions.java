package dev.profileadvisor.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link AdvisorServer} listens and what it allows. Immutable; start from {@link #defaults()} and change
 * what you need with the {@code with…} methods.
 *
 * @param bind           the address to listen on; {@value #DEFAULT_BIND} (loopback only) by default
 * @param port           the TCP port, 0 for any free one; {@value #DEFAULT_PORT} by default
 * @param threads        how many requests are computed at the same time (the rule engine is CPU-bound); by
 *                       default the number of processors, at least 2
 * @param queueLimit     how many requests may wait for a computing thread before the server answers
 *                       {@code 503 overloaded}; {@value #DEFAULT_QUEUE_LIMIT} by default
 * @param maxBodyBytes   the largest request body accepted; larger ones get {@code 413 body-too-large};
 *                       {@value #DEFAULT_MAX_BODY_BYTES} bytes (1 MiB) by default
 * @param requestTimeout how long one request may take from the moment its head has arrived: its body must arrive
 *                       within it (else {@code 408 request-timeout}) and its answer be computed within it (else
 *                       {@code 503 timeout}); 10 seconds by default
 * @param maxConnections how many connections are open at once; beyond that, new ones wait in the operating system's
 *                       accept queue (of the same length) until one closes; {@value #DEFAULT_MAX_CONNECTIONS} by
 *                       default
 * @param idleTimeout    how long a connection may go without a complete request head (silent, or sending it slowly)
 *                       after it opens or after its last answer, before it is closed; 10 seconds by default
 */
public record ServerOptions(String bind, int port, int threads, int queueLimit, int maxBodyBytes, Duration requestTimeout,
                            int maxConnections, Duration idleTimeout) {
    /** The default address: loopback, so nothing outside this machine can reach the API. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default body limit, 1 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
    /** The default number of requests that may wait for a computing thread. */
    public static final int DEFAULT_QUEUE_LIMIT = 64;
    /** The default time limit of one request. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** The default number of open connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 1024;
    /** The default time a connection may take to send a request head, or stay silent between requests. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** The largest request head (request line and headers) accepted, 8 KiB; a larger one gets {@code 431} or {@code 414}. */
    public static final int MAX_HEADER_BYTES = 8 * 1024;

    /**
     * Checks the options.
     *
     * @param bind           the address to listen on; {@value #DEFAULT_BIND} (loopback only) by default
     * @param port           the TCP port, 0 for any free one; {@value #DEFAULT_PORT} by default
     * @param threads        how many requests are computed at the same time (the rule engine is CPU-bound); by
     *                       default the number of processors, at least 2
     * @param queueLimit     how many requests may wait for a computing thread before the server answers
     *                       {@code 503 overloaded}; {@value #DEFAULT_QUEUE_LIMIT} by default
     * @param maxBodyBytes   the largest request body accepted; larger ones get {@code 413 body-too-large};
     *                       {@value #DEFAULT_MAX_BODY_BYTES} bytes (1 MiB) by default
     * @param requestTimeout how long one request may take from the moment its head has arrived; 10 seconds by default
     * @param maxConnections how many connections are open at once; {@value #DEFAULT_MAX_CONNECTIONS} by default
     * @param idleTimeout    how long a connection may go without a complete request head; 10 seconds by default
     * @throws NullPointerException     if {@code bind}, {@code requestTimeout} or {@code idleTimeout} is null
     * @throws IllegalArgumentException if the port is outside 0–65535, {@code threads}, {@code maxBodyBytes} or
     *                                  {@code maxConnections} is less than 1, {@code queueLimit} is negative, or a
     *                                  timeout is not positive
     */
    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65_535) throw new IllegalArgumentException("invalid port `" + port + "`: expected 0 to 65535");
        if (threads < 1) throw new IllegalArgumentException("invalid thread count `" + threads + "`: expected at least 1");
        if (queueLimit < 0) throw new IllegalArgumentException("invalid queue limit `" + queueLimit + "`: expected 0 or more");
        if (maxBodyBytes < 1) throw new IllegalArgumentException("invalid body limit `" + maxBodyBytes + "`: expected at least 1 byte");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("invalid request timeout `" + requestTimeout + "`: expected a positive duration");
        }
        if (maxConnections < 1) throw new IllegalArgumentException("invalid connection limit `" + maxConnections + "`: expected at least 1");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("invalid idle timeout `" + idleTimeout + "`: expected a positive duration");
        }
    }

    /**
     * @return loopback, port 8080, one computing thread per processor (at least 2), 64 waiting, 1 MiB, 10 s per
     * request, 1,024 connections, 10 s idle
     */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_BIND, DEFAULT_PORT, Math.max(2, Runtime.getRuntime().availableProcessors()),
                DEFAULT_QUEUE_LIMIT, DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_CONNECTIONS, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param address the address to listen on, e.g. {@code 127.0.0.1}, {@code ::1} or {@code 0.0.0.0}
     * @return a copy with that address
     * @throws NullPointerException if {@code address} is null
     */
    public ServerOptions withBind(String address) {
        return new ServerOptions(address, port, threads, queueLimit, maxBodyBytes, requestTimeout, maxConnections, idleTimeout);
    }

    /**
     * @param tcpPort the port, 0 for any free one
     * @return a copy with that port
     * @throws IllegalArgumentException if the port is outside 0–65535
     */
    public ServerOptions withPort(int tcpPort) {
        return new ServerOptions(bind, tcpPort, threads, queueLimit, maxBodyBytes, requestTimeout, maxConnections, idleTimeout);
    }

    /**
     * @param count how many requests are computed at the same time
     * @return a copy with that many computing threads
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public ServerOptions withThreads(int count) {
        return new ServerOptions(bind, port, count, queueLimit, maxBodyBytes, requestTimeout, maxConnections, idleTimeout);
    }

    /**
     * @param limit how many requests may wait for a computing thread
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public ServerOptions withQueueLimit(int limit) {
        return new ServerOptions(bind, port, threads, limit, maxBodyBytes, requestTimeout, maxConnections, idleTimeout);
    }

    /**
     * @param bytes the largest request body accepted
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code bytes} is less than 1
     */
    public ServerOptions withMaxBodyBytes(int bytes) {
        return new ServerOptions(bind, port, threads, queueLimit, bytes, requestTimeout, maxConnections, idleTimeout);
    }

    /**
     * @param timeout how long one request may take
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws NullPointerException     if {@code timeout} is null
     */
    public ServerOptions withRequestTimeout(Duration timeout) {
        return new ServerOptions(bind, port, threads, queueLimit, maxBodyBytes, timeout, maxConnections, idleTimeout);
    }

    /**
     * @param limit how many connections may be open at once
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public ServerOptions withMaxConnections(int limit) {
        return new ServerOptions(bind, port, threads, queueLimit, maxBodyBytes, requestTimeout, limit, idleTimeout);
    }

    /**
     * @param timeout how long a connection may go without a complete request head
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws NullPointerException     if {@code timeout} is null
     */
    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(bind, port, threads, queueLimit, maxBodyBytes, requestTimeout, maxConnections, timeout);
    }
}
