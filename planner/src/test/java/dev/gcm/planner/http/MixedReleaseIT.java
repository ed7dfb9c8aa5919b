package dev.gcm.planner.http;

import static dev.gcm.planner.support.TestPlanner.ADMIN;
import static dev.gcm.planner.support.TestPlanner.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.gcm.MixedReleaseGcm;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.facilitydb.testing.Seeded;
import dev.gcm.facilitydb.testing.SeededModels;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.Http;
import dev.gcm.planner.support.OnQemu;
import dev.gcm.planner.support.TestPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hosts of several QEMU releases in one planner: records are read in their own release's view (a model its
 * QEMU does not know is refused; definitions and machine types are derived from the release), and a pool's GCM
 * is computed in the view of its oldest release, equal to facility-db's {@link MixedReleaseGcm} over the same
 * hosts (seeded random 7.2/10.0 fleets; the seed is printed on failure, {@code -Dgcm.seed=N} replays), and
 * accepted by both real QEMUs.
 */
class MixedReleaseIT {

    private static final Catalog NEWEST = Fleet.CATALOG;
    private static TestPlanner planner;
    private static Http http;
    private static final AtomicInteger FLEETS = new AtomicInteger();
    /** The common GCMs the fleets had, each with the release its pool's view is of (its oldest host's). */
    private static final List<ViewedGcm> GCMS = new ArrayList<>();

    private record ViewedGcm(JsonNode model, String view) {
    }

    @BeforeAll
    static void start() throws Exception {
        planner = TestPlanner.start(Map.of());
        http = planner.http();
    }

    @AfterAll
    static void stop() {
        planner.close();
    }

