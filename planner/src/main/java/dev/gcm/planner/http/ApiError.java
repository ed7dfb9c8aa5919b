package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request that fails with an HTTP status, a stable code and a message; optionally more detail. */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient ObjectNode detail;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, ObjectNode detail) {
        super(message);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ObjectNode detail() {
        return detail;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message);
    }
}
