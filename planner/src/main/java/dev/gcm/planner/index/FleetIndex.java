package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.grid.StoredHost;
import dev.gcm.planner.model.Pool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This member's view of every host and every pool, fed by the grid's entry listeners and reconciled
 * against the grid from time to time (listeners can miss events on failover). Every change bumps the
 * version that GCM answers carry. Thread-safe: one lock, held only for in-memory work.
 */
public final class FleetIndex {

    private static final Logger LOG = LoggerFactory.getLogger(FleetIndex.class);

    private final Catalog catalog;
    private final HostRecordValidator validator;
    private final ModelResolver resolver;
    private final long staleAfterMillis;
    private final LongSupplier clock;
    private final Map<String, IndexedHost> hosts = new HashMap<>();
    private final Map<String, PoolIndex> pools = new LinkedHashMap<>();
    private final Map<String, PoolGcm> answers = new HashMap<>();
    private final Compactor compactor = new Compactor();
    private long version;
    private volatile java.util.function.LongConsumer updateObserver = nanos -> { };

    public FleetIndex(Catalog catalog, long staleAfterMillis, LongSupplier clock) {
        this.catalog = catalog;
        this.validator = new HostRecordValidator(catalog);
        this.resolver = new ModelResolver(catalog);
        this.staleAfterMillis = staleAfterMillis;
        this.clock = clock;
        pools.put(Pool.DEFAULT, new PoolIndex(Pool.defaultPool(), catalog.indexLimit()));
    }

    public Catalog catalog() {
        return catalog;
    }

    public long staleAfterMillis() {
        return staleAfterMillis;
    }

    public long now() {
        return clock.getAsLong();
    }

    /** A host was written; the record was validated before it was stored. */
    public void upsert(String id, StoredHost stored) {
        IndexedHost h;
        try {
            h = resolve(id, stored);
        } catch (IllegalArgumentException e) {
            LOG.warn("host {}: stored record no longer resolves, left out of the index: {}", id, e.getMessage());
            remove(id);
            return;
        }
        apply(h);
    }

    /** Reads a stored record into what the index keeps (the costly part of an update, done outside the lock). */
    public IndexedHost resolve(String id, StoredHost stored) {
        HostRecord record = HostRecordJson.read(stored.recordJson().getBytes(StandardCharsets.UTF_8));
        return indexed(id, validator.validate(record), stored);
    }

    /**
     * What the index keeps of a host whose record is already validated: shared feature sets, the record
     * without what its models hold, the grid entry without the record (the grid keeps that).
     */
    public IndexedHost indexed(String id, ResolvedHost resolved, StoredHost stored) {
        FeatureSet soft = compactor.intern(softFeatures(resolved));
        return new IndexedHost(id, compactor.compact(resolved), stored.withoutRecord(), soft);
    }

    /** The validator this index reads records with. */
    public HostRecordValidator validator() {
        return validator;
    }

    /** Puts a resolved host into every pool it belongs to: O(its features) per pool. */
    public synchronized void apply(IndexedHost h) {
        long start = System.nanoTime();
        IndexedHost old = hosts.get(h.id());
        if (old != null && old.stored().seq() > h.stored().seq()) {
            return; // an older event arriving late
        }
        hosts.put(h.id(), h);
        pools.values().forEach(p -> place(p, h));
        version++;
        updateObserver.accept(System.nanoTime() - start);
    }

    /** Told how long each index update took, in nanoseconds (for the metrics). */
    public void observeUpdates(java.util.function.LongConsumer observer) {
        this.updateObserver = observer;
    }

    public synchronized void remove(String id) {
        if (hosts.remove(id) != null) {
            pools.values().forEach(p -> p.remove(id));
            version++;
        }
    }

