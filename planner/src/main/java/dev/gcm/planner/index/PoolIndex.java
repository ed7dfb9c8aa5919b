package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmCap;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmSummary;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The running summary of one pool: per-feature host counts, a multiset of definitions and multisets of
 * the IBC bounds. Adding or removing a host costs O(features of that host); the GCM summary is read
 * off in O(catalog size). Not thread-safe: {@link FleetIndex} serialises access.
 */
final class PoolIndex {

    private final Pool pool;
    private final int[] featureCounts;
    private final TreeMap<Integer, Integer> definitions = new TreeMap<>();
    private final TreeMap<Ibc, Integer> lowest = new TreeMap<>();
    private final TreeMap<Ibc, Integer> unblocked = new TreeMap<>();
    private final Map<String, CpuModel> members = new HashMap<>();
    private final Map<String, IndexedHost> hosts = new HashMap<>();
    private final Map<String, String> quarantined = new HashMap<>();

    PoolIndex(Pool pool, int indexLimit) {
        this.pool = pool;
        this.featureCounts = new int[indexLimit];
    }

    Pool pool() {
        return pool;
    }

    int size() {
        return members.size();
    }

    Map<String, IndexedHost> hosts() {
        return hosts;
    }

    Map<String, String> quarantined() {
        return quarantined;
    }

    void add(IndexedHost h, CpuModel model) {
        remove(h.id());
        members.put(h.id(), model);
        hosts.put(h.id(), h);
        model.features().forEach(i -> featureCounts[i]++);
        definitions.merge(model.definition().index(), 1, Integer::sum);
        h.resolved().ibcRange().ifPresent(r -> {
            lowest.merge(r.lowest(), 1, Integer::sum);
            unblocked.merge(r.unblocked(), 1, Integer::sum);
        });
    }

    void quarantine(String id, String reason) {
        remove(id);
        quarantined.put(id, reason);
    }

    void remove(String id) {
        quarantined.remove(id);
        CpuModel old = members.remove(id);
        IndexedHost oldHost = hosts.remove(id);
        if (old == null) {
            return;
        }
        old.features().forEach(i -> featureCounts[i]--);
        decrement(definitions, old.definition().index());
        oldHost.resolved().ibcRange().ifPresent(r -> {
            decrement(lowest, r.lowest());
            decrement(unblocked, r.unblocked());
        });
    }

    private static <K> void decrement(TreeMap<K, Integer> multiset, K key) {
        multiset.computeIfPresent(key, (k, c) -> c == 1 ? null : c - 1);
    }

    /** What the GCM needs, read off the counters. */
    GcmSummary summary(Catalog catalog) {
        int n = members.size();
        FeatureSet.Builder common = FeatureSet.builder();
        for (int i = 0; i < featureCounts.length; i++) {
            if (n > 0 && featureCounts[i] == n) {
                common.add(i);
            }
        }
        GcmCap cap = new GcmCap();
        for (int defIndex : definitions.keySet()) {
            cap.add(catalog.definitions().get(defIndex));
        }
        return new GcmSummary(n, common.build(), cap.type(), cap.generation(), cap.ga(),
                lowest.isEmpty() ? Optional.empty() : Optional.of(lowest.lastKey()),
                unblocked.isEmpty() ? Optional.empty() : Optional.of(unblocked.firstKey()));
    }

    /** The members as the GCM sees them (for explanations and conflicts), in no particular order. */
    List<GcmHost> gcmHosts() {
        List<GcmHost> out = new ArrayList<>(members.size());
        members.forEach((id, m) -> out.add(new GcmHost(id, m, hosts.get(id).resolved().ibcRange())));
        return out;
    }
}
