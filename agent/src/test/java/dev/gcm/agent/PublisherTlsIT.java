package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.SelfSignedCert;
import dev.gcm.planner.support.TestPlanner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent publishing to a planner over HTTPS with a private CA: trusted through GCM_CACERT only. */
class PublisherTlsIT {

    @Test
    void publishesOverHttpsWhenTheCaIsGiven(@TempDir Path dir) throws Exception {
        SelfSignedCert tls = SelfSignedCert.create(dir);
        try (TestPlanner p = TestPlanner.start(tls.plannerEnv())) {
            URI https = URI.create(p.http().toString().replace("http://", "https://"));
            HostRecord record = Fleet.record("h1", "gen15a", 1);
            Publisher untrusting = new Publisher(new PlannerCalls(List.of(https),
                    TokenSource.fixed(Optional.of(TestPlanner.AGENT_H1)), Optional.empty()), Duration.ofSeconds(5));
            Publisher.Result refused = untrusting.publish(record);
            assertThat(refused.outcome()).isEqualTo(Publisher.Outcome.UNREACHABLE);
            assertThat(refused.message()).contains(https.toString()).contains("TLS").doesNotContain("null");

            AgentConfig config = AgentConfig.buildFromMap(java.util.Map.of("GCM_PLANNER_URLS", https.toString(),
                    "GCM_CACERT", tls.cert().toString(), "GCM_TOKEN", TestPlanner.AGENT_H1));
            Publisher trusting = new Publisher(new PlannerCalls(config.plannerUrls(), TokenSource.of(config),
                    config.cacert()), Duration.ofSeconds(5));
            assertThat(trusting.publish(record).outcome()).isEqualTo(Publisher.Outcome.STORED);
        }
    }
}
