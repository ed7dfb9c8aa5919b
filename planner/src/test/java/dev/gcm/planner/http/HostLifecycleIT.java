package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.AGENT_H1;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host's life through the API of one real member: the order of reports, decommission and
 * recommission, leaving, heartbeats that change nothing but freshness, and the decision log.
 */
class HostLifecycleIT {

    private static final String CHECK_H1 = "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}";
    private static TestPlanner planner;
    private static Http http;
    private static Path state;

    @BeforeAll
    static void start() throws Exception {
        state = Files.createTempDirectory("gcm-state");
        planner = TestPlanner.start(Map.of("GCM_STATE_DIR", state.toString()));
        http = planner.http();
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static Http.Answer report(HostRecord r) {
        return http.put("/api/v1/hosts/" + r.hostId(), AGENT_H1, Fleet.json(r));
    }

    private static HostRecord h1(long seq) {
        return Fleet.record("h1", "z14", seq);
    }

    @Test
    void reportsAreOrderedByBootAndSeqAndA409SaysWhereToContinue() {
        long base = System.currentTimeMillis() * 1000;
        assertThat(report(h1(base)).status()).isEqualTo(200);
        Http.Answer again = report(h1(base));
        assertThat(again.status()).as("a retry of the same report").isEqualTo(200);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        HostRecord otherBoot = new HostRecord(h1(base - 5).apiVersion(), HostRecord.KIND, "h1", Map.of(),
                h1(base).machine(), h1(base).hostModel(), h1(base).facilities(), h1(base).hypervisor(), List.of(),
                h1(base).probeTime(), "test", "another-boot", base - 5);
        Http.Answer stale = report(otherBoot);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("code").asText()).isEqualTo("STALE_REPORT");
        assertThat(stale.json().path("lastAccepted").path("seq").asLong()).isEqualTo(base);
        assertThat(stale.json().path("lastAccepted").path("bootId").asText()).isEqualTo("boot-h1");

        for (long seq : new long[] {base + 86_400_000_000L + 60_000_000L, Long.MAX_VALUE}) {
            Http.Answer future = report(h1(seq));
            assertThat(future.status()).as("seq " + seq).isEqualTo(400);
            assertThat(future.json().path("code").asText()).isEqualTo("SEQ_IN_FUTURE");
        }
        assertThat(report(h1(base + 1)).status()).isEqualTo(200);
    }

    @Test
    void aHeartbeatChangesNeitherTheIndexVersionNorTheGcm() {
        long seq = System.currentTimeMillis() * 1000 + 10_000_000;
        assertThat(http.put("/api/v1/hosts/h2", TestPlanner.AGENT_H2, Fleet.json(Fleet.record("h2", "z13", seq)))
                .status()).isEqualTo(200);
        long version = http.get("/api/v1/hosts", READER).json().path("version").asLong();
        assertThat(http.put("/api/v1/hosts/h2", TestPlanner.AGENT_H2, Fleet.json(Fleet.record("h2", "z13", seq + 1)))
                .status()).isEqualTo(200);
        JsonNode after = http.get("/api/v1/hosts", READER).json();
        assertThat(after.path("version").asLong()).isEqualTo(version);
        for (JsonNode h : after.path("hosts")) {
            if (h.path("hostId").asText().equals("h2")) {
                assertThat(h.path("seq").asLong()).isEqualTo(seq + 1);
            }
        }
    }

    @Test
    void aDecommissionedHostIsRefusedUntilRecommissioned() {
        String id = "d1";
        long seq = System.currentTimeMillis() * 1000;
        assertThat(http.put("/api/v1/hosts/" + id, ADMIN, Fleet.json(Fleet.record(id, "z14", seq))).status()).isEqualTo(200);
        assertThat(http.call("DELETE", "/api/v1/hosts/" + id, ADMIN, null).status()).isEqualTo(200);
        Http.Answer refused = http.put("/api/v1/hosts/" + id, ADMIN, Fleet.json(Fleet.record(id, "z14", seq + 1)));
        assertThat(refused.status()).isEqualTo(410);
        assertThat(refused.json().path("code").asText()).isEqualTo("HOST_DECOMMISSIONED");
        JsonNode verdict = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"" + id + "\"}").json();
        assertThat(verdict.path("decision").asText()).isEqualTo("rejected");
        assertThat(verdict.path("reasons").findValuesAsText("code")).containsExactly("TARGET_DECOMMISSIONED");
        assertThat(http.call("DELETE", "/api/v1/hosts/" + id, ADMIN, null).status()).isEqualTo(410);
        assertThat(http.post("/api/v1/hosts/" + id + "/cordon", ADMIN, null).status()).isEqualTo(410);

