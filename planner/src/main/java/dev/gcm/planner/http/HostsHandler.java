package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.InvalidHostRecordException;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.index.IndexedHost;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/** /api/v1/hosts: list, get, put (an agent's own record), cordon, uncordon, decommission. */
final class HostsHandler {

    private final Services s;

    HostsHandler(Services s) {
        this.s = s;
    }

    void list(RoutingContext ctx) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (IndexedHost h : s.index().hosts()) {
            array.add(Views.hostSummary(s.index(), h));
        }
        Json.ok(ctx, Json.object().put("version", s.index().version()).set("hosts", array));
    }

    /** One host: the index's view, with the full record as the grid holds it. */
    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IndexedHost h = s.index().host(id).orElseThrow(() -> ApiError.notFound("no host '" + id + "'"));
        respond(ctx, s.vertx().executeBlocking(() -> s.hosts().get(id)), stored -> {
            if (stored.isEmpty()) {
                throw ApiError.notFound("no host '" + id + "'");
            }
            Json.ok(ctx, Views.host(s.index(), h, stored.get().recordJson()));
        });
    }

    void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!AuthHandler.caller(ctx).mayWriteHost(id)) {
            throw new ApiError(403, "FORBIDDEN", "this token may not write the record of host '" + id + "'");
        }
        HostRecord record;
        try {
            String body = ctx.body().asString();
            record = HostRecordJson.read(body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidJsonException e) {
            throw Json.invalid(e);
        }
        if (!id.equals(record.hostId())) {
            throw new ApiError(400, "HOST_MISMATCH", "the record's hostId '" + record.hostId()
                    + "' is not the host in the path '" + id + "'", Json.object().put("field", "$.hostId"));
        }
        ResolvedHost resolved;
        try {
            resolved = s.index().validator().validate(record);
        } catch (InvalidHostRecordException e) {
            ObjectNode detail = Json.object();
            ArrayNode v = detail.putArray("violations");
            e.violations().forEach(x -> v.addObject().put("field", x.field()).put("message", x.message()));
            throw new ApiError(400, "INVALID_RECORD", e.getMessage(), detail);
        }
        StoredHost stored = new StoredHost(HostRecordJson.write(record), record.bootId(), record.seq(),
                s.index().now(), false);
        respond(ctx, grid(ctx, s.hosts().putIfNewer(id, stored)), accepted -> {
            if (!accepted) {
                throw new ApiError(409, "STALE_REPORT", "host '" + id + "' already has a report with seq >= "
                        + record.seq() + "; nothing was stored");
            }
            s.index().apply(s.index().indexed(id, resolved, stored));
            Json.ok(ctx, Json.object().put("stored", true).put("hostId", id).put("seq", record.seq()));
        });
    }

    void cordon(RoutingContext ctx, boolean cordoned) {
        String id = ctx.pathParam("id");
        respond(ctx, grid(ctx, s.hosts().cordon(id, cordoned)), found -> {
            if (!found) {
                throw ApiError.notFound("no host '" + id + "'");
            }
            s.hosts().get(id).ifPresent(h -> s.index().upsert(id, h));
            Json.ok(ctx, Json.object().put("hostId", id).put("cordoned", cordoned));
        });
    }

    void decommission(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        respond(ctx, grid(ctx, s.hosts().decommission(id)), found -> {
            if (!found) {
                throw ApiError.notFound("no host '" + id + "'");
            }
            s.index().remove(id);
            Json.ok(ctx, Json.object().put("hostId", id).put("decommissioned", true));
        });
    }

    /** Answers from a future's value; whatever the answer throws, or the future fails with, goes to the failure handler. */
    static <T> void respond(RoutingContext ctx, Future<T> future, java.util.function.Consumer<T> answer) {
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

    /** A grid call as a Vert.x future; a lost majority becomes 503 NO_QUORUM. */
    static <T> Future<T> grid(RoutingContext ctx, CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext()).recover(e -> {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            if (cause instanceof SplitBrainProtectionException) {
                return Future.failedFuture(new ApiError(503, "NO_QUORUM",
                        "this planner member cannot see a majority of the cluster; nothing was stored"));
            }
            return Future.failedFuture(cause);
        });
    }
}
