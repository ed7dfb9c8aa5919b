package dev.gcm.planner.http;

import dev.gcm.planner.model.GridUnavailableException;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Grid calls as Vert.x futures, and the grid's failures as API errors: 503 with a code that says why. */
final class GridErrors {

    private GridErrors() {
    }

    /** A grid call as a future on the request's context; the grid's failures become {@link ApiError}s. */
    static <T> Future<T> call(RoutingContext ctx, CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext())
                .recover(e -> Future.failedFuture(apiError(e)));
    }

    /** The API error for a grid failure; other failures unchanged. */
    static Throwable apiError(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof GridUnavailableException g) {
            String code = switch (g.kind()) {
                case NO_QUORUM -> "NO_QUORUM";
                case TIMEOUT -> "GRID_TIMEOUT";
                case UNVERIFIED_MEMBER -> "UNVERIFIED_MEMBER";
                case UNAVAILABLE -> "GRID_UNAVAILABLE";
            };
            return new ApiError(503, code, g.getMessage());
        }
        return cause;
    }
}
