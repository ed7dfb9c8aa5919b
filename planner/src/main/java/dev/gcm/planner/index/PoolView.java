package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmCap;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.gcm.GcmSummary;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One pool's index, immutable: per-feature host counts, a multiset of definitions and multisets of the
 * IBC bounds, the member hosts and the quarantined ones. Adding or removing a host gives a new view in
 * O(features of that host + catalog size); the GCM is read off the counters in O(catalog size) and
 * kept with the view, as is the explanation (O(hosts)) once someone asks for it.
 */
final class PoolView {

    /** A member host and its model as the pool counts it. */
    record Member(IndexedHost host, CpuModel model) {
    }

    private final Pool pool;
    private final int[] counts;
    private final SortedCounts<Integer> definitions;
    private final SortedCounts<Ibc> lowest;
    private final SortedCounts<Ibc> unblocked;
    private final PersistentMap<String, Member> members;
    private final PersistentMap<String, String> quarantined;
    private volatile GcmSummary summary;
    private volatile Optional<CpuModel> model;
    private volatile PoolGcm explanation;

    private PoolView(Pool pool, int[] counts, SortedCounts<Integer> definitions, SortedCounts<Ibc> lowest,
                     SortedCounts<Ibc> unblocked, PersistentMap<String, Member> members,
                     PersistentMap<String, String> quarantined) {
        this.pool = pool;
        this.counts = counts;
        this.definitions = definitions;
        this.lowest = lowest;
        this.unblocked = unblocked;
        this.members = members;
        this.quarantined = quarantined;
    }

    static PoolView empty(Pool pool, int indexLimit) {
        return new PoolView(pool, new int[indexLimit], SortedCounts.empty(), SortedCounts.empty(), SortedCounts.empty(),
                PersistentMap.empty(), PersistentMap.empty());
    }

    Pool pool() {
        return pool;
    }

    int size() {
        return members.size();
    }

    Member member(String id) {
        return members.get(id);
    }

    boolean holds(String id) {
        return members.get(id) != null || quarantined.get(id) != null;
    }

    /** The members (not the quarantined hosts). */
    List<Member> members() {
        return members.values();
    }

    /** With a host counted as {@code model} (replacing what the view had of it). */
    PoolView with(IndexedHost h, CpuModel model) {
        return replace(h.id(), new Member(h, model), quarantined.remove(h.id()));
    }

    /** With a host held out of the GCM, and why. */
    PoolView quarantine(String id, String reason) {
        return replace(id, null, quarantined.put(id, reason));
    }

    /** Without a host; this view itself when it has none. */
    PoolView without(String id) {
        if (members.get(id) == null && quarantined.get(id) == null) {
            return this;
        }
        return replace(id, null, quarantined.remove(id));
    }

    /** The view with one member replaced (null: none), counters adjusted in one copy. */
    private PoolView replace(String id, Member fresh, PersistentMap<String, String> newQuarantined) {
        Member old = members.get(id);
        if (old == null && fresh == null) {
            return new PoolView(pool, counts, definitions, lowest, unblocked, members, newQuarantined);
        }
        int[] c = counts.clone();
        SortedCounts<Integer> defs = definitions;
        SortedCounts<Ibc> lo = lowest;
        SortedCounts<Ibc> up = unblocked;
        if (old != null) {
            old.model().features().forEach(i -> c[i]--);
            defs = defs.remove(old.model().definition().index());
            var range = old.host().resolved().ibcRange();
            if (range.isPresent()) {
                lo = lo.remove(range.get().lowest());
                up = up.remove(range.get().unblocked());
            }
        }
        if (fresh != null) {
            fresh.model().features().forEach(i -> c[i]++);
            defs = defs.add(fresh.model().definition().index());
            var range = fresh.host().resolved().ibcRange();
            if (range.isPresent()) {
                lo = lo.add(range.get().lowest());
                up = up.add(range.get().unblocked());
            }
        }
        return new PoolView(pool, c, defs, lo, up, fresh == null ? members.remove(id) : members.put(id, fresh),
                newQuarantined);
    }

    /** What the GCM needs, read off the counters once per view. */
    GcmSummary summary(Catalog catalog) {
        GcmSummary s = summary;
        if (s == null) {
            int n = members.size();
            FeatureSet.Builder common = FeatureSet.builder();
            for (int i = 0; i < counts.length; i++) {
                if (n > 0 && counts[i] == n) {
                    common.add(i);
                }
            }
            GcmCap cap = new GcmCap();
            definitions.forEachDistinct(d -> cap.add(catalog.definitions().get(d)));
            s = new GcmSummary(n, common.build(), cap.type(), cap.generation(), cap.ga(), lowest.last(), unblocked.first());
            summary = s;
        }
        return s;
    }

    /** The pool's GCM, read off the counters once per view. */
    Optional<CpuModel> gcmModel(Catalog catalog) {
        Optional<CpuModel> m = model;
        if (m == null) {
            m = Gcm.fromSummary(catalog, summary(catalog));
            model = m;
        }
        return m;
    }

    /** The GCM with its explanation (limiting hosts, conflicts, fingerprint), worked out once per view. */
    PoolGcm explain(Catalog catalog) {
        PoolGcm e = explanation;
        if (e == null) {
            List<GcmHost> hosts = new ArrayList<>(members.size());
            FeatureSet.Builder soft = FeatureSet.builder();
            members.forEach((id, m) -> {
                hosts.add(new GcmHost(id, m.model(), m.host().resolved().ibcRange()));
                if (pool.soft()) {
                    soft.addAll(m.host().softFeatures());
                }
            });
            hosts.sort(Comparator.comparing(GcmHost::id));
            Optional<CpuModel> gcm = gcmModel(catalog);
            GcmResult failed = gcm.isEmpty() ? Gcm.compute(catalog, hosts) : null;
            List<GcmLimits.Limit> limits = gcm.map(m -> GcmLimits.of(catalog, hosts, m)).orElse(List.of());
            Optional<String> fingerprint = gcm.filter(m -> pool.soft())
                    .map(m -> SoftFingerprint.of(catalog, soft.build().and(m.features())));
            Map<String, String> q = new TreeMap<>();
            quarantined.forEach(q::put);
            e = new PoolGcm(pool.name(), 0, members.size(), gcm, failed == null ? List.of() : failed.conflicts(), limits,
                    Map.copyOf(q), List.of(), fingerprint);
            explanation = e;
        }
        return e;
    }
}
