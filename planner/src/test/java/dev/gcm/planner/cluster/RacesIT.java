package dev.gcm.planner.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.planner.http.Services;
import dev.gcm.planner.index.Reconciler;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.TestPlanner;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two races of issue 14, made to happen in a fixed order on a real member: a cordon that arrives
 * between reconcile's read of the grid and its apply, and a report's event that arrives after the
 * host's decommission. Neither may bring back what was undone.
 */
class RacesIT {

    private static final String CHECK = "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}";

    private TestPlanner planner;
    private Http http;
    private Services s;

    @BeforeEach
    void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        s = planner.planner().services();
        assertThat(http.put("/api/v1/hosts/h1", TestPlanner.AGENT_H1, Fleet.json(Fleet.record("h1", "z14", 1))).status())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        planner.close();
    }

    private JsonNode check() {
        return http.post("/api/v1/migrations/check", TestPlanner.GATE, CHECK).json();
    }

    @Test
    void aCordonBetweenReconcileReadingTheGridAndApplyingItStays() throws Exception {
        assertThat(check().path("decision").asText()).isEqualTo("approved");
        // reconcile reads the grid ...
        long mark = s.feed().mark();
        Reconciler.Truth truth = new Reconciler.Truth(mark, s.hosts().metas(), Map.of(), s.admin().all(), s.pools().all());
        // ... a cordon is acknowledged meanwhile (this member's index has it when the answer comes) ...
        assertThat(http.post("/api/v1/hosts/h1/cordon", TestPlanner.ADMIN, null).status()).isEqualTo(200);
        // ... and reconcile applies what it read before the cordon
        s.feed().reconcile(truth).get(10, TimeUnit.SECONDS);
        assertThat(s.index().host("h1").orElseThrow().cordoned()).isTrue();
        assertThat(check().path("reasons").findValuesAsText("code")).containsExactly("TARGET_CORDONED");
        planner.planner().reconcileNow();
        assertThat(check().path("reasons").findValuesAsText("code")).containsExactly("TARGET_CORDONED");
    }

    @Test
    void aReportsEventArrivingAfterTheDecommissionDoesNotBringTheHostBack() throws Exception {
        HostReport stored = s.hosts().get("h1").get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(http.call("DELETE", "/api/v1/hosts/h1", TestPlanner.ADMIN, null).status()).isEqualTo(200);
        // the report's event, late: after the tombstone and the removal of the record
        s.feed().report("h1", stored);
        assertThat(s.feed().awaitReport("h1", stored.revision(), 5000).get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(s.index().host("h1")).isEmpty();
        assertThat(check().path("reasons").findValuesAsText("code")).containsExactly("TARGET_DECOMMISSIONED");
        // nor does reconcile, nor the grid's copy of a report that raced the decommission into the map
        planner.planner().reconcileNow();
        assertThat(s.index().host("h1")).isEmpty();
        assertThat(http.put("/api/v1/hosts/h1", TestPlanner.AGENT_H1, Fleet.json(Fleet.record("h1", "z14", 2)))
                .status()).isEqualTo(410);
        assertThat(check().path("reasons").findValuesAsText("code")).containsExactly("TARGET_DECOMMISSIONED");
    }
}
