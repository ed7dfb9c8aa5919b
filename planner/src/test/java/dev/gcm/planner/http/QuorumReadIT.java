package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A member that has lost its majority answers reads of the grid with 503 NO_QUORUM (JSON), never a 500. */
class QuorumReadIT {

    @Test
    void aReadOnAMemberWithoutQuorumIs503NoQuorum() throws Exception {
        int hzA = TestPlanner.freePort();
        int hzB = TestPlanner.freePort();
        String cluster = "quorum-" + UUID.randomUUID();
        Map<String, String> common = Map.of("GCM_CLUSTER_NAME", cluster, "GCM_EXPECTED_MEMBERS", "2", "GCM_HZ_HOST",
                "127.0.0.1",
                "GCM_MEMBERS", "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB, "GCM_RECONCILE_EVERY", "1s");
        // each start waits for a majority, so the two start together
        CompletableFuture<TestPlanner> startB = CompletableFuture.supplyAsync(() -> start(with(common, "GCM_HZ_PORT", hzB)));
        try (TestPlanner a = TestPlanner.start(with(common, "GCM_HZ_PORT", hzA))) {
            TestPlanner b = startB.get(120, TimeUnit.SECONDS);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> a.http().get("/readyz", null).status() == 200);
                var h1 = Fleet.threeHosts().get(0);
                assertThat(a.http().put("/api/v1/hosts/h1", ADMIN, Fleet.json(h1)).status()).isEqualTo(200);
                assertThat(a.http().get("/api/v1/hosts/h1", READER).status()).isEqualTo(200);
            } finally {
                b.close();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> a.http().get("/readyz", null).status() == 503);
            Http.Answer read = a.http().get("/api/v1/hosts/h1", READER);
            assertThat(read.status()).as(read.body()).isEqualTo(503);
            assertThat(read.json().get("code").asText()).isEqualTo("NO_QUORUM");
            assertThat(read.header("retry-after")).isEqualTo("1");
            Http.Answer check = a.http().post("/api/v1/migrations/check", GATE,
                    "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}");
            assertThat(check.json().get("decision").asText()).isEqualTo("rejected");
            assertThat(check.body()).contains("NO_QUORUM");
        }
    }

    private static TestPlanner start(Map<String, String> env) {
        try {
            return TestPlanner.start(env);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> env, String key, int value) {
        var m = new java.util.HashMap<>(env);
        m.put(key, String.valueOf(value));
        return m;
    }
}
