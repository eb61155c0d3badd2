package dev.profileadvisor.server;

import java.util.Optional;

/** A request the API answers with an error document: the status, a stable code and a message for people. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final transient Optional<String> allow;
    final boolean closeConnection;

    ApiError(int status, String code, String message, Optional<String> allow, boolean closeConnection) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.allow = allow;
        this.closeConnection = closeConnection;
    }

    ApiError(int status, String code, String message) {
        this(status, code, message, Optional.empty(), false);
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad-request", message);
    }
}
