package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.InvalidHostRecordException;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.AdminResult;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.ReportResult;
import dev.gcm.planner.query.HostList;
import dev.gcm.planner.query.HostQuery;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /api/v1/hosts: list, get, put (an agent's own record), cordon, uncordon, decommission, recommission.
 * The {@link Door} has checked the token (for a put: the token's host). Writes go to the grid; the answer waits
 * (briefly) until this member's index has seen them. Lists and grid reads run on the worker pool.
 */
final class HostsHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HostsHandler.class);
    /** A report's seq counts microseconds since the epoch: one more than a day ahead is refused. */
    static final long MAX_SEQ_AHEAD_MICROS = 86_400_000_000L;
    /** How long a write's answer waits for this member's index to show it. */
    static final long READ_YOUR_WRITES_MILLIS = 2000;

    private final Services s;
    private final HostList hostList;

    HostsHandler(Services s) {
        this.s = s;
        this.hostList = new HostList(s.index());
    }

    /** A page of the host list: filters and paging from the query string ({@link HostListParams}). */
    void list(RoutingContext ctx) {
        HostQuery q = HostListParams.parse(ctx.request().params());
        Replies.work(ctx, s, () -> {
            HostList.Page page = hostList.page(q).orElseThrow(() -> ApiError.notFound("no pool '" + q.pool().get() + "'"));
            IndexSnapshot snap = s.index().snapshot();
            ArrayNode array = Json.array();
            for (IndexedHost h : page.hosts()) {
                array.add(Views.hostSummary(s.index(), snap, h));
            }
            ObjectNode out = Json.object().put("version", page.version()).put("total", page.total());
            page.continueToken().ifPresent(t -> out.put("continue", t));
            return out.set("hosts", array);
        });
    }

    /** One host: the index's view, with the full record as the grid holds it. */
    void get(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IndexSnapshot snap = s.index().snapshot();
        IndexedHost h = snap.host(id).orElseThrow(() -> ApiError.notFound("no host '" + id + "'"
                + (snap.decommissionedAt(id).isPresent() ? " (decommissioned)" : "")));
        Replies.respond(ctx, Replies.grid(ctx, s.hosts().get(id)), stored -> {
            if (stored.isEmpty()) {
                throw ApiError.notFound("no host '" + id + "'");
            }
            Json.ok(ctx, Views.host(s.index(), snap, h, stored.get().recordJson()));
        });
    }

    void put(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        HostRecord record = validRecord(ctx, id);
        long now = s.index().now();
        if (record.seq() > now * 1000 + MAX_SEQ_AHEAD_MICROS) {
            throw new ApiError(400, "SEQ_IN_FUTURE", "seq " + record.seq() + " is more than a day ahead of the planner's"
                    + " clock (seq counts microseconds since the epoch); nothing was stored", Json.object().put("field", "$.seq"));
        }
        if (s.index().snapshot().decommissionedAt(id).isPresent()) {
            throw decommissioned(id);
        }
        Future<ReportResult> stored = Replies.grid(ctx, s.hosts().report(HostReport.of(record, now))).compose(r ->
                r.kind() != ReportResult.Kind.STORED ? Future.succeededFuture(r)
                        : Replies.grid(ctx, s.feed().awaitReport(id, r.revision(), READ_YOUR_WRITES_MILLIS)).map(seen -> r));
        Replies.respond(ctx, stored, r -> {
            if (r.kind() == ReportResult.Kind.STALE) {
                ObjectNode detail = Json.object();
                detail.putObject("lastAccepted").put("bootId", r.lastBootId()).put("seq", r.lastSeq());
                throw new ApiError(409, "STALE_REPORT", "host '" + id + "' already has a report with seq " + r.lastSeq()
                        + " >= " + record.seq() + "; nothing was stored (continue from lastAccepted.seq)", detail);
            }
            Json.ok(ctx, Json.object().put("stored", r.kind() == ReportResult.Kind.STORED)
                    .put("duplicate", r.kind() == ReportResult.Kind.DUPLICATE).put("hostId", id).put("seq", record.seq())
                    .put("revision", r.revision()));
        });
    }

    private HostRecord validRecord(RoutingContext ctx, String id) {
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
        try {
            s.index().validator().validate(record);
        } catch (InvalidHostRecordException e) {
            ObjectNode detail = Json.object().put("violationCount", e.count());
            ArrayNode v = detail.putArray("violations");
            e.violations().forEach(x -> v.addObject().put("field", ApiError.cut(x.field()))
                    .put("message", ApiError.cut(x.message())));
            throw new ApiError(400, "INVALID_RECORD", e.getMessage(), detail);
        }
        return record;
    }

    void cordon(RoutingContext ctx, boolean cordoned) {
        String id = knownHost(ctx);
        Replies.respond(ctx, Replies.grid(ctx, s.admin().cordon(id, cordoned)).compose(r -> acknowledged(ctx, id, r)),
                r -> Json.ok(ctx, Json.object().put("hostId", id).put("cordoned", r.state().cordoned())
                        .put("revision", r.state().revision())));
    }

    /** Leaves a tombstone (its reports are refused with 410 until it is recommissioned) and clears the record. */
    void decommission(RoutingContext ctx) {
        String id = knownHost(ctx);
        Future<AdminResult> done = Replies.grid(ctx, s.admin().decommission(id, s.index().now())).compose(r -> {
            if (!r.applied()) {
                return Future.failedFuture(decommissioned(id));
            }
            return acknowledged(ctx, id, r).compose(x -> Replies.grid(ctx, s.hosts().remove(id)).otherwise(e -> {
                LOG.warn("host {}: record not cleared after its decommission ({}); reconcile will", id, e.getMessage());
                return false;
            }).map(x));
        });
        Replies.respond(ctx, done, r -> Json.ok(ctx, Json.object().put("hostId", id).put("decommissioned", true)
                .put("revision", r.state().revision())));
    }

    /** Clears a tombstone: the host's agent may report again. */
    void recommission(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Future<AdminResult> done = Replies.grid(ctx, s.admin().recommission(id)).compose(r -> r.applied()
                ? acknowledged(ctx, id, r)
                : Future.failedFuture(new ApiError(409, "NOT_DECOMMISSIONED", "host '" + id + "' is not decommissioned")));
        Replies.respond(ctx, done, r -> Json.ok(ctx, Json.object().put("hostId", id).put("recommissioned", true)
                .put("revision", r.state().revision())));
    }

    /** The host in the path, which the index must know and which must not be decommissioned. */
    private String knownHost(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        IndexSnapshot snap = s.index().snapshot();
        if (snap.decommissionedAt(id).isPresent()) {
            throw decommissioned(id);
        }
        if (snap.host(id).isEmpty()) {
            throw ApiError.notFound("no host '" + id + "'");
        }
        return id;
    }

    private static ApiError decommissioned(String id) {
        return new ApiError(410, "HOST_DECOMMISSIONED", "host '" + id + "' is decommissioned; an admin can recommission"
                + " it (gcm hosts recommission " + id + ")");
    }

    /** A hard write is acknowledged once this member's journal has it and its index shows it. */
    private Future<AdminResult> acknowledged(RoutingContext ctx, String id, AdminResult r) {
        Future<Void> journaled = s.journal().map(j -> {
            j.admin(id, r.state());
            return Future.fromCompletionStage(j.flush(), ctx.vertx().getOrCreateContext());
        }).orElse(Future.succeededFuture());
        return journaled.compose(v -> Replies.grid(ctx, s.feed().awaitAdmin(id, r.state().revision(), READ_YOUR_WRITES_MILLIS)))
                .map(seen -> r);
    }
}
