package dev.gcm.cli.online;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.cli.CliRun;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A fleet whose agents stopped reporting: gcm hosts and gcm show say so loudly, on stderr, in every form. */
class StaleFleetIT {

    @Test
    void mostlyStaleHostsAreAWarningAndStdoutStaysClean() throws Exception {
        try (TestPlanner planner = TestPlanner.start(Map.of("GCM_STALE_AFTER", "1s"))) {
            for (HostRecord r : Fleet.threeHosts()) {
                assertThat(planner.http().put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r)).status()).isEqualTo(200);
            }
            String url = planner.http().toString();
            assertThat(planner.http().put("/api/v1/pools/zone-a", ADMIN, "{\"selector\": {\"zone\": \"a\"}}").status())
                    .isEqualTo(200);

            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                    planner.http().get("/api/v1/pools/default/gcm", READER).json().path("stale").size() == 3);
            CliRun hosts = CliRun.of("hosts", "--planner", url, "--token", READER);
            assertThat(hosts.exitCode()).isZero();
            assertThat(hosts.err()).contains("WARNING: 3 of 3 hosts are stale in pool 'default'")
                    .contains("WARNING: 2 of 2 hosts are stale in pool 'zone-a'")
                    .contains("the gate approves no migration to them");
            CliRun json = CliRun.of("hosts", "-o", "json", "--planner", url, "--token", READER);
            assertThat(new ObjectMapper().readTree(json.out()).path("kind").asText()).isEqualTo("HostList");
            assertThat(json.err()).contains("WARNING: 3 of 3 hosts are stale");
            CliRun show = CliRun.of("show", "--planner", url, "--token", READER);
            assertThat(show.out()).contains("Stale:       h1, h2, h3");
            assertThat(show.err()).contains("WARNING: 3 of 3 hosts are stale");
        }
    }
}
