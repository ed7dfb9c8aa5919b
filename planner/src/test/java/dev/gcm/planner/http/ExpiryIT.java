package dev.gcm.planner.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** GCM_EXPIRE_AFTER: a host that stops reporting leaves the planner; one that keeps reporting stays. */
class ExpiryIT {

    @Test
    void silentHostsExpireAndReportingOnesStay() throws Exception {
        try (TestPlanner p = TestPlanner.start(Map.of("GCM_EXPIRE_AFTER", "3s", "GCM_RECONCILE_EVERY", "500ms",
                "GCM_STALE_AFTER", "1s"))) {
            assertThat(p.http().put("/api/v1/hosts/h1", TestPlanner.AGENT_H1,
                    Fleet.json(Fleet.record("h1", "z14", 1))).status()).isEqualTo(200);
            assertThat(p.http().put("/api/v1/hosts/h2", TestPlanner.AGENT_H2,
                    Fleet.json(Fleet.record("h2", "z13", 1))).status()).isEqualTo(200);
            long[] seq = {2};
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                // h2 keeps reporting (as its agent's heartbeat would); h1 is silent
                p.http().put("/api/v1/hosts/h2", TestPlanner.AGENT_H2, Fleet.json(Fleet.record("h2", "z13", seq[0]++)));
                return p.http().get("/api/v1/hosts/h1", TestPlanner.READER).status() == 404;
            });
            assertThat(p.http().get("/api/v1/hosts/h2", TestPlanner.READER).status()).isEqualTo(200);
            assertThat(p.http().get("/api/v1/pools/default/gcm", TestPlanner.READER).json().path("hostCount").asInt())
                    .isEqualTo(1);
        }
    }
}
