package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one member's index shows at one version, immutable: every pool's {@link PoolView} (the default
 * pool's members are the hosts: those with a record and no decommission tombstone) and the tombstones.
 * Readers take the current
 * snapshot and read without a lock; the index's single writer publishes a new one on every change of
 * what it shows (never for a heartbeat that changes nothing but freshness).
 */
public final class IndexSnapshot {

    private final long version;
    private final Catalog catalog;
    private final PoolView all;
    private final PersistentMap<String, Long> tombstones;
    /** The pools' views, the default pool first (a few: looked up by name in a loop). */
    private final PoolView[] pools;
    private final GuestPlaces guests;
    private volatile List<IndexedHost> sorted;

    IndexSnapshot(long version, Catalog catalog, PersistentMap<String, Long> tombstones, PoolView[] pools,
                  GuestPlaces guests) {
        this.version = version;
        this.catalog = catalog;
        this.all = pools[0];
        this.tombstones = tombstones;
        this.pools = pools;
        this.guests = guests;
    }

    /** The index version (the GCM revision answers carry): grows with every change of what the index shows. */
    public long version() {
        return version;
    }

    public Optional<IndexedHost> host(String id) {
        PoolView.Member m = all.member(id);
        return m == null ? Optional.empty() : Optional.of(m.host());
    }

    /** The one host that reports a guest of this name, if exactly one does (O(1)). */
    public Optional<String> soleHostOf(String guestName) {
        return guests.soleHost(guestName);
    }

    /** When the host was decommissioned, if it has a tombstone. */
    public Optional<Long> decommissionedAt(String id) {
        return Optional.ofNullable(tombstones.get(id));
    }

    public int hostCount() {
        return all.size();
    }

    /** Every host, by id. */
    public List<IndexedHost> hosts() {
        List<IndexedHost> s = sorted;
        if (s == null) {
            List<IndexedHost> out = new ArrayList<>(all.size());
            all.members().forEach(m -> out.add(m.host()));
            out.sort(Comparator.comparing(IndexedHost::id));
            s = Collections.unmodifiableList(out);
            sorted = s;
        }
        return s;
    }

    public List<Pool> pools() {
        return Arrays.stream(pools).map(PoolView::pool).toList();
    }

    public Optional<Pool> pool(String name) {
        return Optional.ofNullable(view(name)).map(PoolView::pool);
    }

    /** The members of a pool (not its quarantined hosts), by id; empty for an unknown pool. */
    public List<IndexedHost> hostsOf(String poolName) {
        PoolView p = view(poolName);
        if (p == null) {
            return List.of();
        }
        List<IndexedHost> out = new ArrayList<>(p.size());
        p.members().forEach(m -> out.add(m.host()));
        out.sort(Comparator.comparing(IndexedHost::id));
        return out;
    }

    /** Whether a pool counts a host (it exists, selects the host and does not quarantine it). */
    public boolean counts(String poolName, String hostId) {
        PoolView p = view(poolName);
        return p != null && p.member(hostId) != null;
    }

    /** The pools that count a host (quarantined in none of them). */
    public List<String> poolsOf(String hostId) {
        return Arrays.stream(pools).filter(p -> p.member(hostId) != null).map(p -> p.pool().name()).toList();
    }

    /** Whether a host is in a pool (as a member or quarantined) that demands identical instruction blocking. */
    public boolean inStrictIbcPool(String hostId) {
        for (PoolView p : pools) {
            if (p.pool().strictIbc() && p.holds(hostId)) {
                return true;
            }
        }
        return false;
    }

    /** Just the GCM of a pool, read off the counters: O(catalog), whatever the pool's size. */
    public Optional<CpuModel> gcmModel(String poolName) {
        PoolView p = view(poolName);
        return p == null ? Optional.empty() : p.gcmModel(catalog);
    }

    /** Every pool's GCM read off the counters. */
    public List<PoolHeadline> headlines() {
        List<PoolHeadline> out = new ArrayList<>(pools.length);
        for (PoolView p : pools) {
            out.add(new PoolHeadline(p.pool().name(), p.size(), p.gcmModel(catalog)));
        }
        return out;
    }

    /** A pool's GCM with its explanation (worked out once per pool view), without the stale list. */
    Optional<PoolGcm> explain(String poolName) {
        PoolView p = view(poolName);
        if (p == null) {
            return Optional.empty();
        }
        PoolGcm e = p.explain(catalog);
        return Optional.of(e.at(version, e.stale()));
    }

    // for the writer

    /** The default pool: every host. */
    PoolView all() {
        return all;
    }

    GuestPlaces guestPlaces() {
        return guests;
    }

    PersistentMap<String, Long> tombstoneMap() {
        return tombstones;
    }

    /** The views (a copy, to change). */
    PoolView[] views() {
        return pools.clone();
    }

    /** A pool's view, or null. */
    PoolView view(String name) {
        for (PoolView p : pools) {
            if (p.pool().name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
