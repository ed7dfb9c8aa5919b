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
    void aReadOnAMemberWithoutQuorumIs503NoQuorum(@org.junit.jupiter.api.io.TempDir java.nio.file.Path state) throws Exception {
        int hzA = TestPlanner.freePort();
        int hzB = TestPlanner.freePort();
        String cluster = "quorum-" + UUID.randomUUID();
        Map<String, String> common = Map.of("GCM_CLUSTER_NAME", cluster, "GCM_EXPECTED_MEMBERS", "2",
                "GCM_MEMBERS", "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB, "GCM_RECONCILE_EVERY", "1s", "GCM_HZ_HOST", "127.0.0.1");
        // each start waits for a majority, so the two start together
        CompletableFuture<TestPlanner> startB = CompletableFuture.supplyAsync(() -> start(with(common, "GCM_HZ_PORT", hzB)));
        // member a keeps an audit file (as the chart gives every member): it can record a rejection alone
        try (TestPlanner a = TestPlanner.start(with(with(common, "GCM_HZ_PORT", hzA), "GCM_STATE_DIR", state.toString()))) {
            TestPlanner b = startB.get(120, TimeUnit.SECONDS);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> a.http().get("/readyz", null).status() == 200);
                var h1 = Fleet.threeHosts().get(0);
                assertThat(a.http().put("/api/v1/hosts/h1", ADMIN, Fleet.json(h1)).status()).isEqualTo(200);
                assertThat(a.http().get("/api/v1/hosts/h1", READER).status()).isEqualTo(200);
            } finally {
                b.close();
            }
            // not ready as soon as the other member starts leaving; without quorum once it has left
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Http.Answer ready = a.http().get("/readyz", null);
                return ready.status() == 503 && ready.json().path("quorum").isBoolean() && !ready.json().path("quorum").asBoolean();
            });
            assertThat(a.http().get("/readyz", null).json().path("waitingFor").asText())
                    .as("what the member waits for").isEqualTo("a majority of the cluster");
            Http.Answer read = a.http().get("/api/v1/hosts/h1", READER);
            assertThat(read.status()).as(read.body()).isEqualTo(503);
            assertThat(read.json().get("code").asText()).isEqualTo("NO_QUORUM");
            assertThat(read.header("retry-after")).isEqualTo("1");
            Http.Answer check = a.http().post("/api/v1/migrations/check", GATE,
                    "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}");
            assertThat(check.json().path("decision").asText()).as(check.body()).isEqualTo("rejected");
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

    private static Map<String, String> with(Map<String, String> env, String key, Object value) {
        var m = new java.util.HashMap<>(env);
        m.put(key, String.valueOf(value));
        return m;
    }
}
