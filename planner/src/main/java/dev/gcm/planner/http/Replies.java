package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.planner.auth.Caller;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** How handlers answer from work that does not finish on the event loop: worker jobs and grid calls. */
final class Replies {

    private Replies() {
    }

    /**
     * Computes the answer on the worker pool (fleet-sized work) and writes it out as JSON there too (an
     * answer about the whole fleet is megabytes), then sends the bytes from the event loop.
     */
    static void work(RoutingContext ctx, Services s, Callable<JsonNode> job) {
        respond(ctx, s.work().submit(callerKey(ctx), () -> Json.bytes(job.call())), answer -> Json.okWritten(ctx, answer));
    }

    /** Answers from a future's value; whatever the answer throws, or the future fails with, goes to the failure handler. */
    static <T> void respond(RoutingContext ctx, Future<T> future, Consumer<T> answer) {
        future.onComplete(r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            try {
                answer.accept(r.result());
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
    }

    /** A grid call as a Vert.x future on this request's context; the grid's failures become 503s that say why. */
    static <T> Future<T> grid(RoutingContext ctx, CompletionStage<T> stage) {
        return GridErrors.call(ctx, stage);
    }

    /**
     * Whose share of a per-caller limit a request counts against: its token, or in insecure mode (one
     * caller for everyone) its remote address.
     */
    static String callerKey(RoutingContext ctx) {
        Caller caller = Door.caller(ctx);
        if (caller == Caller.INSECURE && ctx.request().remoteAddress() != null) {
            return caller.name() + "@" + ctx.request().remoteAddress().hostAddress();
        }
        return caller.name();
    }
}
