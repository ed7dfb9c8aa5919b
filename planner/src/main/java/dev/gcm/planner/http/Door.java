package dev.gcm.planner.http;

import dev.gcm.planner.auth.Caller;
import dev.gcm.planner.auth.TokenStore;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.Locale;
import java.util.Optional;

/**
 * The first handler of every API route, run from the request's headers alone: the bearer token
 * (401 without a known one), the route's role (403), then the body's size and type as announced
 * (413 over the route's limit or on a route that takes none, 415 unless JSON, or XML where the route takes it). Nothing of the body has
 * been read when any of these refuse, and the connection is closed after the answer ({@link Json#send}).
 * A client that asked {@code Expect: 100-continue} is told to send its body only once all of them pass (by
 * the body handler that runs next).
 * It is a security policy handler for Vert.x Web, which lets it run before the body handler.
 */
final class Door implements SecurityPolicyHandler {

    static final String CALLER = "gcm.caller";
    static final String MAX_BODY = "gcm.maxBody";

    private final Optional<TokenStore> tokens;
    private final Endpoint endpoint;

    /**
     * @param tokens   without a token store every caller is an admin: only for the insecure demo mode
     * @param endpoint the route guarded, or null for any other path under the API (authentication only)
     */
    Door(Optional<TokenStore> tokens, Endpoint endpoint) {
        this.tokens = tokens;
        this.endpoint = endpoint;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Caller caller = authenticate(ctx.request());
        ctx.put(CALLER, caller);
        if (endpoint != null) {
            if (!endpoint.access().allows(caller, ctx::pathParam)) {
                throw new ApiError(403, "FORBIDDEN", "this token may not " + endpoint.access().what());
            }
            ctx.put(MAX_BODY, endpoint.maxBody());
            checkBody(ctx.request(), endpoint);
        }
        ctx.next();
    }

    static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER);
    }

    private Caller authenticate(HttpServerRequest request) {
        if (tokens.isEmpty()) {
            return Caller.INSECURE;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "UNAUTHENTICATED", "a bearer token is required (Authorization: Bearer ...)");
        }
        return tokens.get().authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiError(401, "UNAUTHENTICATED", "unknown token"));
    }

    /** The body as its headers announce it: within the route's limit, and JSON. */
    private static void checkBody(HttpServerRequest request, Endpoint endpoint) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        long announced = parseLength(length);
        if (!chunked && announced <= 0) {
            return;
        }
        if (endpoint.maxBody() == 0) {
            throw new ApiError(413, "BODY_TOO_LARGE", request.method() + " " + endpoint.path() + " takes no body");
        }
        if (announced > endpoint.maxBody()) {
            throw tooLarge(endpoint.maxBody());
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (!isJson(type) && !(endpoint.takesXml() && isXml(type))) {
            throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", endpoint.takesXml()
                    ? "this endpoint takes JSON or libvirt XML: send Content-Type: application/json or application/xml"
                    : "request bodies are JSON: send Content-Type: application/json");
        }
    }

    static ApiError tooLarge(int limit) {
        return new ApiError(413, "BODY_TOO_LARGE", "this endpoint takes bodies of at most " + limit + " bytes");
    }

    private static long parseLength(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("BAD_REQUEST", "Content-Length is not a number");
        }
    }

    /** application/json, with or without parameters (a charset must be UTF-8). */
    static boolean isJson(String contentType) {
        return isType(contentType, "application/json");
    }

    /** application/xml or text/xml, with or without parameters (a charset must be UTF-8). */
    static boolean isXml(String contentType) {
        return isType(contentType, "application/xml") || isType(contentType, "text/xml");
    }

    private static boolean isType(String contentType, String wanted) {
        if (contentType == null) {
            return false;
        }
        if (contentType.equalsIgnoreCase(wanted)) {
            return true; // the usual case, without parameters
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].trim().equals(wanted)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.startsWith("charset=") && !p.substring(8).replace("\"", "").equals("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