        assertThat(http.post("/api/v1/hosts/" + id + "/recommission", READER, null).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/hosts/" + id + "/recommission", ADMIN, null).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/hosts/" + id + "/recommission", ADMIN, null).json().path("code").asText())
                .isEqualTo("NOT_DECOMMISSIONED");
        assertThat(http.put("/api/v1/hosts/" + id, ADMIN, Fleet.json(Fleet.record(id, "z14", seq + 2))).status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/hosts/" + id, READER).status()).isEqualTo(200);
    }

    @Test
    void aLeavingHostIsNoTarget() {
        String id = "leaving-1";
        HostRecord r = Fleet.record(id, "z14", List.of(), Map.of(IndexedHost.LEAVING_LABEL, "true"),
                System.currentTimeMillis() * 1000, List.of());
        assertThat(http.put("/api/v1/hosts/" + id, ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        JsonNode verdict = http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"" + id + "\"}").json();
        assertThat(verdict.path("decision").asText()).isEqualTo("rejected");
        assertThat(verdict.path("reasons").findValuesAsText("code")).containsExactly("TARGET_LEAVING");
        assertThat(verdict.path("conditions").findValuesAsText("condition")).contains("quorum", "target-known",
                "cpu-model", "not-leaving");
    }

    @Test
    void theLastThousandDecisionsReturnedAreAllInTheLog() throws Exception {
        report(h1(System.currentTimeMillis() * 1000 + 20_000_000));
        Set<String> returned = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Http.Answer a = http.post("/api/v1/migrations/check", GATE, CHECK_H1);
            assertThat(a.status()).isEqualTo(200);
            returned.add(a.json().path("decisionId").asText());
        }
        Set<String> logged = new HashSet<>(http.get("/api/v1/decisions?limit=1000", READER).json().path("decisions")
                .findValuesAsText("decisionId"));
        assertThat(logged).containsAll(returned);
        String audit = Files.readString(state.resolve("audit").resolve("decisions.jsonl"));
        assertThat(returned).allSatisfy(id -> assertThat(audit).contains(id));
        assertThat(http.get("/metrics", null).body()).contains("gcm_decisions_dropped_total{sink=\"ring\"} 0.0")
                .contains("gcm_decisions_dropped_total{sink=\"audit\"} 0.0");
    }

    /**
     * Checks from many connections at once (the member hands each event loop's decisions to the audit file
     * together): every answer's decision is in the audit file by the time the answer arrives.
     */
    @Test
    void concurrentChecksAreEachInTheAuditFileWhenAnswered() throws Exception {
        // a host of its own: the other tests order h1's reports by seq
        assertThat(http.put("/api/v1/hosts/batch-h", ADMIN, Fleet.json(Fleet.record("batch-h", "z14",
                System.currentTimeMillis() * 1000))).status()).isEqualTo(200);
        String check = "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"batch-h\"}";
        Path file = state.resolve("audit").resolve("decisions.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<List<String>>> missing = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                missing.add(pool.submit(() -> {
                    Http own = planner.http();
                    List<String> notYet = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        Http.Answer a = own.post("/api/v1/migrations/check", GATE, check);
                        assertThat(a.status()).isEqualTo(200);
                        String id = a.json().path("decisionId").asText();
                        if (!Files.readString(file).contains(id)) {
                            notYet.add(id);
                        }
                    }
                    return notYet;
                }));
            }
            for (var f : missing) {
                assertThat(f.get(2, TimeUnit.MINUTES)).as("answered before the audit file had them")
                        .isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