    /** The pools as stored in the grid ({@code default} always exists); rebuilds the changed ones. */
    public synchronized void setPools(Collection<Pool> defined) {
        Map<String, Pool> wanted = new LinkedHashMap<>();
        wanted.put(Pool.DEFAULT, Pool.defaultPool());
        defined.forEach(p -> wanted.put(p.name(), p));
        pools.keySet().removeIf(name -> !wanted.containsKey(name));
        for (Pool p : wanted.values()) {
            PoolIndex existing = pools.get(p.name());
            if (existing == null || !existing.pool().equals(p)) {
                PoolIndex fresh = new PoolIndex(p, catalog.indexLimit());
                hosts.values().forEach(h -> place(fresh, h));
                pools.put(p.name(), fresh);
            }
        }
        version++;
    }

    /** Makes the index match the grid; answers how many hosts had to be fixed. */
    public int reconcile(Map<String, StoredHost> truth) {
        List<String> gone;
        List<Map.Entry<String, StoredHost>> changed = new ArrayList<>();
        synchronized (this) {
            gone = hosts.keySet().stream().filter(id -> !truth.containsKey(id)).toList();
            truth.forEach((id, s) -> {
                IndexedHost h = hosts.get(id);
                if (h == null || !h.stored().sameEntryAs(s)) {
                    changed.add(Map.entry(id, s));
                }
            });
        }
        gone.forEach(this::remove);
        changed.forEach(e -> upsert(e.getKey(), e.getValue()));
        return gone.size() + changed.size();
    }

    private void place(PoolIndex pool, IndexedHost h) {
        if (!pool.pool().selects(h.resolved().record().labels())) {
            pool.remove(h.id());
            return;
        }
        CpuModel model = h.modelFor(pool.pool().soft());
        if (pool.pool().floor() != null) {
            CpuModel floor = resolver.resolve(pool.pool().floor());
            Comparison.Result r = Comparison.compare(catalog, floor, model);
            if (!r.result().runnable()) {
                pool.quarantine(h.id(), "cannot run the pool's floor model " + pool.pool().floor().name()
                        + " (" + r.result().qemuName() + ": " + String.join(", ", r.responsibleProperties()) + ")");
                return;
            }
        }
        pool.add(h, model);
    }

    private FeatureSet softFeatures(ResolvedHost r) {
        HostRecord.Facilities f = r.record().facilities();
        if (f == null || f.soft() == null || f.soft().isEmpty()) {
            return FeatureSet.empty();
        }
        int[] bits = f.soft().stream().mapToInt(Integer::intValue).toArray();
        return catalog.stflFeatures(FacilityList.of(bits)).and(r.hostModel().features());
    }

    public synchronized long version() {
        return version;
    }

    public synchronized Optional<IndexedHost> host(String id) {
        return Optional.ofNullable(hosts.get(id));
    }

    public synchronized List<IndexedHost> hosts() {
        List<IndexedHost> out = new ArrayList<>(hosts.values());
        out.sort(java.util.Comparator.comparing(IndexedHost::id));
        return out;
    }

    public synchronized List<Pool> pools() {
        return pools.values().stream().map(PoolIndex::pool).toList();
    }

    public synchronized Optional<Pool> pool(String name) {
        return Optional.ofNullable(pools.get(name)).map(PoolIndex::pool);
    }

    /** The pools a host counts in (not quarantined). */
    /** The hosts of a pool (quarantined ones too), by id; empty for an unknown pool. */
    public synchronized List<IndexedHost> hostsOf(String poolName) {
        PoolIndex p = pools.get(poolName);
        if (p == null) {
            return List.of();
        }
        List<IndexedHost> out = new ArrayList<>(p.hosts().values());
        out.sort(java.util.Comparator.comparing(IndexedHost::id));
        return out;
    }

    public synchronized List<String> poolsOf(String hostId) {
        return pools.values().stream().filter(p -> p.hosts().containsKey(hostId)).map(p -> p.pool().name()).toList();
    }

