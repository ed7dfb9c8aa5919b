package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.GATE;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.OnQemu;
import dev.gcm.planner.support.TestPlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate's release and IBC rules and the pool options, over real HTTP: IBC_RAISED is a notice outside strict
 * pools and IBC_BELOW_LOWEST a rejection inside them; MACHINE_TYPE_UNKNOWN_TO_TARGET; MODEL_UNKNOWN_TO_TARGET_QEMU
 * for a feature; deprecated features named first and explained; deprecatedFeatures: off.
 */
class ReleaseGateIT {

    private static TestPlanner planner;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
        // z14 on a z15 machine running at a lowest IBC of z14 GA1 (0x041): a z13 guest is below it
        put(Fleet.withRange(Fleet.record("hi", "z14", List.of(), Map.of("ibc", "x"), 1, List.of()), "0x041", "0x041"));
        put(Fleet.withRange(Fleet.record("lo", "z13", List.of(), Map.of("ibc", "x"), 1, List.of()), "0x031", "0x031"));
        put(OnQemu.record("old", "gen16a", OnQemu.V72, Map.of("rel", "mixed")));
        HostRecord withGuest = OnQemu.record("new", "gen16a", OnQemu.V10, Map.of("rel", "mixed"));
        put(new HostRecord(withGuest.apiVersion(), withGuest.kind(), withGuest.hostId(), withGuest.labels(),
                withGuest.machine(), withGuest.hostModel(), null, withGuest.hypervisor(),
                List.of(new HostRecord.Guest("vm10", null, Fleet.guest("x", "z14").cpuModel(), "s390-ccw-virtio-10.0")),
                withGuest.probeTime(), "test", "boot-new", 1));
        put(Fleet.record("z14a", "z14", List.of(), Map.of("dep", "x"), 1, List.of()));
        put(Fleet.record("z14b", "z14", List.of(), Map.of("dep", "x"), 1, List.of()));
        put(Fleet.record("g15", "gen15a", List.of(), Map.of("floor", "x"), 1, List.of()));
        put(Fleet.record("z14c", "z14", List.of(), Map.of("floor", "x"), 1, List.of()));
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    private static void put(HostRecord r) {
        Http.Answer a = http.put("/api/v1/hosts/" + r.hostId(), ADMIN, Fleet.json(r));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private static JsonNode check(String guest, String target) {
        Http.Answer a = http.post("/api/v1/migrations/check", GATE, "{\"guest\": " + guest + ", \"target\": \"" + target + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static List<String> codes(JsonNode decision, String list) {
        List<String> out = new ArrayList<>();
        decision.get(list).forEach(r -> out.add(r.get("code").asText()));
        return out;
    }

    @Test
    void aGuestBelowTheLowestIbcIsApprovedWithANoticeExceptInAStrictPool() {
        JsonNode raised = check("{\"model\": \"z13-base\"}", "hi");
        assertThat(raised.get("decision").asText()).as(raised.toString()).isEqualTo("approved");
        assertThat(codes(raised, "notices")).containsExactly("IBC_RAISED");
        assertThat(raised.get("notices").get(0).get("message").asText()).contains("raises it to 0x041");
        JsonNode nonStrict = http.get("/api/v1/pools/default/gcm", READER).json();
        assertThat(nonStrict.get("options").get("strictIbc").asBoolean()).isFalse();

        assertThat(http.put("/api/v1/pools/strict", ADMIN, "{\"selector\": {\"ibc\": \"x\"}, \"strictIbc\": true}")
                .status()).isEqualTo(200);
        JsonNode strict = check("{\"model\": \"z13-base\"}", "hi");
        assertThat(strict.get("decision").asText()).isEqualTo("rejected");
        assertThat(codes(strict, "reasons")).containsExactly("IBC_BELOW_LOWEST");
        assertThat(codes(strict, "notices")).isEmpty();
        JsonNode gcm = http.get("/api/v1/pools/strict/gcm", READER).json();
        assertThat(gcm.get("common").asBoolean()).as("z13's IBC is below hi's lowest; z14's above lo's unblocked").isFalse();
        assertThat(gcm.get("options").get("strictIbc").asBoolean()).isTrue();
        assertThat(http.put("/api/v1/pools/strict", ADMIN, "{\"selector\": {\"ibc\": \"x\"}}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/pools/strict/gcm", READER).json().get("definition").get("name").asText())
                .isEqualTo("z13");
        assertThat(check("{\"model\": \"z13-base\"}", "hi").get("decision").asText()).isEqualTo("approved");
    }

    @Test
    void aMachineTypeTheTargetsQemuDoesNotRunIsRejected() {
        JsonNode newer = check("{\"model\": \"gen15a-base\", \"machineType\": \"s390-ccw-virtio-10.0\"}", "old");
        assertThat(codes(newer, "reasons")).containsExactly("MACHINE_TYPE_UNKNOWN_TO_TARGET");
        assertThat(check("{\"model\": \"gen15a-base\", \"machineType\": \"s390-ccw-virtio-7.2\"}", "old")
                .get("decision").asText()).isEqualTo("approved");
        assertThat(check("{\"model\": \"gen15a-base\", \"machineType\": \"s390-ccw-virtio\"}", "old")
                .get("decision").asText()).as("the alias of the default runs everywhere").isEqualTo("approved");
        JsonNode named = check("{\"name\": \"vm10\"}", "old");
        assertThat(codes(named, "reasons")).as("the machine type from the guest's record").contains("MACHINE_TYPE_UNKNOWN_TO_TARGET");
    }

    @Test
    void aFeatureTheTargetsQemuDoesNotKnowIsRejectedNamingIt() {
        QemuView v72 = QemuView.of(Fleet.CATALOG, OnQemu.V72);
        CpuDefinition gen16a = Fleet.CATALOG.definition("gen16a").orElseThrow();
        FeatureSet newer = v72.unknownFeatures(gen16a.full());
        String feature = Fleet.CATALOG.names(newer).get(0);
        JsonNode r = check("{\"model\": \"gen16a-base," + feature + "=on\"}", "old");
        assertThat(codes(r, "reasons")).contains("MODEL_UNKNOWN_TO_TARGET_QEMU");
        assertThat(r.toString()).contains(feature);
        assertThat(check("{\"model\": \"gen17a-base\"}", "old").toString()).contains("does not know the CPU definition gen17a");
    }

    @Test
    void deprecatedFeaturesAreNamedFirstAndAPoolMayComputeWithoutThem() {
        JsonNode missing = check("{\"model\": \"z14\"}", "g15");
        JsonNode reason = missing.get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("MISSING_FEATURES");
        assertThat(reason.get("features").get(0).asText()).isIn("csske", "bpb", "te", "cte");
        assertThat(reason.get("message").asText()).containsPattern(" (is|are) deprecated").contains("deprecatedFeatures: off");

        assertThat(http.put("/api/v1/pools/floor-on", ADMIN, "{\"selector\": {\"floor\": \"x\"}, \"floor\": \"z14\"}")
                .status()).isEqualTo(200);
        JsonNode on = http.get("/api/v1/pools/floor-on/gcm", READER).json();
        assertThat(on.get("quarantined").get("g15").asText()).startsWith("cannot run the pool's floor model z14: the host lacks the deprecated")
                .contains("gen15 and later dropped");
        assertThat(http.put("/api/v1/pools/floor-off", ADMIN,
                "{\"selector\": {\"floor\": \"x\"}, \"floor\": \"-cpu z14\", \"deprecatedFeatures\": \"off\"}").status()).isEqualTo(200);
        JsonNode limits = gcmOf("limits", "{\"selector\": {\"floor\": \"x\"}}");
        JsonNode g15 = limits.get("limitedBy").findParents("host").stream()
                .filter(l -> l.get("host").asText().equals("g15")).findFirst().orElseThrow();
        assertThat(g15.get("removes").get(0).asText()).as(g15.toString()).isIn("csske", "bpb", "te", "cte");
        assertThat(limits.get("deprecation").asText()).contains("gen15 and later dropped").contains("deprecatedFeatures: off");
        JsonNode off = http.get("/api/v1/pools/floor-off/gcm", READER).json();
        assertThat(off.get("quarantined").toString()).as(off.toString()).doesNotContain("csske");

        JsonNode keep = gcmOf("dep-on", "{\"selector\": {\"dep\": \"x\"}}");
        assertThat(keep.get("features").toString()).contains("\"csske\"");
        JsonNode drop = gcmOf("dep-off", "{\"selector\": {\"dep\": \"x\"}, \"deprecatedFeatures\": \"off\"}");
        assertThat(drop.get("features").toString()).doesNotContain("\"csske\"").doesNotContain("\"bpb\"");
        assertThat(drop.get("options").get("deprecatedFeatures").asText()).isEqualTo("off");
        assertThat(drop.get("qemu").get("props").get("csske").asBoolean(true)).as("-o args switches it off").isFalse();
        assertThat(http.get("/api/v1/pools", READER).json().toString()).contains("\"deprecatedFeatures\":\"off\"");
    }

    @Test
    void aMixedPoolSaysWhichReleaseAndHostBoundIt() {
        JsonNode g = gcmOf("mixed", "{\"selector\": {\"rel\": \"mixed\"}}");
        assertThat(g.get("qemuView").get("version").asText()).isEqualTo("7.2");
        assertThat(g.get("qemuView").get("boundedBy").asText()).isEqualTo("old");
        assertThat(g.get("qemuView").get("sentence").asText()).startsWith("computed in the view of QEMU 7.2 (the QEMU of old)");
        assertThat(http.get("/api/v1/pools/default/gcm", READER).json().get("qemuView").get("version").asText())
                .isEqualTo("7.2");
    }

    @Test
    void poolOptionsAreParsedStrictly() {
        for (String bad : List.of("{\"strictIbc\": \"yes\"}", "{\"deprecatedFeatures\": \"maybe\"}",
                "{\"deprecatedFeatures\": false}", "{\"floor\": \"<cpu><model>z99</model></cpu>\"}", "{\"floor\": 7}")) {
            Http.Answer a = http.put("/api/v1/pools/bad", ADMIN, bad);
            assertThat(a.status()).as(bad + " " + a.body()).isEqualTo(400);
        }
        assertThat(http.get("/api/v1/pools/bad/gcm", READER).status()).isEqualTo(404);
    }

    private static JsonNode gcmOf(String pool, String body) {
        assertThat(http.put("/api/v1/pools/" + pool, ADMIN, body).status()).isEqualTo(200);
        return http.get("/api/v1/pools/" + pool + "/gcm", READER).json();
    }
}
