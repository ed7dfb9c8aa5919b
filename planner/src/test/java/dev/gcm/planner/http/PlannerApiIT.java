package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.AGENT_H1;
import static dev.gcm.planner.support.TestPlanner.AGENT_H2;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real planner member over real HTTP: every endpoint, bad input, the gate (the auth matrix: {@link AuthMatrixIT}). */
class PlannerApiIT {

    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        put(Fleet.record("h1", "z14", List.of(), Map.of("zone", "a"), 1,
                List.of(Fleet.guest("web1", "z13-base", Map.of("csske", false)), Fleet.guest("db1", "z14"))), AGENT_H1);
        put(Fleet.record("h2", "gen15a", List.of("vxeh2"), Map.of("zone", "b"), 1, List.of()), AGENT_H2);
        put(Fleet.withRange(Fleet.record("h3", "z13", List.of("te"), Map.of("zone", "a"), 1, List.of()),
                "0x021", "0x032"), ADMIN);
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static Http.Answer put(HostRecord r, String token) {
        Http.Answer a = http.put("/api/v1/hosts/" + r.hostId(), token, Fleet.json(r));
        return a;
    }

    private static JsonNode gcm(String pool) {
        Http.Answer a = http.get("/api/v1/pools/" + pool + "/gcm", READER);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static JsonNode check(String guestModel, String target) {
        Http.Answer a = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"g\", \"model\": {\"name\": \"" + guestModel + "\"}}, \"target\": \"" + target + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static List<String> codes(JsonNode decision) {
        List<String> out = new ArrayList<>();
        decision.get("reasons").forEach(r -> out.add(r.get("code").asText()));
        return out;
    }

    @Test
    void theGcmEqualsTheOfflineGcmOfTheSameRecords() {
        HostRecordValidator v = new HostRecordValidator(Fleet.CATALOG);
        List<GcmHost> hosts = new ArrayList<>();
        for (JsonNode h : http.get("/api/v1/hosts", READER).json().get("hosts")) {
            JsonNode full = http.get("/api/v1/hosts/" + h.get("hostId").asText(), READER).json().get("record");
            HostRecord r = dev.gcm.hypervisor.record.HostRecordJson.read(full.toString().getBytes());
            hosts.add(v.validate(r).toGcmHost());
        }
        var offline = Gcm.compute(Fleet.CATALOG, hosts).model().orElseThrow();
        JsonNode online = gcm("default");
        assertThat(online.get("hostCount").asInt()).isEqualTo(hosts.size());
        assertThat(online.get("definition").get("name").asText()).isEqualTo(offline.definition().name());
        assertThat(online.get("features")).hasSize(offline.features().size());
        assertThat(online.get("qemu").toString()).isEqualTo(
                dev.gcm.facilitydb.json.CpuModelInfoJson.write(Expansion.staticForm(Fleet.CATALOG, offline)).toString());
        assertThat(online.get("version").asLong()).isPositive();
        assertThat(online.get("limitedBy").toString()).contains("h3");
    }

    @Test
    void aReportNotNewerThanTheStoredOneIsRefusedAndChangesNothing() {
        long version = gcm("default").get("version").asLong();
        HostRecord older = Fleet.record("h1", "z13", List.of(), Map.of("zone", "a"), 1, List.of())
                .withReport("another-boot", 1, java.time.Instant.now()); // the same (bootId, seq) is a duplicate: 200
        Http.Answer a = put(older, AGENT_H1);
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().get("code").asText()).isEqualTo("STALE_REPORT");
        assertThat(http.get("/api/v1/hosts/h1", READER).json().get("definition").asText()).isEqualTo("z14");
        assertThat(gcm("default").get("version").asLong()).isEqualTo(version);
    }

    @Test
    void badInputGetsAClearErrorAndStoresNothing() throws Exception {
        long version = gcm("default").get("version").asLong();
        String good = Fleet.json(Fleet.record("h2", "gen15a", 50));
        Map<String, String> corpus = new java.util.LinkedHashMap<>();
        corpus.put("{\"apiVersion\": ", "INVALID_JSON");
        corpus.put("[]", "INVALID_JSON");
        corpus.put(good.replace("\"seq\":50", "\"seq\":\"x\""), "INVALID_JSON");
        corpus.put(good.replace("\"hostId\":\"h2\"", "\"hostId\":\"h2\",\"extra\":1"), "INVALID_JSON");
        corpus.put(good.replace("\"machineType\":\"8561\"", "\"machineType\":\"9999\""), "INVALID_RECORD");
        corpus.put(good.replace("\"hard\":[", "\"hard\":[16384,"), "INVALID_RECORD");
        corpus.put(good.replace("\"lowest\":\"0x001\"", "\"lowest\":\"0x061\""), "INVALID_RECORD");
        corpus.put(good.replace("\"name\":\"gen15a-base\"", "\"name\":\"gen99-base\""), "INVALID_RECORD");
        corpus.put(good.replace("\"props\":{", "\"props\":{\"warp\":true,"), "INVALID_RECORD");
        corpus.put(good.replace("\"hostId\":\"h2\"", "\"hostId\":\"h1\""), "HOST_MISMATCH");
        corpus.forEach((body, code) -> {
            Http.Answer a = http.put("/api/v1/hosts/h2", AGENT_H2, body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.json().get("code").asText()).as(body).isEqualTo(code);
            assertThat(a.json().get("message").asText()).as(body).isNotBlank();
        });
        // as a careful client uploads (curl does for large bodies): the head first, the body only when asked for it;
        // the answer comes from the head alone (a client that sends the body regardless may see a reset instead)
        try (RawHttp r = new RawHttp(planner.port())) {
            RawHttp.Answer huge = r.head("PUT", "/api/v1/hosts/h2", "Authorization: Bearer " + AGENT_H2,
                    "Content-Type: application/json", "Content-Length: " + ((1 << 20) + 10), "Expect: 100-continue").read();
            assertThat(huge.status()).isEqualTo(413);
            assertThat(huge.body()).contains("BODY_TOO_LARGE");
            assertThat(r.closedByServer(5000)).isTrue();
        }
        assertThat(http.put("/api/v1/hosts/h2", AGENT_H1, good).status()).isEqualTo(403);
        assertThat(gcm("default").get("version").asLong()).isEqualTo(version);
        assertThat(http.get("/api/v1/hosts/h2", READER).json().get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void aBodyAwaitingContinueIsAskedForOnceTheDoorLetsItIn() throws Exception {
        String good = Fleet.json(Fleet.record("h2", "gen15a", 1));
        byte[] body = good.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (RawHttp r = new RawHttp(planner.port())) {
            RawHttp.Answer go = r.head("PUT", "/api/v1/hosts/h2", "Authorization: Bearer " + AGENT_H2,
                    "Content-Type: application/json", "Content-Length: " + body.length, "Expect: 100-continue").read();
            assertThat(go.status()).isEqualTo(100);
            RawHttp.Answer stale = r.send(body).read();
            assertThat(stale.status()).as(stale.body()).isEqualTo(409); // seq 1 is already stored
        }
        try (RawHttp r = new RawHttp(planner.port())) {
            RawHttp.Answer no = r.head("PUT", "/api/v1/hosts/h2", "Authorization: Bearer " + AGENT_H1,
                    "Content-Type: application/json", "Content-Length: " + body.length, "Expect: 100-continue").read();
            assertThat(no.status()).as("another host's agent is refused from the head").isEqualTo(403);
        }
    }

    @Test
    void theGateApprovesWhatFitsAndSaysWhyNot() {
        JsonNode ok = check("z13", "h1");
        assertThat(ok.get("decision").asText()).isEqualTo("approved");
        assertThat(ok.get("comparison").get("result").asText()).isEqualTo("subset");
        assertThat(ok.get("decisionId").asText()).isNotBlank();

        JsonNode tooNew = check("gen15a", "h1");
        assertThat(tooNew.get("decision").asText()).isEqualTo("rejected");
        assertThat(codes(tooNew)).contains("MISSING_FEATURES", "MODEL_TOO_NEW");

        JsonNode missing = check("gen15a", "h2");
        assertThat(codes(missing)).containsExactly("MISSING_FEATURES");
        JsonNode lacked = missing.get("reasons").get(0);
        assertThat(lacked.get("features").toString()).contains("vxeh2");
        // the features are counted in the message and listed once, in features
        assertThat(lacked.get("message").asText())
                .isEqualTo("host 'h2' lacks " + lacked.get("features").size() + " feature(s) the guest uses");

        JsonNode ibc = check("z14", "h3");
        assertThat(codes(ibc)).contains("IBC_ABOVE_UNBLOCKED");

        assertThat(codes(check("z13", "nowhere"))).containsExactly("TARGET_UNKNOWN");

        assertThat(http.post("/api/v1/hosts/h1/cordon", ADMIN, null).status()).isEqualTo(200);
        assertThat(codes(check("z13", "h1"))).containsExactly("TARGET_CORDONED");
        assertThat(http.post("/api/v1/hosts/h1/uncordon", ADMIN, null).status()).isEqualTo(200);
        assertThat(check("z13", "h1").get("decision").asText()).isEqualTo("approved");

        Http.Answer byName = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"web1\"}, \"source\": \"h1\", \"target\": \"h2\"}");
        assertThat(byName.json().get("decision").asText()).isEqualTo("approved");
        // the named z14 model carries csske, which gen15 machines dropped
        JsonNode csske = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"db1\"}, \"target\": \"h2\"}").json();
        assertThat(csske.get("decision").asText()).isEqualTo("rejected");
        JsonNode dropped = csske.get("reasons").get(0);
        assertThat(dropped.get("features").toString()).startsWith("[\"csske\",\"bpb\""); // deprecated ones first
        // deprecated features are named in the message, with what that means
        assertThat(dropped.get("message").asText()).startsWith("host 'h2' lacks " + dropped.get("features").size()
                + " feature(s) the guest uses; csske and bpb are deprecated").contains("gen15 and later dropped csske and bpb");
        Http.Answer unknownGuest = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"name\": \"nobody\"}, \"target\": \"h2\"}");
        assertThat(unknownGuest.status()).isEqualTo(400);
        assertThat(unknownGuest.json().get("code").asText()).isEqualTo("GUEST_UNKNOWN");

        JsonNode log = http.get("/api/v1/decisions", READER).json().get("decisions");
        assertThat(log.size()).isGreaterThanOrEqualTo(6);
        assertThat(log.toString()).contains("TARGET_CORDONED").contains("\"caller\":\"gate#");
        assertThat(http.get("/metrics", null).body()).contains("gcm_decisions_total{reason=\"MISSING_FEATURES\",result=\"rejected\"}");
    }

