package dev.gcm.planner.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times out slow clients on one HTTP verticle's connections (all on its event loop, so no locks): a
 * connection waiting for a request's headers, new or between requests, is closed after the idle
 * timeout (this closes slow headers too: Vert.x sees no request until its headers are complete); a
 * request whose body has not fully arrived by the request timeout after its headers gets 408 and its
 * connection is closed. Requests being answered (a worker computing, an event stream) are left alone.
 * A sweep every {@link #period} checks every connection; a request only stamps its start.
 */
final class ConnectionGuard {

    /** One connection: the request in progress (null between requests) and since when it is in that state. */
    private static final class State {
        HttpServerRequest current;
        long since;

        State(long since) {
            this.since = since;
        }
    }

    private final Map<HttpConnection, State> open = new HashMap<>();
    private final long idleMillis;
    private final long requestMillis;

    ConnectionGuard(Duration idle, Duration request) {
        this.idleMillis = idle.toMillis();
        this.requestMillis = request.toMillis();
    }

    /** How often to sweep: a quarter of the shorter timeout, between 50 ms and 1 s. */
    long period() {
        return Math.max(50, Math.min(1000, Math.min(idleMillis, requestMillis) / 4));
    }

    /** Starts sweeping on the calling context (the verticle's event loop). */
    long start(Vertx vertx) {
        return vertx.setPeriodic(period(), id -> sweep(System.currentTimeMillis()));
    }

    void opened(HttpConnection connection) {
        open.put(connection, new State(System.currentTimeMillis()));
        connection.closeHandler(v -> open.remove(connection));
    }

    void request(HttpServerRequest request) {
        State s = open.get(request.connection());
        if (s != null) {
            s.current = request;
            s.since = System.currentTimeMillis();
        }
    }

    int size() {
        return open.size();
    }

    private void sweep(long now) {
        List<HttpConnection> idle = new ArrayList<>();
        List<HttpServerRequest> slow = new ArrayList<>();
        open.forEach((connection, s) -> {
            if (s.current != null && s.current.response().ended()) {
                s.current = null;
                s.since = now;
            }
            if (s.current == null) {
                if (now - s.since > idleMillis) {
                    idle.add(connection);
                }
            } else if (Json.bodyUnread(s.current) && now - s.since > requestMillis) {
                slow.add(s.current);
            }
        });
        idle.forEach(c -> {
            open.remove(c);
            c.close();
        });
        slow.forEach(r -> {
            open.remove(r.connection());
            if (r.response().headWritten()) {
                r.connection().close();
            } else {
                Json.send(r, 408, new ApiError(408, "REQUEST_TIMEOUT", "the request body did not arrive within "
                        + requestMillis + " ms of its headers").body());
            }
        });
    }
}
