package dev.gcm.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.JarProcess;
import dev.gcm.planner.support.TestPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three planner members in three JVMs: replication, one GCM everywhere, kill -9 under load, minority. */
class ThreeMemberIT {

    private static final String ADMIN = "admin-token-0123456789";
    private static final String GATE = "gate-token-0123456789";
    private static final List<String> DEFS = List.of("z13", "z14", "z14.2", "gen15a", "gen15b", "gen16a");
    private final List<JarProcess> members = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (JarProcess p : members) {
            p.close();
        }
    }

    private void startCluster(Path dir) throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"token\": \"" + ADMIN + "\", \"role\": \"admin\"},"
                + "{\"token\": \"" + GATE + "\", \"role\": \"gate\"}]}");
        int[] hz = {TestPlanner.freePort(), TestPlanner.freePort(), TestPlanner.freePort()};
        String memberList = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1] + ",127.0.0.1:" + hz[2];
        String cluster = "it-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            int http = TestPlanner.freePort();
            members.add(JarProcess.start(Path.of("target", "gcm-planner.jar"), dir.resolve("member-" + i + ".log"), http,
                    Map.of("GCM_HTTP_PORT", String.valueOf(http), "GCM_HTTP_HOST", "127.0.0.1",
                            "GCM_HZ_PORT", String.valueOf(hz[i]), "GCM_CLUSTER_NAME", cluster, "GCM_MEMBERS", memberList,
                            "GCM_EXPECTED_MEMBERS", "3", "GCM_TOKENS_FILE", tokens.toString(), "GCM_RECONCILE_EVERY", "2s"),
                    "-Xmx256m"));
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> members.stream().allMatch(JarProcess::ready)
                        && members.stream().allMatch(m -> m.http.get("/metrics", null).body().contains("gcm_cluster_members 3.0")));
    }

    private static HostRecord host(int i, long seq) {
        return Fleet.record("host-" + i, DEFS.get(i % DEFS.size()), i % 4 == 0 ? List.of("vx") : List.of(),
                Map.of("rack", "r" + (i % 3)), seq, List.of());
    }

    private static JsonNode gcm(JarProcess m) {
        return m.http.get("/api/v1/pools/default/gcm", ADMIN).json();
    }

    /** The offline GCM of the records a member holds. */
    private static String offlineGcm(JarProcess m) {
        HostRecordValidator v = new HostRecordValidator(Fleet.CATALOG);
        List<GcmHost> hosts = new ArrayList<>();
        for (JsonNode h : m.http.get("/api/v1/hosts", ADMIN).json().get("hosts")) {
            JsonNode rec = m.http.get("/api/v1/hosts/" + h.get("hostId").asText(), ADMIN).json().get("record");
            hosts.add(v.validate(HostRecordJson.read(rec.toString().getBytes())).toGcmHost());
        }
        var model = Gcm.compute(Fleet.CATALOG, hosts).model().orElseThrow();
        return dev.gcm.facilitydb.json.CpuModelInfoJson.write(
                dev.gcm.facilitydb.qemu.Expansion.staticForm(Fleet.CATALOG, model)).toString();
    }

    @Test
    void aClusterOfThreeServesOneTruthAndSurvivesAKilledMember(@TempDir Path dir) throws Exception {
        startCluster(dir);
        JarProcess first = members.get(0);
        for (int i = 0; i < 12; i++) {
            Http.Answer a = first.http.put("/api/v1/hosts/host-" + i, ADMIN, Fleet.json(host(i, 1)));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> members.stream()
                .allMatch(m -> m.http.get("/api/v1/hosts", ADMIN).json().get("hosts").size() == 12));
        String expected = offlineGcm(first);
        for (JarProcess m : members) {
            assertThat(gcm(m).get("qemu").toString()).isEqualTo(expected);
            assertThat(m.http.get("/api/v1/hosts/host-5", ADMIN).json().get("seq").asLong()).isEqualTo(1);
        }

        // writes and gate requests stream in through the two members that live; one member is killed
        Map<String, Long> acked = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger gateAnswers = new AtomicInteger();
        List<JarProcess> survivors = List.of(members.get(0), members.get(2));
        Thread writer = new Thread(() -> {
            long seq = 2;
            while (running.get()) {
                for (int i = 0; i < 12 && running.get(); i++) {
                    JarProcess m = survivors.get(i % 2);
                    try {
                        Http.Answer a = m.http.put("/api/v1/hosts/host-" + i, ADMIN, Fleet.json(host(i, seq)));
                        if (a.status() == 200) {
                            acked.merge("host-" + i, seq, Math::max);
                        }
                    } catch (RuntimeException retryLater) {
                        // a brief failure during fail-over: the agent would retry
                    }
                }
                seq++;
            }
        });
        Thread gate = new Thread(() -> {
            while (running.get()) {
                try {
                    Http.Answer a = survivors.get(gateAnswers.get() % 2).http.post("/api/v1/migrations/check", GATE,
                            "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"host-1\"}");
                    if (a.status() == 200) {
                        gateAnswers.incrementAndGet();
                    }
                } catch (RuntimeException retryLater) {
                    // as above
                }
            }
        });
        writer.start();
        gate.start();
        Thread.sleep(1500);
        members.get(1).kill();
        Thread.sleep(4000);
        running.set(false);
        writer.join();
        gate.join();

        assertThat(acked).hasSize(12);
        assertThat(gateAnswers.get()).isPositive();
        for (JarProcess m : survivors) {
            for (var e : acked.entrySet()) {
                long stored = m.http.get("/api/v1/hosts/" + e.getKey(), ADMIN).json().get("seq").asLong();
                assertThat(stored).as(e.getKey() + " on member " + m.port).isGreaterThanOrEqualTo(e.getValue());
            }
        }
        String after = offlineGcm(survivors.get(0));
        for (JarProcess m : survivors) {
            await().atMost(Duration.ofSeconds(10)).until(() -> gcm(m).get("qemu").toString().equals(after));
        }

        // the last member alone is a minority of three: it approves nothing and stores nothing
        members.get(2).kill();
        JarProcess alone = members.get(0);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> alone.http.post(
                "/api/v1/migrations/check", GATE, "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"host-1\"}")
                .body().contains("NO_QUORUM"));
        JsonNode d = alone.http.post("/api/v1/migrations/check", GATE,
                "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"host-1\"}").json();
        assertThat(d.get("decision").asText()).isEqualTo("rejected");
        Http.Answer write = alone.http.put("/api/v1/hosts/host-1", ADMIN, Fleet.json(host(1, 1_000_000)));
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.json().get("code").asText()).isEqualTo("NO_QUORUM");
        assertThat(alone.http.get("/readyz", null).status()).isEqualTo(503);
    }
}
