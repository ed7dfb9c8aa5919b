package dev.gcm.planner.http;

import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure as a JSON answer with a stable code: the router's failures (including its own 404, 405
 * and 413), the grid's failures anywhere below a handler (503 NO_QUORUM, GRID_TIMEOUT, ...), and requests that HTTP decoding
 * already refused before any route saw them (414 for a request line too long, 431 for headers too
 * large, 400 otherwise). Only a fault of the planner itself is a 500.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /** The router's failure handler. */
    static void handle(RoutingContext ctx) {
        ApiError e = toApiError(ctx.failure(), ctx.statusCode());
        if (e != null && e.status() == 413 && ctx.failure() == null && ctx.get(Door.MAX_BODY) != null) {
            e = Door.tooLarge(ctx.get(Door.MAX_BODY));
        }
        if (e == null) {
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
            e = new ApiError(500, "INTERNAL", "internal error; see the planner log");
        }
        if (e.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        if (e.status() == 429 || e.status() == 503) {
            ctx.response().putHeader("Retry-After", "1");
        }
        Json.send(ctx.request(), e.status(), e.body());
    }

    /** The server's handler for requests HTTP decoding refused (before the router). */
    static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ApiError e;
        if (cause instanceof TooLongHttpLineException) {
            e = new ApiError(414, "URI_TOO_LONG", "the request line is longer than " + HttpVerticle.MAX_LINE + " bytes");
        } else if (cause instanceof TooLongHttpHeaderException) {
            e = new ApiError(431, "HEADERS_TOO_LARGE", "the request headers are larger than "
                    + HttpVerticle.MAX_HEADERS + " bytes");
        } else {
            e = new ApiError(400, "BAD_REQUEST", "the request is not valid HTTP");
        }
        request.response().setStatusCode(e.status()).putHeader("content-type", "application/json")
                .putHeader("connection", "close").end(e.body().toString())
                .onComplete(done -> request.connection().close());
    }

    /** The answer for a failure, or null when it is the planner's own fault. */
    static ApiError toApiError(Throwable failure, int status) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
            if (t instanceof ApiError e) {
                return e;
            }
            if (t instanceof dev.gcm.planner.model.GridUnavailableException) {
                return (ApiError) GridErrors.apiError(t);
            }
            if (t instanceof SplitBrainProtectionException) {
                return new ApiError(503, "NO_QUORUM",
                        "this planner member cannot see a majority of the cluster; ask another member");
            }
            if (t instanceof RejectedExecutionException) {
                return new ApiError(503, "BUSY", "the planner is shutting down or overloaded; try again");
            }
        }
        if (failure != null) {
            return null;
        }
        return switch (status) {
            case 404 -> ApiError.notFound("no such page");
            case 405 -> new ApiError(405, "METHOD_NOT_ALLOWED", "this path does not take that method");
            case 413 -> new ApiError(413, "BODY_TOO_LARGE", "the request body is larger than this endpoint takes");
            case 417 -> new ApiError(417, "EXPECTATION_FAILED", "only Expect: 100-continue is understood");
            default -> status >= 400 && status < 500
                    ? new ApiError(status, "BAD_REQUEST", "the request was refused") : null;
        };
    }
}