    @Test
    void aRecordWhoseModelItsOwnQemuDoesNotKnowIsRefusedNamingTheField() {
        HostRecord gen17On72 = withHostModel(OnQemu.record("r1", "gen16a", OnQemu.V72, Map.of()),
                CpuModelInfoJson.read(JsonNodeFactory.instance.objectNode().put("name", "gen17a-base"), "$"));
        Http.Answer a = http.put("/api/v1/hosts/r1", ADMIN, Fleet.json(gen17On72));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().get("code").asText()).isEqualTo("INVALID_RECORD");
        assertThat(a.json().get("violations").get(0).get("field").asText()).isEqualTo("$.hostModel");
        assertThat(a.json().get("violations").get(0).get("message").asText()).contains("QEMU 7.2");
        HostRecord badVersion = withVersion(OnQemu.record("r1", "z14", OnQemu.V72, Map.of()), "seven");
        Http.Answer b = http.put("/api/v1/hosts/r1", ADMIN, Fleet.json(badVersion));
        assertThat(b.status()).isEqualTo(400);
        assertThat(b.body()).contains("$.hypervisor.qemuVersion");
        assertThat(http.get("/api/v1/hosts/r1", READER).status()).isEqualTo(404);
    }

    @Test
    void definitionsAndMachineTypesAreDerivedFromTheReleaseWhenTheRecordOmitsThem() {
        HostRecord r = OnQemu.record("r2", "gen16a", OnQemu.V72, Map.of("only", "r2"));
        assertThat(Fleet.json(r).length()).isLessThan(2048);
        assertThat(http.put("/api/v1/hosts/r2", ADMIN, Fleet.json(r)).status()).isEqualTo(200);
        JsonNode qemu = http.get("/api/v1/hosts/r2", READER).json().get("qemu");
        assertThat(qemu.get("version").asText()).isEqualTo("7.2");
        assertThat(qemu.get("machineTypesReported").asBoolean()).isFalse();
        assertThat(qemu.get("machineTypes").toString()).contains("s390-ccw-virtio-7.2").doesNotContain("virtio-10.0");
    }

    @Test
    void theGcmOfRandomMixedFleetsIsMixedReleaseGcmsAndBothQemusAcceptIt() {
        Seeded.forAll(6, random -> {
            String fleet = "f" + FLEETS.incrementAndGet();
            List<GcmHost> hosts = new ArrayList<>();
            int n = 2 + random.nextInt(7);
            for (int i = 0; i < n; i++) {
                QemuVersion qemu = random.nextInt(3) == 0 ? OnQemu.V72 : OnQemu.V10;
                hosts.add(put(fleet + "-h" + i, qemu, fleet, random));
            }
            GcmOptions options = new GcmOptions(random.nextBoolean(), random.nextBoolean());
            ObjectNode pool = JsonNodeFactory.instance.objectNode().put("strictIbc", options.strictIbc())
                    .put("deprecatedFeatures", options.deprecatedFeaturesOff() ? "off" : "on");
            pool.putObject("selector").put("fleet", fleet);
            assertThat(http.put("/api/v1/pools/" + fleet, ADMIN, pool.toString()).status()).isEqualTo(200);
            JsonNode online = http.get("/api/v1/pools/" + fleet + "/gcm", READER).json();
            MixedReleaseGcm.Result offline = MixedReleaseGcm.compute(NEWEST, hosts, Optional.empty(), options);
            assertThat(online.get("common").asBoolean()).as(online.toString()).isEqualTo(offline.gcm().hasCommonModel());
            assertThat(online.get("qemuView").get("version").asText())
                    .isEqualTo(offline.view().release().major() + "." + offline.view().release().minor());
            assertThat(online.get("qemuView").get("boundedBy").asText()).isEqualTo(offline.bound().hosts().get(0));
            offline.gcm().model().ifPresent(m -> {
                assertThat(online.get("definition").get("name").asText()).isEqualTo(m.definition().name());
                List<String> features = new ArrayList<>();
                online.get("features").forEach(f -> features.add(f.asText()));
                assertThat(features).containsExactlyElementsOf(offline.view().catalog().names(m.features()));
                GCMS.add(new ViewedGcm(online.get("qemu"), online.get("qemuView").get("version").asText()));
            });
        });
        acceptedByRealQemus();
    }

    /**
     * Every common GCM the fleets had expands (static) in each QEMU its fleet runs: 10.0 takes them all, 7.2
     * those of fleets with a 7.2 host (an all-10.0 fleet may have a gen17 GCM, which 7.2 does not know).
     */
    private static void acceptedByRealQemus() {
        Path q72 = Path.of("/usr/bin/qemu-system-s390x");
        Path q10 = Path.of(System.getenv().getOrDefault("GCM_QEMU10_HOME", "/opt/gcm-qemu10"));
        assumeTrue(Files.isExecutable(q72) && Files.isExecutable(q10.resolve("usr/bin/qemu-system-s390x")),
                "both QEMU releases are needed (.ci/run installs them)");
        expandEvery(q72.toString(), List.of(), GCMS.stream().filter(g -> g.view().equals("7.2")).toList());
        expandEvery(q10.resolve("usr/bin/qemu-system-s390x").toString(),
                List.of("-L", q10.resolve("usr/share/qemu").toString()), GCMS);
    }

    private static void expandEvery(String binary, List<String> leading, List<ViewedGcm> gcms) {
        List<String> args = new ArrayList<>(leading);
        args.addAll(List.of("-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "qemu"));
        try (QemuProcess qemu = QemuProcess.start(binary, args, Duration.ofSeconds(30))) {
            for (ViewedGcm g : gcms) {
                ObjectNode a = JsonNodeFactory.instance.objectNode().put("type", "static");
                a.set("model", g.model());
                JsonNode r = qemu.qmp().execute("query-cpu-model-expansion", a);
                assertThat(r.path("model").path("name").asText()).as(binary + " " + g).endsWith("-base");
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(binary + " does not start: " + e.getMessage(), e);
        }
    }

    /** A random host on a release (gen14 and later of that release, random features), stored through the API. */
    private static GcmHost put(String id, QemuVersion qemu, String fleet, Random random) {
        QemuView view = QemuView.of(NEWEST, qemu);
        List<CpuDefinition> recent = view.catalog().definitions().stream().filter(d -> d.generation() >= 14).toList();
        CpuModel inView = SeededModels.model(view.catalog(), recent.get(random.nextInt(recent.size())), random);
        CpuModel model = new CpuModel(NEWEST.definition(inView.definition().name()).orElseThrow(), inView.features());
        Optional<String[]> range = Optional.empty();
        if (random.nextInt(3) == 0) {
            Ibc unblocked = model.definition().ibc();
            Ibc lowest = new Ibc(Math.min(unblocked.value(), 0x31 + random.nextInt(2) * 0x10));
            range = Optional.of(new String[] {lowest.toString(), unblocked.toString()});
        }
        HostRecord r = OnQemu.record(id, model, qemu, Map.of("fleet", fleet), range, List.of());
        Http.Answer a = http.put("/api/v1/hosts/" + id, ADMIN, Fleet.json(r));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        CpuModel resolved = new ModelResolver(NEWEST).resolve(r.hostModel());
        return new GcmHost(id, resolved, range.map(x -> new IbcRange(Ibc.parse(x[0]), Ibc.parse(x[1]))),
                Optional.of(qemu));
    }

    private static HostRecord withHostModel(HostRecord r, dev.gcm.facilitydb.qemu.CpuModelInfo model) {
        return new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), model, r.facilities(),
                r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
    }

    private static HostRecord withVersion(HostRecord r, String version) {
        HostRecord.HypervisorInfo h = r.hypervisor();
        return new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(),
                r.facilities(), new HostRecord.HypervisorInfo(h.kind(), version, null, h.kernelRelease(), null, null),
                r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
    }
}
