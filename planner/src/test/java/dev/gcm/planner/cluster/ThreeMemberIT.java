package dev.gcm.planner.cluster;

import static dev.gcm.planner.cluster.MemberJvms.ADMIN;
import static dev.gcm.planner.cluster.MemberJvms.GATE;
import static dev.gcm.planner.cluster.MemberJvms.check;
import static dev.gcm.planner.cluster.MemberJvms.gcm;
import static dev.gcm.planner.cluster.MemberJvms.host;
import static dev.gcm.planner.cluster.MemberJvms.offlineGcm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.JarProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three planner JVMs under load: kill -9 of one, SIGSTOP of one, kill -9 of two and a restart of all:
 * no acknowledged record or hard-state decision lost, one GCM everywhere equal to the offline GCM, a
 * lone member approving and storing nothing, a paused member making writes fail fast instead of hang.
 */
class ThreeMemberIT {

    private static final List<String> LOOPBACK = List.of("127.0.0.1", "127.0.0.1", "127.0.0.1");

    private static MemberJvms cluster(Path dir) throws Exception {
        return new MemberJvms(dir, LOOPBACK, LOOPBACK, i -> List.of()).startAll();
    }

    private static void putHosts(MemberJvms c, int hosts, long seq) {
        for (int i = 0; i < hosts; i++) {
            Http.Answer a = c.member(i % 3).http.put("/api/v1/hosts/host-" + i, ADMIN, Fleet.json(host(i, seq)));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
    }

    private static List<String> codes(JarProcess m, String host) {
        return m.http.post("/api/v1/migrations/check", GATE, check(host)).json().path("reasons").findValuesAsText("code");
    }

    @Test
    void aKilledMemberLosesNoAcknowledgedRecordAndTheGcmStaysTheOfflineOne(@TempDir Path dir) throws Exception {
        try (MemberJvms c = cluster(dir)) {
            putHosts(c, 12, 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> List.of(0, 1, 2).stream().allMatch(i ->
                    c.member(i).http.get("/api/v1/hosts", ADMIN).json().get("hosts").size() == 12));
            String expected = offlineGcm(c.member(0));
            for (int i = 0; i < 3; i++) {
                assertThat(gcm(c.member(i)).get("qemu").toString()).isEqualTo(expected);
            }
            List<JarProcess> survivors = List.of(c.member(0), c.member(2));
            Load load = new Load(() -> survivors, 12, 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acked.size() == 12);
            c.member(1).kill();
            int before = load.writeAnswers.getOrDefault("200", new AtomicInteger()).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.writeAnswers.get("200").get() > before + 48);
            load.close();

            assertThat(load.approvals.get()).isPositive();
            for (JarProcess m : survivors) {
                for (var e : load.acked.entrySet()) {
                    long stored = m.http.get("/api/v1/hosts/" + e.getKey(), ADMIN).json().get("seq").asLong();
                    assertThat(stored).as(e.getKey() + " on member " + m.port).isGreaterThanOrEqualTo(e.getValue());
                }
            }
            String after = offlineGcm(survivors.get(0));
            for (JarProcess m : survivors) {
                await().atMost(Duration.ofSeconds(10)).until(() -> gcm(m).get("qemu").toString().equals(after));
            }
        }
    }

