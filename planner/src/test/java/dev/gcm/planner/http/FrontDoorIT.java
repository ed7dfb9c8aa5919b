package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.AGENT_H1;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front door against what a hostile client does (issue 15): bodies sent before a token, slow
 * clients, many event streams, bad bodies of every kind, huge error answers. Timeouts here are 1 s and
 * the stream caps small, so the limits show quickly.
 */
class FrontDoorIT {

    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of("GCM_HTTP_IDLE_TIMEOUT", "1s", "GCM_HTTP_REQUEST_TIMEOUT", "1s",
                "GCM_EVENT_STREAMS_PER_CALLER", "2", "GCM_EVENT_STREAMS_MAX", "3"));
        http = planner.http();
        for (var r : Fleet.threeHosts()) {
            assertThat(http.put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static RawHttp raw() throws Exception {
        return new RawHttp(planner.port());
    }

    @Test
    void aRefusedRequestIsAnsweredFromItsHeadAloneAndItsConnectionClosed() throws Exception {
        String tenMiB = "Content-Length: " + (10 << 20);
        record Case(String method, String path, String token, String contentType, String length, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case("PUT", "/api/v1/hosts/h1", null, "application/json", tenMiB, 401, "UNAUTHENTICATED"),
                new Case("PUT", "/api/v1/hosts/h1", "nobody-token-0123456789", "application/json", tenMiB, 401,
                        "UNAUTHENTICATED"),
                new Case("PUT", "/api/v1/hosts/h2", AGENT_H1, "application/json", tenMiB, 403, "FORBIDDEN"),
                new Case("PUT", "/api/v1/pools/p", READER, "application/json", tenMiB, 403, "FORBIDDEN"),
                new Case("PUT", "/api/v1/hosts/h1", AGENT_H1, "application/json", tenMiB, 413, "BODY_TOO_LARGE"),
                new Case("POST", "/api/v1/migrations/check", GATE, "application/json", "Content-Length: 70000", 413,
                        "BODY_TOO_LARGE"),
                new Case("GET", "/api/v1/hosts", READER, "application/json", "Content-Length: 10", 413, "BODY_TOO_LARGE"),
                new Case("POST", "/api/v1/migrations/check", GATE, "text/plain", "Content-Length: 10", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Case("POST", "/api/v1/migrations/check", GATE, null, "Content-Length: 10", 415,
                        "UNSUPPORTED_MEDIA_TYPE"),
                new Case("POST", "/api/v1/migrations/check", GATE, "application/json; charset=iso-8859-1",
                        "Content-Length: 10", 415, "UNSUPPORTED_MEDIA_TYPE"),
                new Case("POST", "/api/v1/migrations/check", GATE, "application/json", "Transfer-Encoding: chunked\r\n"
                        + "Content-Type: text/plain", 415, "UNSUPPORTED_MEDIA_TYPE"));
        for (Case c : cases) {
            try (RawHttp r = raw()) {
                List<String> headers = new ArrayList<>(List.of(c.length()));
                if (c.token() != null) {
                    headers.add("Authorization: Bearer " + c.token());
                }
                if (c.contentType() != null && !c.length().contains("Content-Type")) {
                    headers.add("Content-Type: " + c.contentType());
                }
                RawHttp.Answer a = r.head(c.method(), c.path(), headers.toArray(String[]::new)).read();
                assertThat(a.status()).as(c.toString()).isEqualTo(c.status());
                assertThat(a.body()).as(c.toString()).contains("\"code\":\"" + c.code() + "\"");
                assertThat(a.headers()).as(c.toString()).containsEntry("connection", "close");
                assertThat(r.closedByServer(5000)).as(c.toString()).isTrue();
            }
        }
        assertThat(http.get("/api/v1/hosts/h1", READER).json().get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void requestsRefusedBeforeTheRouterStillGetJson() throws Exception {
        try (RawHttp r = raw()) {
            RawHttp.Answer a = r.head("GET", "/api/v1/hosts/" + "x".repeat(5000)).read();
            assertThat(a.status()).isEqualTo(414);
            assertThat(a.body()).contains("\"code\":\"URI_TOO_LONG\"");
            assertThat(a.headers()).containsEntry("content-type", "application/json");
        }
        try (RawHttp r = raw()) {
            RawHttp.Answer a = r.head("GET", "/api/v1/hosts", "X-Big: " + "y".repeat(10_000)).read();
            assertThat(a.status()).isEqualTo(431);
            assertThat(a.body()).contains("\"code\":\"HEADERS_TOO_LARGE\"");
        }
        try (RawHttp r = raw()) {
            RawHttp.Answer a = r.head("GET", "/no-such-page.html").read();
            assertThat(a.status()).isEqualTo(404);
            assertThat(a.body()).contains("\"code\":\"NOT_FOUND\"");
        }
        try (RawHttp r = raw()) {
            RawHttp.Answer a = r.send("NOT HTTP AT ALL\r\n\r\n").read();
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.body()).contains("\"code\":");
        }
    }

    @Test
    void badBodiesAre400sThatNameTheProblemNeverServerErrors() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        Map<String, String[]> corpus = new LinkedHashMap<>();
        corpus.put("null", new String[] {"/api/v1/migrations/check", "POST", GATE});
        corpus.put("[]", new String[] {"/api/v1/migrations/check", "POST", GATE});
        corpus.put("{\"guest\": " + deep + "}", new String[] {"/api/v1/migrations/check", "POST", GATE});
        corpus.put("{\"target\": \"h1\", \"target\": \"h2\", \"guest\": {\"model\": {\"name\": \"z13\"}}}",
                new String[] {"/api/v1/migrations/check", "POST", GATE});
        corpus.put("{\"target\": \"h1\", \"guest\": {\"model\": {\"name\": \"z13\"}}, \"extra\": 1}",
                new String[] {"/api/v1/migrations/check", "POST", GATE});
        corpus.put("{\"target\": \"h\\u0000\", \"guest\": {\"model\": {\"name\": \"z13\"}}}",
                new String[] {"/api/v1/migrations/check", "POST", GATE});
        corpus.put("{\"selector\": {\"zone\": \"a\", \"zone\": \"b\"}}", new String[] {"/api/v1/pools/p1", "PUT", ADMIN});
        corpus.put("{\"selector\": {\"Bad Key\": \"a\"}}", new String[] {"/api/v1/pools/p1", "PUT", ADMIN});
        corpus.put("{\"selector\": {\"zone\": \"a\\u202eb\"}}", new String[] {"/api/v1/pools/p1", "PUT", ADMIN});
        corpus.put("{\"remove\": [\"h1\"], \"remove\": [\"h2\"]}", new String[] {"/api/v1/pools/default/what-if", "POST", GATE});
        corpus.put("{\"add\": [" + "{\"name\": \"z13\"},".repeat(200) + "{\"name\": \"z13\"}]}",
                new String[] {"/api/v1/pools/default/what-if", "POST", GATE});
        corpus.put("{\"models\": [{\"name\": \"z14\", \"name\": \"z13\"}]}", new String[] {"/api/v1/baseline", "POST", GATE});
        corpus.put("{\"a\": {\"name\": \"z13\"}, \"b\": {\"name\": \"z14\"}, \"a\": {\"name\": \"z14\"}}",
                new String[] {"/api/v1/compare", "POST", GATE});
        corpus.put("null", new String[] {"/api/v1/hosts/h1", "PUT", AGENT_H1});
        corpus.put(Fleet.json(Fleet.record("h1", "z14", 5)).replace("\"seq\":5", "\"seq\":5,\"seq\":6"),
                new String[] {"/api/v1/hosts/h1", "PUT", AGENT_H1});
        corpus.put("{\"host\": \"h1\", \"host\": \"h2\"}", new String[] {"/api/v1/plans/evacuate", "POST", GATE});
        corpus.forEach((body, where) -> {
            Http.Answer a = http.call(where[1], where[0], where[2], body);
            assertThat(a.status()).as(where[0] + " " + cut(body) + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().get("message").asText()).as(cut(body)).isNotBlank();
        });
        assertThat(http.get("/api/v1/hosts/h1", READER).json().get("seq").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/pools", READER).body()).doesNotContain("p1");
    }

    @Test
    void errorAnswersStaySmallHoweverLargeTheMistake() {
        String record = Fleet.json(Fleet.record("h1", "z14", 9));
        String bits = "-1,".repeat(16_000) + "-1";
        String bad = record.replaceFirst("\"hard\":\\[[0-9,]*\\]", "\"hard\":[" + bits + "]");
        assertThat(bad).contains(bits);
        Http.Answer a = http.put("/api/v1/hosts/h1", AGENT_H1, bad);
        assertThat(a.status()).isEqualTo(400);
        JsonNode body = a.json();
        assertThat(body.get("code").asText()).isEqualTo("INVALID_RECORD");
        assertThat(body.get("violations")).hasSize(50);
        assertThat(body.get("violationCount").asInt()).isEqualTo(16_001);
        assertThat(a.body().length()).isLessThan(16_000);

        Http.Answer longName = http.put("/api/v1/hosts/h1", AGENT_H1,
                record.replace("\"hostId\"", "\"" + "k".repeat(500_000) + "\":1,\"hostId\""));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body().length()).isLessThan(4_000);
    }

    @Test
    void slowHeadersAndSlowBodiesAreClosed() throws Exception {
        try (RawHttp r = raw()) {
            r.send("GET /api/v1/hosts HTTP/1.1\r\nHost: x\r\n");
            assertThat(r.closedByServer(5000)).as("headers never finished").isTrue();
        }
        try (RawHttp r = raw()) {
            RawHttp.Answer a = r.head("PUT", "/api/v1/hosts/h1", "Authorization: Bearer " + AGENT_H1,
                    "Content-Type: application/json", "Content-Length: 1000").send("{\"apiVersion\":").read();
            assertThat(a.status()).isEqualTo(408);
            assertThat(a.body()).contains("REQUEST_TIMEOUT");
            assertThat(r.closedByServer(5000)).isTrue();
        }
        try (RawHttp r = raw()) {
            assertThat(r.head("GET", "/livez").read().status()).isEqualTo(200);
            assertThat(r.closedByServer(5000)).as("idle between requests").isTrue();
        }
    }

    @Test
    void eventStreamsAreCappedPerCallerAndInAll() throws Exception {
        List<RawHttp> open = new ArrayList<>();
        try {
            assertThat(stream(open, READER)).isEqualTo(200);
            assertThat(stream(open, READER)).isEqualTo(200);
            assertThat(stream(open, READER)).as("a third for one caller").isEqualTo(429);
            assertThat(stream(open, GATE)).isEqualTo(200);
            assertThat(stream(open, ADMIN)).as("a fourth on this member").isEqualTo(429);
            open.get(0).close();
            await().atMost(Duration.ofSeconds(10)).until(() -> stream(open, ADMIN) == 200);
        } finally {
            for (RawHttp r : open) {
                r.close();
            }
        }
    }

    private static int stream(List<RawHttp> open, String token) throws Exception {
        RawHttp r = raw();
        open.add(r);
        RawHttp.Answer a = r.head("GET", "/api/v1/events", "Authorization: Bearer " + token).read();
        if (a.status() == 429) {
            assertThat(a.body()).contains("TOO_MANY_STREAMS");
        }
        return a.status();
    }

    private static String cut(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
