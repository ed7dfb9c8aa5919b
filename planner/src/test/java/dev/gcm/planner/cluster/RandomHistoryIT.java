package dev.gcm.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.testing.Seeded;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.http.Services;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Seeded random histories on three real members (in this JVM): reports, cordons, uncordons,
 * decommissions, recommissions, reconciles and member restarts, through random members. After every
 * acknowledged write the member that took it answers the gate accordingly (read-your-writes); at
 * checkpoints every member's index equals the grid, and the gate approves a host on every member iff it
 * is neither cordoned, decommissioned nor leaving. {@code -Dgcm.seed} replays a history.
 */
class RandomHistoryIT {

    private static final byte[] SECRET = "random-history-secret-0123".getBytes(StandardCharsets.UTF_8);
    private static final List<String> DEFS = List.of("z13", "z14");
    private static final int HOSTS = 8;
    private static final int STEPS = 80;

    private final TestPlanner[] members = new TestPlanner[3];
    private final Map<String, String>[] envs = newEnvs();
    private long seq = System.currentTimeMillis() * 1000;

    @SuppressWarnings("unchecked")
    private static Map<String, String>[] newEnvs() {
        return new Map[3];
    }

    @Test
    void indexEqualsTheGridAndTheGateFollowsEveryAdminDecision() {
        Seeded.forAll(1, random -> {
            try {
                history(random);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                for (TestPlanner m : members) {
                    if (m != null) {
                        m.close();
                    }
                }
            }
        });
    }

