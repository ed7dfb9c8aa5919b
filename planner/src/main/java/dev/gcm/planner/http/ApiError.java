package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request that fails with an HTTP status, a stable code and a message; optionally more detail. The
 * message is cut to {@value #MAX_MESSAGE} characters: it may quote the caller's input, and an answer
 * never grows with what was sent.
 */
public final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final int MAX_MESSAGE = 1024;

    private final int status;
    private final String code;
    private final transient ObjectNode detail;

    public ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiError(int status, String code, String message, ObjectNode detail) {
        super(cut(message));
        this.status = status;
        this.code = code;
        this.detail = detail;
        if (detail != null && detail.hasNonNull("field")) {
            detail.put("field", cut(detail.get("field").asText()));
        }
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

    /** The JSON answer: code, message and any detail. */
    ObjectNode body() {
        ObjectNode body = Json.object().put("code", code).put("message", getMessage());
        if (detail != null) {
            body.setAll(detail);
        }
        return body;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message);
    }

    static String cut(String text) {
        if (text == null || text.length() <= MAX_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_MESSAGE) + "... (" + (text.length() - MAX_MESSAGE) + " more characters)";
    }
}