    @Test
    void aPausedMemberMakesWritesFailFastInsteadOfHang(@TempDir Path dir) throws Exception {
        try (MemberJvms c = cluster(dir)) {
            // enough hosts that some of their partitions are certainly owned by the member to be paused
            putHosts(c, 36, 1);
            List<JarProcess> healthy = List.of(c.member(0), c.member(2));
            Load load = new Load(() -> healthy, 36, 2);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acked.size() == 36);
            int approvalsBefore = load.approvals.get();
            c.member(1).pause();
            try {
                // writes to partitions the paused member owns time out; the rest go on
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(
                        load.writeAnswers.getOrDefault("503 GRID_TIMEOUT", new AtomicInteger()).get())
                        .as(() -> "write answers " + load.writeAnswers).isPositive());
                // the decision log asks every member: it answers without the paused one, and says so
                Http.Answer log = c.member(0).http.get("/api/v1/decisions?limit=10", ADMIN);
                assertThat(log.status()).as(log.body()).isEqualTo(200);
                assertThat(log.json().path("decisions").size()).isPositive();
                int ok = load.writeAnswers.get("200").get();
                await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(load.writeAnswers.get("200").get())
                        .as(() -> "write answers " + load.writeAnswers).isGreaterThan(ok + 6));
            } finally {
                c.member(1).resume();
            }
            load.close();
            System.out.println("paused member: write answers " + load.writeAnswers + ", slowest write "
                    + load.slowestWriteMillis.get() + " ms");
            assertThat(load.slowestWriteMillis.get()).as("no write hangs").isLessThan(4000);
            assertThat(load.approvals.get()).as("the majority kept approving").isGreaterThan(approvalsBefore);
            c.awaitReady(List.of(0, 1, 2));
            putHosts(c, 36, 1_000_000);
        }
    }

    @Test
    void killingTwoLosesNoAcknowledgedHardStateAndTheSurvivorApprovesNothing(@TempDir Path dir) throws Exception {
        Map<String, String> decided = new HashMap<>();
        try (MemberJvms c = cluster(dir)) {
            putHosts(c, 24, 1);
            Load load = new Load(() -> List.of(c.member(0), c.member(1), c.member(2)), 24, 2);
            for (int i = 0; i < 24; i++) {
                JarProcess m = c.member(i % 3);
                String id = "host-" + i;
                String action = i % 5 == 0 ? "decommission" : i % 3 == 0 ? "uncordon" : "cordon";
                Http.Answer a = action.equals("decommission") ? m.http.call("DELETE", "/api/v1/hosts/" + id, ADMIN, null)
                        : m.http.post("/api/v1/hosts/" + id + "/" + (action.equals("uncordon") ? "cordon" : action),
                        ADMIN, null);
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                if (action.equals("uncordon")) {
                    assertThat(m.http.post("/api/v1/hosts/" + id + "/uncordon", ADMIN, null).status()).isEqualTo(200);
                }
                decided.put(id, action);
            }
            load.close();
            // one decision answered by each member: in its own audit file, which the decision log asks
            List<String> answeredBy = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answeredBy.add(c.member(i).http.post("/api/v1/migrations/check", GATE, check("host-1")).json()
                        .get("decisionId").asText());
            }
            assertEveryMemberListsTheDecisions(c, answeredBy);
            c.member(1).kill();
            c.member(2).kill();

            JarProcess alone = c.member(0);
            long cut = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> codes(alone, "host-1").contains("NO_QUORUM"));
            System.out.println("two of three killed: the survivor rejected with NO_QUORUM after "
                    + (System.nanoTime() - cut) / 1_000_000 + " ms");
            JsonNode d = alone.http.post("/api/v1/migrations/check", GATE, check("host-1")).json();
            assertThat(d.get("decision").asText()).isEqualTo("rejected");
            Http.Answer write = alone.http.put("/api/v1/hosts/host-1", ADMIN, Fleet.json(host(1, 1_000_000)));
            assertThat(write.status()).isEqualTo(503);
            assertThat(write.json().get("code").asText()).isIn("NO_QUORUM", "GRID_TIMEOUT");
            await().atMost(Duration.ofSeconds(10)).until(() -> alone.http.get("/readyz", null).status() == 503);
            String shown = alone.http.get("/api/v1/hosts", ADMIN).json().get("hosts").get(0).get("hostId").asText();
            Http.Answer read = alone.http.get("/api/v1/hosts/" + shown, ADMIN);
            assertThat(read.status()).as("a read of the grid without a majority").isEqualTo(503);
            assertThat(read.json().get("code").asText()).isIn("NO_QUORUM", "GRID_TIMEOUT");

            // the two come back: every acknowledged decision is there, and no host is shown whose record is gone
            c.start(1);
            c.start(2);
            c.awaitReady(List.of(0, 1, 2));
            assertEveryMemberListsTheDecisions(c, answeredBy); // the killed members' came back with their files
            for (int i = 0; i < 3; i++) {
                JarProcess m = c.member(i);
                for (JsonNode h : m.http.get("/api/v1/hosts", ADMIN).json().get("hosts")) {
                    assertThat(m.http.get("/api/v1/hosts/" + h.get("hostId").asText(), ADMIN).status()).isEqualTo(200);
                }
            }
            assertDecisionsHold(c, decided);

            // every member stops and starts again: the journals bring the decisions back
            for (int i = 0; i < 3; i++) {
                c.member(i).close();
            }
            for (int i = 0; i < 3; i++) {
                c.start(i);
            }
            c.awaitReady(List.of(0, 1, 2));
            assertDecisionsHold(c, decided);
        }
    }

    /** Every member's {@code GET /decisions} holds the decisions, whichever member answered them, and no member was left out. */
    private static void assertEveryMemberListsTheDecisions(MemberJvms c, List<String> decisionIds) {
        for (int i = 0; i < 3; i++) {
            JsonNode log = c.member(i).http.get("/api/v1/decisions?limit=1000", ADMIN).json();
            assertThat(log.path("decisions").findValuesAsText("decisionId")).as("member " + i).containsAll(decisionIds);
            assertThat(log.get("unansweredMembers")).as("member " + i).isEmpty();
        }
    }

    /** Agents report again (records are soft state); then every member's gate follows each decision. */
    private static void assertDecisionsHold(MemberJvms c, Map<String, String> decided) {
        long seq = System.currentTimeMillis() * 1000;
        for (var e : decided.entrySet()) {
            int i = Integer.parseInt(e.getKey().substring("host-".length()));
            Http.Answer a = c.member(i % 3).http.put("/api/v1/hosts/" + e.getKey(), ADMIN, Fleet.json(host(i, seq)));
            assertThat(a.status()).as(e.getKey() + " " + e.getValue()).isEqualTo(e.getValue().equals("decommission") ? 410 : 200);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (int m = 0; m < 3; m++) {
                for (var e : decided.entrySet()) {
                    List<String> codes = codes(c.member(m), e.getKey());
                    switch (e.getValue()) {
                        case "decommission" -> assertThat(codes).as(e.getKey()).containsExactly("TARGET_DECOMMISSIONED");
                        case "cordon" -> assertThat(codes).as(e.getKey()).contains("TARGET_CORDONED");
                        default -> assertThat(codes).as(e.getKey()).doesNotContain("TARGET_CORDONED", "TARGET_UNKNOWN");
                    }
                }
            }
        });
    }
}