    private void history(Random random) throws Exception {
        startCluster();
        int restarts = 0;
        for (int step = 0; step < STEPS; step++) {
            int m = random.nextInt(3);
            String host = "h" + random.nextInt(HOSTS);
            int what = random.nextInt(20);
            if (what < 9) {
                report(m, host, random);
            } else if (what < 12) {
                admin(m, host, random.nextBoolean() ? "cordon" : "uncordon");
            } else if (what < 14) {
                admin(m, host, "decommission");
            } else if (what < 16) {
                admin(m, host, "recommission");
            } else if (what < 19) {
                members[m].planner().reconcileNow();
            } else if (restarts < 2) {
                restarts++;
                members[m].close();
                // as a restarted pod comes back: after the others have seen the old member go (a member that
                // joins while the list still names a gone one times out registering its listeners with it)
                int gone = m;
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
                    for (int o = 0; o < 3; o++) {
                        if (o != gone && !members[o].http().get("/metrics", null).body().contains("gcm_cluster_members 2.0")) {
                            return false;
                        }
                    }
                    return true;
                });
                members[m] = TestPlanner.start(envs[m], Optional.of(SECRET));
            }
            if (step % 20 == 19) {
                checkpoint();
            }
        }
        checkpoint();
    }

    private void startCluster() throws Exception {
        int[] hz = {TestPlanner.freePort(), TestPlanner.freePort(), TestPlanner.freePort()};
        String list = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1] + ",127.0.0.1:" + hz[2];
        String cluster = "history-" + UUID.randomUUID();
        List<CompletableFuture<TestPlanner>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path state = Files.createTempDirectory("gcm-history-" + i);
            envs[i] = Map.of("GCM_CLUSTER_NAME", cluster, "GCM_HZ_PORT", String.valueOf(hz[i]), "GCM_MEMBERS", list,
                    "GCM_HZ_HOST", "127.0.0.1", "GCM_EXPECTED_MEMBERS", "3", "GCM_STATE_DIR", state.toString(),
                    "GCM_RECONCILE_EVERY", "3s");
            Map<String, String> env = envs[i];
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return TestPlanner.start(env, Optional.of(SECRET));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int i = 0; i < 3; i++) {
            members[i] = starting.get(i).join();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(members).stream()
                .allMatch(m -> m.http().get("/readyz", null).status() == 200));
    }

    private void report(int m, String host, Random random) {
        Map<String, String> labels = random.nextInt(8) == 0 ? Map.of("gcm.dev/leaving", "true") : Map.of();
        HostRecord r = Fleet.record(host, Seeded.pick(random, DEFS), List.of(), labels, ++seq, List.of());
        Http.Answer a = members[m].http().put("/api/v1/hosts/" + host, TestPlanner.ADMIN, Fleet.json(r));
        assertThat(a.status()).as(a.body()).isIn(200, 410);
        if (a.status() == 200 && !labels.isEmpty()) {
            assertThat(codes(m, host)).contains("TARGET_LEAVING");
        }
    }

    private void admin(int m, String host, String action) {
        Http http = members[m].http();
        Http.Answer a = action.equals("decommission") ? http.call("DELETE", "/api/v1/hosts/" + host, TestPlanner.ADMIN, null)
                : http.post("/api/v1/hosts/" + host + "/" + action, TestPlanner.ADMIN, null);
        assertThat(a.status()).as(action + " " + host + ": " + a.body()).isIn(200, 404, 409, 410);
        if (a.status() != 200) {
            return;
        }
        // the member that acknowledged the write answers by it at once
        switch (action) {
            case "cordon" -> assertThat(codes(m, host)).contains("TARGET_CORDONED");
            case "uncordon" -> assertThat(codes(m, host)).doesNotContain("TARGET_CORDONED");
            case "decommission" -> assertThat(codes(m, host)).containsExactly("TARGET_DECOMMISSIONED");
            default -> assertThat(codes(m, host)).doesNotContain("TARGET_DECOMMISSIONED");
        }
    }

    private List<String> codes(int m, String host) {
        JsonNode v = members[m].http().post("/api/v1/migrations/check", TestPlanner.GATE,
                "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"" + host + "\"}").json();
        return v.path("reasons").findValuesAsText("code");
    }

    /** Every member's index shows exactly the grid, and its gate follows it. */
    private void checkpoint() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Services any = members[0].planner().services();
            Map<String, HostReport> reports = any.hosts().metas();
            Map<String, HostAdmin> admin = any.admin().all();
            for (TestPlanner member : members) {
                assertIndexEquals(member.planner().services().index().snapshot(), reports, admin);
            }
        });
        Services any = members[0].planner().services();
        Map<String, HostReport> reports = any.hosts().metas();
        Map<String, HostAdmin> admin = any.admin().all();
        for (int m = 0; m < 3; m++) {
            IndexSnapshot snap = members[m].planner().services().index().snapshot();
            for (int h = 0; h < HOSTS; h++) {
                String id = "h" + h;
                HostAdmin a = admin.getOrDefault(id, HostAdmin.NONE);
                boolean leaving = snap.host(id).map(IndexedHost::leaving).orElse(false);
                boolean eligible = reports.containsKey(id) && !a.cordoned() && !a.decommissioned() && !leaving;
                List<String> codes = codes(m, id);
                assertThat(codes.isEmpty()).as("member " + m + " host " + id + ": " + codes).isEqualTo(eligible);
            }
        }
    }

    private static void assertIndexEquals(IndexSnapshot snap, Map<String, HostReport> reports, Map<String, HostAdmin> admin) {
        Map<String, Long> shown = new HashMap<>();
        snap.hosts().forEach(h -> shown.put(h.id(), h.contentRevision()));
        Map<String, Long> expected = new HashMap<>();
        reports.forEach((id, r) -> {
            if (!admin.getOrDefault(id, HostAdmin.NONE).decommissioned()) {
                expected.put(id, r.contentRevision());
            }
        });
        assertThat(shown).isEqualTo(expected);
        for (IndexedHost h : snap.hosts()) {
            assertThat(h.cordoned()).as(h.id()).isEqualTo(admin.getOrDefault(h.id(), HostAdmin.NONE).cordoned());
        }
        admin.forEach((id, a) -> assertThat(snap.decommissionedAt(id).isPresent()).as(id).isEqualTo(a.decommissioned()));
    }
}
