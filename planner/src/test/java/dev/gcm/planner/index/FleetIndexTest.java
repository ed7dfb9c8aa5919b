package dev.gcm.planner.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.model.Pool;
import dev.gcm.facilitydb.testing.Seeded;
import dev.gcm.planner.support.Fleet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FleetIndexTest {

    private static final List<String> DEFS = List.of("z13", "z13s", "z14", "z14ZR1", "gen15a", "gen15b", "gen16a");
    private static final List<String> MASKABLE = List.of("vx", "te", "gs", "vxeh", "kma-gcm-aes-256", "msa5-base",
            "sthyi", "iep", "deflate-base", "vxeh2");

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private static StoredHost stored(HostRecord r, long now) {
        return new StoredHost(HostRecordJson.write(r), r.bootId(), r.seq(), now, false);
    }

    private static HostRecord randomHost(Random random, String id, long seq) {
        List<String> masked = new ArrayList<>();
        for (String f : MASKABLE) {
            if (random.nextInt(5) == 0) {
                masked.add(f);
            }
        }
        String def = DEFS.get(random.nextInt(DEFS.size()));
        var defn = Fleet.CATALOG.definition(def).orElseThrow();
        masked.removeIf(f -> !defn.defaults().contains(Fleet.CATALOG.feature(f).orElseThrow().index()));
        HostRecord r = Fleet.record(id, def, masked, Map.of("zone", random.nextBoolean() ? "a" : "b"), seq, List.of());
        if (random.nextInt(3) == 0) {
            r = Fleet.withRange(r, "0x0" + (random.nextInt(2) + 1) + "1", defn.ibc().toString());
        }
        return r;
    }

    @Test
    void theIncrementalGcmEqualsTheGcmFromScratch() {
        Seeded.forAll(40, this::incrementalEqualsFromScratch);
    }

    private void incrementalEqualsFromScratch(Random random) {
        FleetIndex index = new FleetIndex(Fleet.CATALOG, 60_000, clock::get);
        index.setPools(List.of(new Pool("zone-a", Map.of("zone", "a"), null, false)));
        Map<String, HostRecord> truth = new HashMap<>();
        HostRecordValidator validator = new HostRecordValidator(Fleet.CATALOG);
        long seq = 1;
        for (int step = 0; step < 60; step++) {
            String id = "h" + random.nextInt(12);
            if (random.nextInt(5) == 0) {
                index.remove(id);
                truth.remove(id);
            } else {
                HostRecord r = randomHost(random, id, seq++);
                index.upsert(id, stored(r, clock.get()));
                truth.put(id, r);
            }
            for (String pool : List.of("default", "zone-a")) {
                List<GcmHost> members = truth.values().stream()
                        .filter(r -> pool.equals("default") || "a".equals(r.labels().get("zone")))
                        .map(r -> validator.validate(r).toGcmHost()).toList();
                PoolGcm online = index.gcm(pool).orElseThrow();
                var offline = Gcm.compute(Fleet.CATALOG, members);
                assertThat(online.hostCount()).isEqualTo(members.size());
                assertThat(online.model()).as("step " + step + " pool " + pool).isEqualTo(offline.model());
                if (offline.model().isEmpty() && !members.isEmpty()) {
                    assertThat(online.conflicts()).isEqualTo(offline.conflicts());
                }
            }
        }
    }

    @Test
    void reconcileRepairsMissedEventsAndLateEventsDoNotGoBack() {
        FleetIndex index = new FleetIndex(Fleet.CATALOG, 60_000, clock::get);
        Random random = new Random(3);
        HostRecord a1 = randomHost(random, "a", 1);
        HostRecord a2 = randomHost(random, "a", 2);
        HostRecord b1 = randomHost(random, "b", 1);
        index.upsert("a", stored(a2, 1));
        index.upsert("a", stored(a1, 1));  // a late, older event
        assertThat(index.host("a").orElseThrow().stored().seq()).isEqualTo(2);
        index.upsert("ghost", stored(randomHost(random, "ghost", 1), 1));
        long before = index.version();
        int fixed = index.reconcile(Map.of("a", stored(a2, 1), "b", stored(b1, 1)));
        assertThat(fixed).isEqualTo(2);
        assertThat(index.hosts()).extracting(IndexedHost::id).containsExactly("a", "b");
        assertThat(index.version()).isGreaterThan(before);
        assertThat(index.reconcile(Map.of("a", stored(a2, 1), "b", stored(b1, 1)))).isZero();
    }

    @Test
    void softFeaturesCountOnlyInPoolsThatOptIn() {
        FleetIndex index = new FleetIndex(Fleet.CATALOG, 60_000, clock::get);
        index.setPools(List.of(new Pool("soft", Map.of(), null, true)));
        var sthyi = Fleet.CATALOG.feature("sthyi").orElseThrow();
        for (String id : List.of("x", "y")) {
            HostRecord r = Fleet.record(id, "z14", List.of(), Map.of(), 1, List.of());
            HostRecord soft = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(),
                    new HostRecord.Facilities(r.facilities().hard(), List.of(sthyi.bit()), r.facilities().mask()),
                    r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            index.upsert(id, stored(soft, 1));
        }
        var hard = index.gcm("default").orElseThrow();
        var withSoft = index.gcm("soft").orElseThrow();
        assertThat(hard.model().orElseThrow().features().contains(sthyi.index())).isFalse();
        assertThat(withSoft.model().orElseThrow().features().contains(sthyi.index())).isTrue();
        assertThat(withSoft.softFingerprint()).isPresent();
        assertThat(hard.softFingerprint()).isEmpty();
    }

    @Test
    void staleHostsStayInTheGcmAndAreListed() {
        FleetIndex index = new FleetIndex(Fleet.CATALOG, 60_000, clock::get);
        index.upsert("old", stored(Fleet.record("old", "z13", 1), clock.get()));
        clock.addAndGet(120_000);
        index.upsert("new", stored(Fleet.record("new", "z14", 1), clock.get()));
        PoolGcm g = index.gcm("default").orElseThrow();
        assertThat(g.hostCount()).isEqualTo(2);
        assertThat(g.model().orElseThrow().definition().generation()).isEqualTo(13);
        assertThat(g.stale()).containsExactly("old");
    }
}
