package dev.gcm.planner.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.spi.impl.SerializationServiceSupport;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a member lets in: no Hazelcast clients, no Java deserialization, no member without the secret. */
class GridSecurityIT {

    /** A class that Java serialization would happily write and read. */
    record Gadget(String payload) implements Serializable {
    }

    private static PlannerConfig alone(int port) {
        return PlannerConfig.buildFromMap(Map.of("GCM_HZ_PORT", String.valueOf(port),
                "GCM_CLUSTER_NAME", "sec-" + UUID.randomUUID()));
    }

    @Test
    void aHazelcastClientCannotConnectThoughThePortIsOpen() throws Exception {
        int port = TestPlanner.freePort();
        PlannerConfig config = alone(port);
        try (HzGrid grid = HzGrid.start(config, Optional.empty())) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertThat(s.isConnected()).isTrue();
            }
            ClientConfig client = new ClientConfig().setClusterName(config.clusterName());
            client.getNetworkConfig().addAddress("127.0.0.1:" + port);
            client.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(4000);
            client.setProperty("hazelcast.logging.type", "slf4j");
            assertThatThrownBy(() -> HazelcastClient.newHazelcastClient(client).shutdown())
                    .isInstanceOf(IllegalStateException.class);
            assertThat(grid.memberCount()).isEqualTo(1);
        }
    }

    @Test
    void gridEntriesAreNotJavaSerializedAndJavaDeserializationIsRefused() throws Exception {
        try (HzGrid grid = HzGrid.start(alone(TestPlanner.freePort()), Optional.empty())) {
            SerializationService ss = ((SerializationServiceSupport) grid.instance()).getSerializationService();
            HostReport report = HostReport.of(Fleet.record("h1", "z14", 7), 1).stamped(5, 5);
            var data = ss.toData(report);
            assertThat(data.getType()).isEqualTo(1001);
            assertThat((HostReport) ss.toObject(data)).isEqualTo(report);
            assertThat(ss.toData(new ReportProcessor(report)).getType()).as("identified data").isEqualTo(-2);

            var map = grid.instance().getMap("java-serialized");
            map.put("k", new Gadget("x"));
            assertThatThrownBy(() -> map.get("k")).hasStackTraceContaining("is not allowed");
        }
    }

    @Test
    void aMemberWithoutTheSecretStopsApprovalsUntilItLeaves() throws Exception {
        byte[] secret = "the-cluster-secret-0123456789".getBytes(StandardCharsets.UTF_8);
        int[] hz = {TestPlanner.freePort(), TestPlanner.freePort(), TestPlanner.freePort()};
        String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1] + ",127.0.0.1:" + hz[2];
        String cluster = "sec-" + UUID.randomUUID();
        // the two start together: each waits for the other to make a majority
        var second = CompletableFuture.supplyAsync(() -> start(env(cluster, hz[1], members), secret));
        try (TestPlanner good = start(env(cluster, hz[0], members), secret); TestPlanner friend = second.join()) {
            Http http = good.http();
            String check = "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}";
            assertThat(http.put("/api/v1/hosts/h1", TestPlanner.AGENT_H1, Fleet.json(Fleet.record("h1", "z14", 1)))
                    .status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/readyz", null).status() == 200);
            assertThat(http.get("/metrics", null).body()).contains("gcm_unverified_members 0.0");
            assertThat(http.post("/api/v1/migrations/check", TestPlanner.GATE, check).json().path("decision").asText())
                    .isEqualTo("approved");

            try (TestPlanner rogue = TestPlanner.start(env(cluster, hz[2], members),
                    Optional.of("another-secret-0123456789".getBytes(StandardCharsets.UTF_8)))) {
                await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/metrics", null).body()
                        .contains("gcm_unverified_members 1.0"));
                var verdict = http.post("/api/v1/migrations/check", TestPlanner.GATE, check).json();
                assertThat(verdict.path("decision").asText()).isEqualTo("rejected");
                assertThat(verdict.path("reasons").findValuesAsText("code")).contains("UNVERIFIED_MEMBER");
                assertThat(http.get("/readyz", null).status()).isEqualTo(503);
                Http.Answer write = http.put("/api/v1/hosts/h1", TestPlanner.AGENT_H1, Fleet.json(Fleet.record("h1", "z14", 2)));
                assertThat(write.status()).isEqualTo(503);
                assertThat(write.json().path("code").asText()).isEqualTo("UNVERIFIED_MEMBER");
                assertThat(friend.http().get("/metrics", null).body()).contains("gcm_unverified_members 1.0");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/metrics", null).body()
                    .contains("gcm_unverified_members 0.0"));
            await().atMost(Duration.ofSeconds(30)).until(() -> http.post("/api/v1/migrations/check", TestPlanner.GATE,
                    check).json().path("decision").asText().equals("approved"));
        }
    }

    private static TestPlanner start(Map<String, String> env, byte[] secret) {
        try {
            return TestPlanner.start(env, Optional.of(secret));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> env(String cluster, int port, String members) {
        return Map.of("GCM_CLUSTER_NAME", cluster, "GCM_HZ_PORT", String.valueOf(port), "GCM_MEMBERS", members,
                "GCM_HZ_HOST", "127.0.0.1", "GCM_EXPECTED_MEMBERS", "2");
    }
}
