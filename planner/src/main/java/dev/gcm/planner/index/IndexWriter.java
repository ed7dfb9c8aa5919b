package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.Pool;
import dev.gcm.planner.model.PoolEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The index's single writer: applies the grid's changes to a host's report, a host's admin state and the
 * pools, each only if its revision is above what the index has (a late or replayed event never undoes a
 * newer one, and a removal leaves a floor so the removed entry's older events stay out), and publishes a
 * new {@link IndexSnapshot} when what the index shows changes. Not thread-safe: one thread at a time.
 * Reconcile lives in {@link Reconciler}.
 */
public final class IndexWriter {

    private final FleetIndex index;
    private final Catalog catalog;
    private final ModelResolver resolver;
    /** Written by the writer only; concurrent so that readers can take a host's freshness from it. */
    final Map<String, HostSlot> slots = new ConcurrentHashMap<>();
    final Map<String, PoolSlot> poolSlots = new HashMap<>();
    private final Map<String, CpuModel> floors = new HashMap<>();
    private volatile long touches;

    IndexWriter(FleetIndex index, Catalog catalog) {
        this.index = index;
        this.catalog = catalog;
        this.resolver = new ModelResolver(catalog);
    }

    static IndexSnapshot emptySnapshot(Catalog catalog) {
        return new IndexSnapshot(0, catalog, PersistentMap.empty(),
                new PoolView[] {PoolView.empty(Pool.defaultPool(), catalog.indexLimit())}, GuestPlaces.EMPTY);
    }

    /** What the writer has of one host. */
    static final class HostSlot {
        long reportRevision;
        long reportFloor;
        HostContent content;
        HostAdmin admin;
        long adminFloor;
        long touched;
        /** What the current snapshot shows of the host (null: nothing). */
        IndexedHost shown;
        /** When it last reported (empty: no report); shared with the snapshots that show the host. */
        final LastHeard heard = new LastHeard();

        void alive(HostReport r) {
            heard.set(new Liveness(r.receivedAtMillis(), r.bootId(), r.seq()));
        }
    }

    /** When a host last reported, or null; from any thread. */
    Liveness liveness(String id) {
        HostSlot s = slots.get(id);
        return s == null ? null : s.heard.orNull();
    }

    /** The slot of a host, made if there is none (no computeIfAbsent: this is the hot path). */
    HostSlot slot(String id) {
        HostSlot s = slots.get(id);
        if (s == null) {
            s = new HostSlot();
            slots.put(id, s);
        }
        return s;
    }

    /** What the writer has of one pool. */
    static final class PoolSlot {
        long revision;
        long floor;
        long touched;
    }

    /** How many changes the writer has applied so far (reconcile's mark). */
    public long touches() {
        return touches;
    }

    long touch() {
        touches = touches + 1;
        return touches;
    }

    /**
     * A host's report was stored. {@code content}, read ahead on another thread, is used when it is of
     * the report's content revision; otherwise the record is read here unless the index already has it.
     */
    public void report(HostReport r, HostContent content) {
        long start = System.nanoTime();
        HostSlot slot = slot(r.hostId());
        if (r.revision() <= Math.max(slot.reportRevision, slot.reportFloor)) {
            return;
        }
        slot.touched = touch();
        slot.reportRevision = r.revision();
        slot.alive(r);
        if (slot.content != null && slot.content.contentRevision() == r.contentRevision()) {
            return; // a heartbeat: freshness only
        }
        HostContent c = content != null && content.contentRevision() == r.contentRevision() ? content : readOrNull(r);
        slot.content = c;
        change(r.hostId(), slot);
        index.observed(System.nanoTime() - start);
    }

    private HostContent readOrNull(HostReport r) {
        try {
            return index.read(r);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(IndexWriter.class)
                    .warn("host {}: stored record no longer resolves, left out of the index: {}", r.hostId(), e.getMessage());
            return null;
        }
    }

    /** A host's report was removed (decommission clean-up, expiry); {@code old} is what was removed. */
    public void reportRemoved(String id, HostReport old) {
        HostSlot slot = slots.get(id);
        if (slot == null || old.revision() < slot.reportRevision) {
            return;
        }
        clearReport(id, slot, old.revision());
    }

    /** Forgets the reports of hosts whose grid data was lost (every replica of their partition gone). */
    public void dropHosts(Predicate<String> lost) {
        slots.entrySet().stream().filter(e -> e.getValue().content != null && lost.test(e.getKey())).toList()
                .forEach(e -> clearReport(e.getKey(), e.getValue(), e.getValue().reportRevision));
    }

    void clearReport(String id, HostSlot slot, long floor) {
        slot.touched = touch();
        slot.reportFloor = Math.max(slot.reportFloor, floor);
        slot.reportRevision = 0;
        slot.content = null;
        slot.heard.set(null);
        change(id, slot);
    }

    /** A host's admin state was written (cordon, tombstone, ...). */
    public void admin(String id, HostAdmin a) {
        HostSlot slot = slot(id);
        long known = slot.admin == null ? 0 : slot.admin.revision();
        if (a.revision() <= Math.max(known, slot.adminFloor)) {
            return;
        }
        slot.touched = touch();
        slot.admin = a;
        change(id, slot);
    }

    /** A pool was defined or redefined (one that cannot be read is left out, and said so). */
    public void pool(PoolEntry entry) {
        PoolSlot slot = poolSlots.computeIfAbsent(entry.name(), k -> new PoolSlot());
        if (entry.revision() <= Math.max(slot.revision, slot.floor)) {
            return;
        }
        slot.touched = touch();
        slot.revision = entry.revision();
        setPool(entry.name(), Reconciler.parse(entry));
    }

    /** A pool was removed. */
    public void poolRemoved(String name, long revision) {
        PoolSlot slot = poolSlots.get(name);
        if (slot == null || revision < slot.revision) {
            return;
        }
        slot.touched = touch();
        slot.floor = Math.max(slot.floor, revision);
        slot.revision = 0;
        setPool(name, null);
    }

    /** Replaces (null: removes) one pool's view, placing every host afresh: O(hosts). */
    void setPool(String name, Pool pool) {
        if (Pool.DEFAULT.equals(name)) {
            return;
        }
        IndexSnapshot s = index.snapshot();
        List<PoolView> pools = new ArrayList<>(List.of(s.views()));
        int at = -1;
        for (int i = 0; i < pools.size() && at < 0; i++) {
            at = pools.get(i).pool().name().equals(name) ? i : -1;
        }
        floors.remove(name);
        if (pool == null) {
            if (at >= 0) {
                pools.remove(at);
            }
        } else {
            if (pool.floor() != null) {
                CpuModel floor = resolver.resolve(pool.floor());
                if (pool.gcmOptions().deprecatedFeaturesOff()) { // the pool does not depend on them: nor does its floor
                    floor = new CpuModel(floor.definition(), floor.features().andNot(catalog.deprecatedByAnyRelease()));
                }
                floors.put(name, floor);
            }
            PoolView[] view = {PoolView.empty(pool, catalog.indexLimit())};
            s.all().members().forEach(m -> view[0] = place(view[0], m.host().id(), m.host()));
            if (at >= 0) {
                pools.set(at, view[0]);
            } else {
                pools.add(view[0]);
            }
        }
        index.publish(new IndexSnapshot(s.version() + 1, catalog, s.tombstoneMap(), pools.toArray(new PoolView[0]),
                s.guestPlaces()));
    }

    /** Publishes a new snapshot if what the index shows of the host changed. */
    void change(String id, HostSlot slot) {
        IndexSnapshot s = index.snapshot();
        IndexedHost before = slot.shown;
        IndexedHost after = visible(id, slot);
        Long tombBefore = s.tombstoneMap().get(id);
        Long tombAfter = slot.admin != null && slot.admin.decommissioned() ? slot.admin.decommissionedAtMillis() : null;
        boolean sameHost = before == null ? after == null : before.sameAs(after);
        if (sameHost && Objects.equals(tombBefore, tombAfter)) {
            return;
        }
        PersistentMap<String, Long> tombs = tombAfter == null ? s.tombstoneMap().remove(id)
                : s.tombstoneMap().put(id, tombAfter);
        slot.shown = after;
        PoolView[] pools = s.views();
        GuestPlaces guests = s.guestPlaces();
        if (!sameHost) {
            for (int i = 0; i < pools.length; i++) {
                pools[i] = place(pools[i], id, after);
            }
            guests = guests.moved(id, before, after);
        }
        index.publish(new IndexSnapshot(s.version() + 1, catalog, tombs, pools, guests));
    }

    /** The host as the index shows it: a readable record and no tombstone; else none. */
    private static IndexedHost visible(String id, HostSlot slot) {
        HostAdmin a = slot.admin == null ? HostAdmin.NONE : slot.admin;
        if (slot.content == null || a.decommissioned()) {
            return null;
        }
        HostContent c = slot.content;
        return new IndexedHost(id, c.resolved(), c.softFeatures(), a.cordoned(), c.leaving(), c.contentRevision(),
                a.revision(), slot.heard);
    }

    private PoolView place(PoolView view, String id, IndexedHost h) {
        if (h == null || !view.pool().selects(h.resolved().record().labels())) {
            return view.without(id);
        }
        CpuModel model = h.modelFor(view.pool().soft());
        CpuModel floor = floors.get(view.pool().name());
        if (floor != null) {
            Comparison.Result r = Comparison.compare(catalog, floor, model);
            if (!r.result().runnable()) {
                return view.quarantine(id, FloorQuarantine.reason(catalog, view.pool().floor().name(), floor, model, r));
            }
        }
        return view.with(h, model);
    }

    // --- revisions the index has seen (for read-your-writes), on the writer's thread

    long reportRevision(String id) {
        HostSlot s = slots.get(id);
        return s == null ? 0 : Math.max(s.reportRevision, s.reportFloor);
    }

    long adminRevision(String id) {
        HostSlot s = slots.get(id);
        return s == null || s.admin == null ? 0 : s.admin.revision();
    }

    long poolRevision(String name) {
        PoolSlot s = poolSlots.get(name);
        return s == null ? 0 : Math.max(s.revision, s.floor);
    }
}
