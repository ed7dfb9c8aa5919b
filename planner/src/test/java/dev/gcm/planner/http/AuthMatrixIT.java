package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.AGENT_H1;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the API with every kind of caller: no token, a wrong token, an agent (of h1), a reader,
 * a gate and an admin. Allowed: 200; no or a wrong token: 401; a known token without the role: 403. Every
 * 401 and 403 closes its connection. The table here is written out by hand, not read off {@link Endpoint}:
 * a route added without a line here fails the test.
 */
class AuthMatrixIT {

    private static final String BAD = "wrong-token-0123456789";
    private static final Set<String> READERS = Set.of("reader", "gate", "admin");
    private static final Set<String> DECIDERS = Set.of("gate", "admin");
    private static final Set<String> ADMINS = Set.of("admin");

    private static TestPlanner planner;
    private static final AtomicLong SEQ = new AtomicLong(10);

    /** One call of a route: method, path, a body (made afresh per call), who may make it. */
    private record Call(String method, String path, Supplier<String> body, Set<String> allowed) {
    }

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        for (var r : Fleet.threeHosts()) {
            assertThat(planner.http().put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static Map<Endpoint, Call> table() {
        Map<Endpoint, Call> t = new EnumMap<>(Endpoint.class);
        t.put(Endpoint.PING, get("/ping", Set.of("agent", "reader", "gate", "admin")));
        t.put(Endpoint.OPENAPI, get("/openapi.yaml", READERS));
        t.put(Endpoint.HOSTS, get("/hosts", READERS));
        t.put(Endpoint.HOST, get("/hosts/h1", READERS));
        t.put(Endpoint.HOST_PUT, new Call("PUT", "/hosts/h1", () -> Fleet.json(Fleet.record("h1", "z14", List.of(),
                Map.of("zone", "a"), SEQ.incrementAndGet(), List.of(Fleet.guest("web1", "z13-base")))),
                Set.of("agent", "admin")));
        t.put(Endpoint.HOST_CORDON, new Call("POST", "/hosts/h3/cordon", null, ADMINS));
        t.put(Endpoint.HOST_UNCORDON, new Call("POST", "/hosts/h3/uncordon", null, ADMINS));
        t.put(Endpoint.HOST_DECOMMISSION, new Call("DELETE", "/hosts/h2", null, ADMINS));
        // after the decommission above (the table runs in the endpoints' order): h2 has a tombstone to clear
        t.put(Endpoint.HOST_RECOMMISSION, new Call("POST", "/hosts/h2/recommission", null, ADMINS));
        t.put(Endpoint.POOLS, get("/pools", READERS));
        t.put(Endpoint.POOL_PUT, new Call("PUT", "/pools/zone-a", () -> "{\"selector\": {\"zone\": \"a\"}}", ADMINS));
        t.put(Endpoint.POOL_GCM, get("/pools/default/gcm", READERS));
        t.put(Endpoint.POOL_HEATMAP, get("/pools/default/heatmap", READERS));
        t.put(Endpoint.WHAT_IF, new Call("POST", "/pools/default/what-if", () -> "{\"remove\": [\"h3\"]}", DECIDERS));
        t.put(Endpoint.CATALOG, get("/catalog", READERS));
        t.put(Endpoint.BASELINE, new Call("POST", "/baseline", () -> "{\"models\": [{\"name\": \"z14\"}]}", DECIDERS));
        t.put(Endpoint.COMPARE, new Call("POST", "/compare",
                () -> "{\"a\": {\"name\": \"z13\"}, \"b\": {\"name\": \"z14\"}}", DECIDERS));
        t.put(Endpoint.CHECK, new Call("POST", "/migrations/check",
                () -> "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}",
                Set.of("agent", "gate", "admin"))); // the agent of h1 asks about its own host (its libvirt hook)
        t.put(Endpoint.EVACUATE, new Call("POST", "/plans/evacuate", () -> "{\"host\": \"h1\"}", DECIDERS));
        t.put(Endpoint.DECISIONS, get("/decisions", READERS));
        t.put(Endpoint.EVENTS, get("/events", READERS));
        return t;
    }

    private static Call get(String path, Set<String> allowed) {
        return new Call("GET", path, null, allowed);
    }

    @Test
    void everyRouteAnswersEveryCallerAsItsRoleAllows() throws Exception {
        Map<Endpoint, Call> table = table();
        assertThat(table.keySet()).as("a line per route").containsExactlyInAnyOrder(Endpoint.values());
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", null);
        callers.put("bad", BAD);
        callers.put("agent", AGENT_H1);
        callers.put("reader", READER);
        callers.put("gate", GATE);
        callers.put("admin", ADMIN);
        for (var e : table.entrySet()) {
            Call c = e.getValue();
            for (var caller : callers.entrySet()) {
                int expected = caller.getValue() == null || caller.getKey().equals("bad") ? 401
                        : c.allowed().contains(caller.getKey()) ? 200 : 403;
                RawHttp.Answer a = call(c, caller.getValue());
                assertThat(a.status()).as(caller.getKey() + " " + e.getKey() + " " + a.body()).isEqualTo(expected);
                if (expected != 200) {
                    assertThat(a.headers()).as(caller.getKey() + " " + e.getKey()).containsEntry("connection", "close")
                            .containsEntry("content-type", "application/json");
                    assertThat(a.body()).contains(expected == 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
                }
            }
        }
    }

    @Test
    void anAgentMayWriteOnlyItsOwnHostAndUnknownPathsNeedATokenFirst() throws Exception {
        String h2 = Fleet.json(Fleet.record("h2", "z14", SEQ.incrementAndGet()));
        assertThat(call(new Call("PUT", "/hosts/h2", () -> h2, Set.of()), AGENT_H1).status()).isEqualTo(403);
        assertThat(call(get("/nothing-here", Set.of()), null).status()).isEqualTo(401);
        RawHttp.Answer none = call(get("/nothing-here", Set.of()), READER);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("NOT_FOUND");
        assertThat(call(new Call("PATCH", "/hosts/h1", null, Set.of()), READER).status()).isEqualTo(404);
    }

    /** One call on a fresh connection (an event stream's body is left unread). */
    private static RawHttp.Answer call(Call c, String token) throws Exception {
        try (RawHttp http = new RawHttp(planner.port())) {
            String body = c.body() == null ? null : c.body().get();
            List<String> headers = new ArrayList<>();
            if (token != null) {
                headers.add("Authorization: Bearer " + token);
            }
            if (body != null) {
                headers.add("Content-Type: application/json");
                headers.add("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length);
            }
            http.head(c.method(), "/api/v1" + c.path(), headers.toArray(String[]::new));
            if (body != null) {
                http.send(body.getBytes(StandardCharsets.UTF_8));
            }
            return http.read();
        }
    }
}
