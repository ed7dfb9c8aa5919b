package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.index.SoftFingerprint;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's reasons that need time, a QEMU's definition list or soft facilities. */
class GateReasonsIT {

    private static JsonNode check(TestPlanner p, String body) {
        return p.http().post("/api/v1/migrations/check", GATE, body).json();
    }

    @Test
    void staleTargetsAreRejectedButStayInTheGcm() throws Exception {
        try (TestPlanner p = TestPlanner.start(Map.of("GCM_STALE_AFTER", "1s"))) {
            p.http().put("/api/v1/hosts/h1", ADMIN, Fleet.json(Fleet.record("h1", "z13", 1)));
            p.http().put("/api/v1/hosts/h2", ADMIN, Fleet.json(Fleet.record("h2", "z14", 1)));
            String body = "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"h1\"}";
            assertThat(check(p, body).get("decision").asText()).isEqualTo("approved");
            await().atMost(Duration.ofSeconds(10)).until(() -> check(p, body).toString().contains("TARGET_STALE"));
            JsonNode gcm = p.http().get("/api/v1/pools/default/gcm", READER).json();
            assertThat(gcm.get("hostCount").asInt()).isEqualTo(2);
            assertThat(gcm.get("stale").toString()).contains("h1");
            assertThat(gcm.get("definition").get("name").asText()).isEqualTo("z13");
            assertThat(p.http().call("DELETE", "/api/v1/hosts/h1", ADMIN, null).status()).isEqualTo(200);
            assertThat(p.http().get("/api/v1/pools/default/gcm", READER).json().get("definition").get("name").asText())
                    .isEqualTo("z14");
        }
    }

    @Test
    void aTargetWhoseQemuDoesNotKnowTheModelOrWhoseSoftFacilitiesDifferIsRejected() throws Exception {
        try (TestPlanner p = TestPlanner.start(Map.of())) {
            HostRecord r = Fleet.record("h1", "z14", 1); // a model QEMU 6.0 knows: a record of a 6.0 host cannot have more
            var sthyi = Fleet.CATALOG.feature("sthyi").orElseThrow();
            HostRecord old = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(),
                    new HostRecord.Facilities(r.facilities().hard(), List.of(sthyi.bit()), r.facilities().mask()),
                    new HostRecord.HypervisorInfo("qemu-kvm", "6.0.0", "5.10", List.of("z13", "z13-base", "z14-base")),
                    r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            assertThat(p.http().put("/api/v1/hosts/h1", ADMIN, Fleet.json(old)).status()).isEqualTo(200);
            JsonNode unknown = check(p, "{\"guest\": {\"model\": {\"name\": \"gen15a-base\"}}, \"target\": \"h1\"}");
            assertThat(unknown.toString()).contains("MODEL_UNKNOWN_TO_TARGET_QEMU");
            JsonNode known = check(p, "{\"guest\": {\"model\": {\"name\": \"z14-base\", \"props\": {\"csske\": false}}}, \"target\": \"h1\"}");
            assertThat(known.get("decision").asText()).isEqualTo("approved");

            String matching = SoftFingerprint.of(Fleet.CATALOG,
                    dev.gcm.facilitydb.model.FeatureSet.of(sthyi.index()));
            String guest = "{\"guest\": {\"model\": {\"name\": \"z14-base\", \"props\": {\"sthyi\": true, \"csske\": false}},"
                    + " \"softFingerprint\": \"%s\"}, \"target\": \"h1\"}";
            assertThat(check(p, String.format(guest, matching)).get("decision").asText()).isEqualTo("approved");
            JsonNode mismatch = check(p, String.format(guest, "0000000000000000"));
            assertThat(mismatch.toString()).contains("SOFT_FINGERPRINT_MISMATCH");
        }
    }
}
