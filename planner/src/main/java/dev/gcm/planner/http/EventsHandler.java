package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.PoolHeadline;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * /api/v1/events: server-sent events. Each subscriber gets a {@code change} event at once and after
 * every change of this member's index (checked every {@value #CHECK_MILLIS} ms, so bursts of updates
 * become one event), each with the index version and every pool's GCM headline. A comment line every
 * {@value #PING_MILLIS} ms keeps idle connections open through proxies. One handler per HTTP verticle
 * (its streams are written on that verticle's event loop); the caps on streams per caller and in all
 * are shared ({@link StreamLimits}).
 */
final class EventsHandler {

    static final long CHECK_MILLIS = 200;
    static final long PING_MILLIS = 15_000;

    private final Services s;
    /** Each open stream and the index version it was last sent. */
    private final Map<HttpServerResponse, Long> subscribers = new ConcurrentHashMap<>();

    EventsHandler(Vertx vertx, Services s) {
        this.s = s;
        vertx.setPeriodic(CHECK_MILLIS, id -> publishIfChanged());
        vertx.setPeriodic(PING_MILLIS, id -> subscribers.keySet().forEach(r -> send(r, ": ping\n\n")));
    }

    void subscribe(RoutingContext ctx) {
        String caller = Replies.callerKey(ctx);
        s.streams().open(caller);
        HttpServerResponse response = ctx.response().setChunked(true)
                .putHeader("content-type", "text/event-stream; charset=utf-8")
                .putHeader("cache-control", "no-store").putHeader("x-accel-buffering", "no");
        FleetIndex.Versioned<List<PoolHeadline>> now = s.index().headlines();
        subscribers.put(response, now.version());
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable gone = () -> {
            subscribers.remove(response);
            if (counted.getAndSet(false)) {
                s.streams().closed(caller);
            }
        };
        response.closeHandler(v -> gone.run());
        response.exceptionHandler(e -> gone.run());
        response.write(event(now));
    }

    private void publishIfChanged() {
        if (subscribers.isEmpty()) {
            return;
        }
        long version = s.index().version();
        if (subscribers.values().stream().allMatch(v -> v == version)) {
            return;
        }
        FleetIndex.Versioned<List<PoolHeadline>> now = s.index().headlines();
        String event = event(now);
        subscribers.replaceAll((r, sent) -> {
            if (sent != now.version()) {
                send(r, event);
            }
            return now.version();
        });
    }

    /**
     * Writes to one stream; a stream that went away, or whose reader has stopped reading (its write queue
     * is full), is dropped and its connection closed, and the others still get theirs.
     */
    private void send(HttpServerResponse r, String text) {
        try {
            if (r.writeQueueFull()) {
                subscribers.remove(r);
                r.reset();
                return;
            }
            r.write(text).onFailure(e -> {
                subscribers.remove(r);
                r.reset();
            });
        } catch (IllegalStateException e) {
            subscribers.remove(r);
        }
    }

    private String event(FleetIndex.Versioned<List<PoolHeadline>> headlines) {
        ObjectNode data = Json.object().put("version", headlines.version());
        ArrayNode pools = data.putArray("pools");
        for (PoolHeadline p : headlines.value()) {
            ObjectNode n = pools.addObject().put("pool", p.pool()).put("hostCount", p.hostCount())
                    .put("common", p.model().isPresent());
            p.model().ifPresent(m -> n.put("gcm", m.definition().name()).put("ibc", m.ibc().toString())
                    .put("featureCount", m.features().size()));
        }
        return "event: change\nid: " + headlines.version() + "\ndata: " + data + "\n\n";
    }
}