    /**
     * The GCM of a pool with its explanation (limiting hosts, conflicts); cached until the index changes.
     * The explanation is O(hosts), so it is worked out from a snapshot outside the lock: updates go on
     * meanwhile, and the answer carries the version it was computed at.
     */
    public Optional<PoolGcm> gcm(String poolName) {
        Snapshot snap;
        synchronized (this) {
            PoolIndex p = pools.get(poolName);
            if (p == null) {
                return Optional.empty();
            }
            PoolGcm cached = answers.get(poolName);
            if (cached != null && cached.version() == version) {
                return Optional.of(withStale(cached, p));
            }
            FeatureSet.Builder soft = FeatureSet.builder();
            if (p.pool().soft()) {
                p.hosts().values().forEach(h -> soft.addAll(h.softFeatures()));
            }
            snap = new Snapshot(p.pool(), version, p.size(), p.summary(catalog), p.gcmHosts(),
                    Map.copyOf(p.quarantined()), soft.build());
        }
        PoolGcm answer = compute(snap);
        synchronized (this) {
            PoolGcm cached = answers.get(poolName);
            if (cached == null || cached.version() < answer.version()) {
                answers.put(poolName, answer);
            }
            PoolIndex p = pools.get(poolName);
            return p == null ? Optional.empty() : Optional.of(withStale(answer, p));
        }
    }

    /** What a pool's explanation is computed from, copied under the lock. */
    private record Snapshot(Pool pool, long version, int size, dev.gcm.facilitydb.gcm.GcmSummary summary,
                            List<dev.gcm.facilitydb.gcm.GcmHost> hosts, Map<String, String> quarantined,
                            FeatureSet softFeatures) {
    }

    /** Every pool's GCM read off the counters, with the version they belong to: O(pools × catalog). */
    public synchronized Versioned<List<PoolHeadline>> headlines() {
        List<PoolHeadline> out = new ArrayList<>(pools.size());
        pools.values().forEach(p -> out.add(new PoolHeadline(p.pool().name(), p.size(),
                Gcm.fromSummary(catalog, p.summary(catalog)))));
        return new Versioned<>(version, out);
    }

    /** A value and the index version it was read at. */
    public record Versioned<T>(long version, T value) {
    }

    /** Just the GCM of a pool, read off the counters: O(catalog), whatever the pool's size. */
    public synchronized Optional<CpuModel> gcmModel(String poolName) {
        PoolIndex p = pools.get(poolName);
        return p == null ? Optional.empty() : Gcm.fromSummary(catalog, p.summary(catalog));
    }

    private PoolGcm compute(Snapshot snap) {
        snap.hosts().sort(java.util.Comparator.comparing(dev.gcm.facilitydb.gcm.GcmHost::id));
        Optional<CpuModel> model = Gcm.fromSummary(catalog, snap.summary());
        GcmResult failed = model.isEmpty() ? Gcm.compute(catalog, snap.hosts()) : null;
        List<GcmLimits.Limit> limits = model.map(m -> GcmLimits.of(catalog, snap.hosts(), m)).orElse(List.of());
        Optional<String> fingerprint = model.filter(m -> snap.pool().soft())
                .map(m -> SoftFingerprint.of(catalog, snap.softFeatures().and(m.features())));
        return new PoolGcm(snap.pool().name(), snap.version(), snap.size(), model,
                failed == null ? List.of() : failed.conflicts(), limits, snap.quarantined(), List.of(), fingerprint);
    }

    private PoolGcm withStale(PoolGcm answer, PoolIndex p) {
        long now = clock.getAsLong();
        List<String> stale = p.hosts().values().stream().filter(h -> h.stale(now, staleAfterMillis))
                .map(IndexedHost::id).sorted().toList();
        return new PoolGcm(answer.pool(), answer.version(), answer.hostCount(), answer.model(), answer.conflicts(),
                answer.limits(), answer.quarantined(), stale, answer.softFingerprint());
    }
}
