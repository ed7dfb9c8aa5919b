package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.InvalidHostRecordException;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.index.IndexedHost;
import io.vertx.ext.web.RoutingContext;

/**
 * /api/v1/hosts: list, get, put (an agent's own record: the {@link Door} has checked the token's host),
 * cordon, uncordon, decommission. Lists and grid reads run on the worker pool.
 */
final class HostsHandler {

    private final Services s;

    HostsHandler(Services s) {
        this.s = s;
    }

    void list(RoutingContext ctx) {
        Replies.work(ctx, s, () -> {
            ArrayNode array = Json.array();
            for (IndexedHost h : s.index().hosts()) {
                array.add(Views.hostSummary(s.index(), h));
            }
            return Json.object().put("version", s.index().version()).set("hosts", array);
        });
    }

    /** One host: the index's view, with the full record as the grid holds it. */
    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IndexedHost h = s.index().host(id).orElseThrow(() -> ApiError.notFound("no host '" + id + "'"));
        Replies.work(ctx, s, () -> Views.host(s.index(), h, s.hosts().get(id)
                .orElseThrow(() -> ApiError.notFound("no host '" + id + "'")).recordJson()));
    }

    void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        HostRecord record;
        try {
            record = HostRecordJson.read(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
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
            ObjectNode detail = Json.object().put("violationCount", e.count());
            ArrayNode v = detail.putArray("violations");
            e.violations().forEach(x -> v.addObject().put("field", ApiError.cut(x.field()))
                    .put("message", ApiError.cut(x.message())));
            throw new ApiError(400, "INVALID_RECORD", e.getMessage(), detail);
        }
        StoredHost stored = new StoredHost(HostRecordJson.write(record), record.bootId(), record.seq(),
                s.index().now(), false);
        Replies.respond(ctx, Replies.grid(ctx, s.hosts().putIfNewer(id, stored)), accepted -> {
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
        Replies.respond(ctx, Replies.grid(ctx, s.hosts().cordon(id, cordoned)).compose(found -> {
            if (!found) {
                throw ApiError.notFound("no host '" + id + "'");
            }
            return s.work().submit(Replies.callerKey(ctx), () -> {
                s.hosts().get(id).ifPresent(h -> s.index().upsert(id, h));
                return found;
            });
        }), found -> Json.ok(ctx, Json.object().put("hostId", id).put("cordoned", cordoned)));
    }

    void decommission(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Replies.respond(ctx, Replies.grid(ctx, s.hosts().decommission(id)), found -> {
            if (!found) {
                throw ApiError.notFound("no host '" + id + "'");
            }
            s.index().remove(id);
            Json.ok(ctx, Json.object().put("hostId", id).put("decommissioned", true));
        });
    }
}
