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
            Publisher untrusting = new Publisher(List.of(https), Optional.of(TestPlanner.AGENT_H1), Duration.ofSeconds(5),
                    Duration.ofMillis(100));
            assertThat(untrusting.publish(record, 1).outcome()).isEqualTo(Publisher.Outcome.UNREACHABLE);

            AgentConfig config = AgentConfig.buildFromMap(java.util.Map.of("GCM_PLANNER_URLS", https.toString(),
                    "GCM_CACERT", tls.cert().toString(), "GCM_TOKEN", TestPlanner.AGENT_H1));
            Publisher trusting = new Publisher(config.plannerUrls(), config.token(), Duration.ofSeconds(5),
                    Duration.ofMillis(100), config.cacert());
            assertThat(trusting.publish(record, 1).outcome()).isEqualTo(Publisher.Outcome.STORED);
        }
    }
}
