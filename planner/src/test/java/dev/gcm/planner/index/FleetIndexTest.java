package dev.gcm.planner.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.testing.Seeded;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.Pool;
import dev.gcm.planner.model.PoolEntry;
import dev.gcm.planner.support.Fleet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The index against from-scratch GCMs and against the orders its events can come in. */
class FleetIndexTest {

    private static final List<String> DEFS = List.of("z13", "z13s", "z14", "z14ZR1", "gen15a", "gen15b", "gen16a");
    private static final List<String> MASKABLE = List.of("vx", "te", "gs", "vxeh", "kma-gcm-aes-256", "msa5-base",
            "sthyi", "iep", "deflate-base", "vxeh2");

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicLong revisions = new AtomicLong(100);

    /** A stored report of a record at a new revision (a new content revision unless {@code contentOf} says otherwise). */
    private HostReport stored(HostRecord r, HostReport contentOf) {
        long rev = revisions.incrementAndGet();
        return HostReport.of(r, clock.get()).stamped(rev, contentOf == null ? rev : contentOf.contentRevision());
    }

    static HostRecord randomHost(Random random, String id, long seq) {
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

    private FleetIndex index() {
        return new FleetIndex(Fleet.CATALOG, 60_000, clock::get);
    }

    private static PoolEntry pool(String name, String zone, long revision) {
        return new PoolEntry(name, "{\"name\": \"" + name + "\", \"selector\": {\"zone\": \"" + zone + "\"}, \"soft\": false}", revision);
    }

    @Test
    void theIncrementalGcmEqualsTheGcmFromScratch() {
        Seeded.forAll(40, this::incrementalEqualsFromScratch);
    }

    private void incrementalEqualsFromScratch(Random random) {
        FleetIndex index = index();
        IndexWriter w = index.writer();
        w.pool(pool("zone-a", "a", 1));
        Map<String, HostRecord> truth = new HashMap<>();
        Map<String, HostReport> reports = new HashMap<>();
        HostRecordValidator validator = new HostRecordValidator(Fleet.CATALOG);
        long seq = 1;
        for (int step = 0; step < 60; step++) {
            String id = "h" + random.nextInt(12);
            if (random.nextInt(5) == 0) {
                if (reports.containsKey(id)) {
                    w.reportRemoved(id, reports.remove(id));
                }
                truth.remove(id);
            } else {
                HostRecord r = randomHost(random, id, seq++);
                HostReport s = stored(r, null);
                w.report(s, null);
                truth.put(id, r);
                reports.put(id, s);
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
    void lateOrReplayedEventsNeverGoBack() {
        FleetIndex index = index();
        IndexWriter w = index.writer();
        Random random = new Random(3);
        HostReport a1 = stored(randomHost(random, "a", 1), null);
        HostReport a2 = stored(randomHost(random, "a", 2), null);
        w.report(a2, null);
        w.report(a1, null); // an older event arriving late
        assertThat(index.host("a").orElseThrow().contentRevision()).isEqualTo(a2.contentRevision());
        assertThat(index.liveness("a").orElseThrow().seq()).isEqualTo(2);
        w.reportRemoved("a", a2);
        w.report(a2, null); // the removed report, replayed
        assertThat(index.host("a")).isEmpty();
    }

    /** The first race of issue 14: a cordon that arrives between reconcile's read of the grid and its apply. */
    @Test
    void aCordonArrivingWhileReconcileReadsTheGridStays() {
        FleetIndex index = index();
        IndexWriter w = index.writer();
        HostReport h = stored(Fleet.record("h", "z14", 1), null);
        w.report(h, null);
        long mark = w.touches();
        // reconcile reads the grid now: the host, not yet cordoned
        Reconciler.Truth truth = new Reconciler.Truth(mark, Map.of("h", h), Map.of(), Map.of(), Map.of());
        w.admin("h", new HostAdmin(true, 0, revisions.incrementAndGet())); // the cordon's event
        new Reconciler(index).apply(truth);
        assertThat(index.host("h").orElseThrow().cordoned()).isTrue();
        // the next round reads the cordon and agrees
        Reconciler.Truth later = new Reconciler.Truth(w.touches(), Map.of("h", h), Map.of(),
                Map.of("h", new HostAdmin(true, 0, revisions.get())), Map.of());
        assertThat(new Reconciler(index).apply(later)).isZero();
        assertThat(index.host("h").orElseThrow().cordoned()).isTrue();
    }

    /** The second race of issue 14: a report's event that arrives after the host's decommission. */
    @Test
    void aLateReportAfterADecommissionDoesNotBringTheHostBack() {
        FleetIndex index = index();
        IndexWriter w = index.writer();
        HostReport h = stored(Fleet.record("h", "z14", 1), null);
        w.report(h, null);
        w.admin("h", new HostAdmin(false, clock.get(), revisions.incrementAndGet()));
        w.reportRemoved("h", h);
        w.report(h, null);
        assertThat(index.host("h")).isEmpty();
        assertThat(index.snapshot().decommissionedAt("h")).contains(clock.get());
        // even a newer report that raced the decommission into the grid stays hidden behind the tombstone
        w.report(stored(Fleet.record("h", "z14", 2), null), null);
        assertThat(index.host("h")).isEmpty();
    }

    @Test
    void reconcileRepairsMissedEventsAndRemovesGhosts() {
        FleetIndex index = index();
        IndexWriter w = index.writer();
        Random random = new Random(5);
        HostReport a = stored(randomHost(random, "a", 1), null);
        HostReport ghost = stored(randomHost(random, "ghost", 1), null);
        HostReport b = stored(randomHost(random, "b", 1), null);
        w.report(a, null);
        w.report(ghost, null);
        long before = index.version();
        Reconciler.Truth truth = new Reconciler.Truth(w.touches(), Map.of("a", a, "b", b), Map.of("b", index.read(b)),
                Map.of(), Map.of("zone-a", pool("zone-a", "a", 7)));
        Reconciler r = new Reconciler(index);
        assertThat(r.apply(truth)).isEqualTo(3);
        assertThat(index.hosts()).extracting(IndexedHost::id).containsExactly("a", "b");
        assertThat(index.pool("zone-a")).isPresent();
        assertThat(index.version()).isGreaterThan(before);
        assertThat(r.apply(new Reconciler.Truth(w.touches(), truth.reports(), Map.of(), Map.of(), truth.pools()))).isZero();
    }

    @Test
    void aHeartbeatChangesFreshnessOnly() {
        FleetIndex index = index();
        IndexWriter w = index.writer();
        HostRecord r = Fleet.record("h", "z14", 1);
        HostReport first = stored(r, null);
        w.report(first, null);
        IndexSnapshot before = index.snapshot();
        clock.addAndGet(5000);
        w.report(stored(Fleet.record("h", "z14", 2), first), null);
        assertThat(index.snapshot()).isSameAs(before);
        assertThat(index.liveness("h").orElseThrow().seq()).isEqualTo(2);
        assertThat(index.liveness("h").orElseThrow().receivedAtMillis()).isEqualTo(clock.get());
        // the host the (unchanged) snapshot shows sees the heartbeat too: the gate reads freshness from it
        LastHeard heard = before.host("h").orElseThrow().heard();
        assertThat(heard.get().orElseThrow().seq()).isEqualTo(2);
        assertThat(index.stale(heard)).isFalse();
        w.reportRemoved("h", stored(Fleet.record("h", "z14", 3), first));
        assertThat(heard.get()).isEmpty();
        assertThat(index.stale(heard)).isTrue();
    }

    @Test
    void leavingHostsAreMarked() {
        FleetIndex index = index();
        HostRecord r = Fleet.record("h", "z14", List.of(), Map.of(IndexedHost.LEAVING_LABEL, "true"), 1, List.of());
        index.writer().report(stored(r, null), null);
        assertThat(index.host("h").orElseThrow().leaving()).isTrue();
    }

    @Test
    void softFeaturesCountOnlyInPoolsThatOptIn() {
        FleetIndex index = index();
        index.writer().pool(new PoolEntry("soft", "{\"name\": \"soft\", \"soft\": true}", 1));
        var sthyi = Fleet.CATALOG.feature("sthyi").orElseThrow();
        for (String id : List.of("x", "y")) {
            HostRecord r = Fleet.record(id, "z14", List.of(), Map.of(), 1, List.of());
            HostRecord soft = new HostRecord(r.apiVersion(), r.kind(), r.hostId(), r.labels(), r.machine(), r.hostModel(),
                    new HostRecord.Facilities(r.facilities().hard(), List.of(sthyi.bit()), r.facilities().mask()),
                    r.hypervisor(), r.guests(), r.probeTime(), r.agentVersion(), r.bootId(), r.seq());
            index.writer().report(stored(soft, null), null);
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
        FleetIndex index = index();
        index.writer().report(stored(Fleet.record("old", "z13", 1), null), null);
        clock.addAndGet(120_000);
        index.writer().report(stored(Fleet.record("new", "z14", 1), null), null);
        PoolGcm g = index.gcm("default").orElseThrow();
        assertThat(g.hostCount()).isEqualTo(2);
        assertThat(g.model().orElseThrow().definition().generation()).isEqualTo(13);
        assertThat(g.stale()).containsExactly("old");
        assertThat(Pool.defaultPool().selects(Map.of())).isTrue();
    }
}
