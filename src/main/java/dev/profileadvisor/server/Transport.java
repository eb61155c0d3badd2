package dev.profileadvisor.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Between Jetty and the {@link Router}: reads a request's body without holding a thread (so a client that sends
 * slowly costs a connection, not a thread), bounds it in size and time, hands the whole request to the router and
 * writes its answer. Also answers, as JSON, what Jetty refuses before any handler runs (a malformed request line,
 * header or length), and closes connections that take too long to send a request head.
 */
final class Transport extends Handler.Abstract {
    /**
     * Bytes of an oversized body still read (and discarded) before the {@code 413}, so that a client that writes
     * its whole body before it reads sees the answer rather than a reset connection.
     */
    private static final long DRAIN_LIMIT = 16L << 20;
    private final Router router;
    private final ServerOptions options;
    private final java.util.concurrent.ScheduledExecutorService timer;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Per open connection: when it last became ready for a request head, or -1 while a request is handled. */
    private final Map<Connection, Long> waitingSince = new ConcurrentHashMap<>();

    Transport(Router router, ServerOptions options, java.util.concurrent.ScheduledExecutorService timer) {
        this.router = router;
        this.options = options;
        this.timer = timer;
    }

    /** @return how many requests are being handled right now */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        inFlight.incrementAndGet();
        Connection connection = request.getConnectionMetaData().getConnection();
        waitingSince.replace(connection, -1L);
        Callback done = Callback.from(() -> finished(connection, callback, null), x -> finished(connection, callback, x));
        long deadline = request.getHeadersNanoTime() + options.requestTimeout().toNanos();
        String method = request.getMethod();
        String path = request.getHttpURI().getDecodedPath();
        try {
            if (router.stopping()) {
                send(response, done, Router.Reply.error(Router.shuttingDown()));
                return true;
            }
            String te = request.getHeaders().get(HttpHeader.TRANSFER_ENCODING);
            if (te != null && !te.trim().equalsIgnoreCase("chunked")) {
                send(response, done, Router.Reply.error(new ApiError(501, "not-implemented", Echo.code("Transfer-Encoding: " + te)
                        + " is not supported: send the body as it is (with `Content-Length`) or `chunked`",
                        Optional.empty(), true)));
                return true;
            }
            long length = request.getLength();
            if (length > options.maxBodyBytes()) {
                if (length > DRAIN_LIMIT) send(response, done, Router.Reply.error(tooLarge(length)));
                else new BodyReader(request, response, done, method, path, deadline, length).start();
                return true;
            }
            if (length == 0 || !(length > 0 || te != null)) {
                send(response, done, router.answer(new Router.Call(method, path, new byte[0], deadline)));
                return true;
            }
            new BodyReader(request, response, done, method, path, deadline, -1).start();
            return true;
        } catch (RuntimeException e) {
            send(response, done, Router.Reply.error(new ApiError(500, "internal-error", "internal error: " + e.getClass().getName())));
            return true;
        }
    }

    /**
     * Reads a body as it arrives, without a thread waiting for it: Jetty calls {@link #run()} again when more
     * bytes are there. Answers once: with the router's answer when the body is complete, {@code 413} past the size
     * limit, {@code 408} when the deadline comes first, {@code 400} when the client breaks the body off.
     */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback done;
        private final String method;
        private final String path;
        private final long deadline;
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile java.util.concurrent.ScheduledFuture<?> timeout;
        /** The declared length of a body known to be too large (discarded as it arrives), -1 while it is read. */
        private volatile long oversized;
        private long discarded;

        BodyReader(Request request, Response response, Callback done, String method, String path, long deadline, long oversized) {
            this.request = request;
            this.response = response;
            this.done = done;
            this.method = method;
            this.path = path;
            this.deadline = deadline;
            this.oversized = oversized;
        }

        void start() {
            timeout = timer.schedule(() -> answer(Router.Reply.error(oversized != -1 ? tooLarge(oversized) : new ApiError(408,
                    "request-timeout", "the request body did not arrive within " + Router.seconds(options.requestTimeout().toMillis()),
                    Optional.empty(), true))), Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            run();
        }

        @Override
        public void run() {
            while (!answered.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    answer(Router.Reply.error(new ApiError(400, "bad-request", "the request body could not be read",
                            Optional.empty(), true)));
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean last = chunk.isLast();
                if (oversized == -1 && body.size() + (long) bytes.remaining() > options.maxBodyBytes()) {
                    oversized = 0; // chunked, or longer than declared: the length is not known
                    body.reset();
                }
                if (oversized != -1) {
                    discarded += bytes.remaining();
                    chunk.release();
                    if (last || discarded > DRAIN_LIMIT) {
                        answer(Router.Reply.error(tooLarge(oversized)));
                        return;
                    }
                    continue;
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.write(copy, 0, copy.length);
                chunk.release();
                if (last) {
                    if (claim()) send(response, done, router.answer(new Router.Call(method, path, body.toByteArray(), deadline)));
                    return;
                }
            }
        }

        private void answer(Router.Reply reply) {
            if (claim()) send(response, done, reply);
        }

        /** @return whether this call is the one that answers */
        private boolean claim() {
            if (!answered.compareAndSet(false, true)) return false;
            java.util.concurrent.ScheduledFuture<?> t = timeout;
            if (t != null) t.cancel(false);
            return true;
        }
    }

    private ApiError tooLarge(long declared) {
        return new ApiError(413, "body-too-large", "the request body is larger than the limit of " + options.maxBodyBytes()
                + " bytes" + (declared > 0 ? " (`Content-Length: " + declared + "`)" : ""), Optional.empty(), true);
    }

    private void finished(Connection connection, Callback callback, Throwable failure) {
        waitingSince.replace(connection, System.nanoTime());
        inFlight.decrementAndGet();
        if (failure == null) callback.succeeded();
        else callback.failed(failure);
    }

    static void send(Response response, Callback callback, Router.Reply r) {
        response.setStatus(r.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        r.allow().ifPresent(a -> response.getHeaders().put(HttpHeader.ALLOW, a));
        if (r.close()) response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, r.body().length);
        response.write(true, ByteBuffer.wrap(r.body()), callback);
    }

    /** Tracks connections so that {@link #closeSlow()} can find those that send no request head in time. */
    Connection.Listener connections() {
        return new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                waitingSince.put(connection, System.nanoTime());
            }

            @Override
            public void onClosed(Connection connection) {
                waitingSince.remove(connection);
            }
        };
    }

    /**
     * Closes every connection that has waited longer than the idle timeout for a complete request head since it
     * opened or since its last answer, whether it is silent or sends the head a byte at a time.
     *
     * @return how many were closed
     */
    int closeSlow() {
        long now = System.nanoTime();
        long limit = options.idleTimeout().toNanos();
        int closed = 0;
        for (Map.Entry<Connection, Long> e : waitingSince.entrySet()) {
            long since = e.getValue();
            if (since != -1 && now - since > limit && waitingSince.remove(e.getKey(), since)) {
                e.getKey().close();
                closed++;
            }
        }
        return closed;
    }

    /** How errors Jetty finds itself (before any handler, or a handler's failure) are answered: as JSON. */
    static final class JsonErrors extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Object s = request.getAttribute(ErrorHandler.ERROR_STATUS);
            int status = s instanceof Integer i ? i : response.getStatus();
            if (status < 400) status = 500;
            Object m = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
            String reason = m instanceof String text && !text.isBlank() ? text : null;
            send(response, callback, Router.Reply.error(new ApiError(status, code(status), message(status, reason), Optional.empty(), true)));
            return true;
        }

        static String code(int status) {
            return switch (status) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 408 -> "request-timeout";
                case 413 -> "body-too-large";
                case 414 -> "uri-too-long";
                case 431 -> "headers-too-large";
                case 501 -> "not-implemented";
                case 503 -> "overloaded";
                case 505 -> "http-version-not-supported";
                default -> status < 500 ? "bad-request" : "internal-error";
            };
        }

        static String message(int status, String reason) {
            String what = switch (status) {
                case 414 -> "the request line is longer than the limit of " + ServerOptions.MAX_HEADER_BYTES + " bytes";
                case 431 -> "the request headers are larger than the limit of " + ServerOptions.MAX_HEADER_BYTES + " bytes";
                case 413 -> "the request body is too large";
                case 408 -> "the request did not arrive in time";
                case 505 -> "only HTTP/1.0 and HTTP/1.1 are served";
                default -> status < 500 ? "the request is not valid HTTP" : "internal error";
            };
            if (status == 400 && (reason == null || reason.equalsIgnoreCase("Bad Request"))) {
                return what + " (a malformed request line, path or header)";
            }
            if (reason == null || status != 400) return what;
            return what + ": " + Echo.message(Character.toLowerCase(reason.charAt(0)) + reason.substring(1));
        }
    }
}