    @Test
    void withoutAnAuditFileTheRingsThreadSleepsUntilADecisionWakesIt() {
        // this member has no state directory, so no audit file: every answer waits for the grid's ring
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ringThreads()).isNotEmpty().allSatisfy(t -> assertThat(t.getState())
                        .as("an idle ring thread parks without a deadline").isEqualTo(Thread.State.WAITING)));
        JsonNode answer = check("z13", "h2");
        String id = answer.get("decisionId").asText();
        assertThat(http.get("/api/v1/decisions?limit=1000", READER).json().get("decisions").toString()).contains(id);
    }

    private static List<Thread> ringThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("gcm-decision-ring")).toList();
    }

    @Test
    void poolsSelectByLabelAndQuarantineHostsBelowTheirFloor() {
        Http.Answer put = http.put("/api/v1/pools/zone-a-floor", ADMIN,
                "{\"selector\": {\"zone\": \"a\"}, \"floor\": {\"name\": \"z14-base\"}}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode g = gcm("zone-a-floor");
        assertThat(g.get("hostCount").asInt()).isEqualTo(1);
        assertThat(g.get("quarantined").has("h3")).isTrue();
        assertThat(g.get("definition").get("name").asText()).isEqualTo("z14");
        assertThat(http.put("/api/v1/pools/Bad_Name", ADMIN, "{}").status()).isEqualTo(400);
        assertThat(http.put("/api/v1/pools/p2", ADMIN, "{\"floor\": {\"name\": \"z99\"}}").json().get("field").asText())
                .isEqualTo("$.floor");
        assertThat(http.get("/api/v1/pools/nope/gcm", READER).status()).isEqualTo(404);
    }

    @Test
    void whatIfAndEvacuationChangeNothing() {
        long version = gcm("default").get("version").asLong();
        JsonNode w = http.post("/api/v1/pools/default/what-if", GATE,
                "{\"remove\": [\"h3\"], \"add\": [{\"id\": \"new\", \"model\": {\"name\": \"gen16a\"}}]}").json();
        assertThat(w.get("before").get("definition").get("name").asText()).isEqualTo("z13");
        assertThat(w.get("after").get("definition").get("generation").asInt()).isEqualTo(14);
        JsonNode old = http.post("/api/v1/pools/default/what-if", GATE,
                "{\"add\": [{\"id\": \"tiny\", \"model\": {\"name\": \"z13-base\"}}]}").json();
        assertThat(old.get("guestsThatCannotRunOnAddedHosts").toString()).contains("db1").contains("tiny")
                .doesNotContain("web1");
        JsonNode loses = http.post("/api/v1/pools/default/what-if", GATE, "{\"remove\": [\"h2\", \"h3\"]}").json();
        assertThat(loses.get("guestsLosingTheirLastTarget").toString()).contains("web1");
        assertThat(http.post("/api/v1/pools/default/what-if", GATE, "{\"remove\": [\"zz\"]}").status()).isEqualTo(400);

        JsonNode plan = http.post("/api/v1/plans/evacuate", GATE, "{\"host\": \"h1\"}").json();
        JsonNode web1 = plan.get("guests").get(0).get("guest").asText().equals("web1")
                ? plan.get("guests").get(0) : plan.get("guests").get(1);
        JsonNode db1 = plan.get("guests").get(0) == web1 ? plan.get("guests").get(1) : plan.get("guests").get(0);
        assertThat(web1.get("targets").toString()).contains("h2").contains("h3");
        assertThat(db1.get("targets")).isEmpty();
        assertThat(db1.get("rejected").toString()).contains("MODEL_TOO_NEW").contains("csske");
        assertThat(gcm("default").get("version").asLong()).isEqualTo(version);
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        assertThat(http.get("/livez", null).status()).isEqualTo(200);
        // readiness is worked out every 500 ms off the event loop: ready soon after start, not at once
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> http.get("/readyz", null).status() == 200);
        Http.Answer ready = http.get("/readyz", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("quorum").asBoolean()).isTrue();
        assertThat(ready.json().has("waitingFor")).as(ready.body()).isFalse();
        assertThat(http.get("/metrics", null).body()).contains("gcm_hosts ").contains("gcm_index_version");
        assertThat(http.get("/api/v1/openapi.yaml", READER).body()).contains("openapi: 3.0.3").contains("/migrations/check");
        Http.Answer none = http.get("/api/v1/nothing-here", READER);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void baselineAndCompareAnswerAsTheOfflineTool() {
        JsonNode b = http.post("/api/v1/baseline", GATE, "{\"models\": [{\"name\": \"z14\"}, {\"name\": \"z13\"}]}").json();
        assertThat(b.get("definition").get("name").asText()).isEqualTo("z13");
        JsonNode c = http.post("/api/v1/compare", GATE, "{\"a\": {\"name\": \"z14\"}, \"b\": {\"name\": \"z13\"}}").json();
        assertThat(c.get("result").asText()).isEqualTo("superset");
        assertThat(c.get("responsible-properties").toString()).contains("type");
        Http.Answer bad = http.post("/api/v1/compare", GATE, "{\"a\": {\"name\": \"z14\", \"props\": {\"warp\": true}}, \"b\": {\"name\": \"z13\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("message").asText()).contains("warp");
    }
}
