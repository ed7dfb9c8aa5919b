package dev.gcm.planner.plan;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The features that split a pool (offered by some of its hosts, not all), in the catalog's kinds, and
 * the pool's hosts grouped by which of those features they offer: a real fleet has a few dozen such
 * groups however many hosts it has.
 */
public final class Heatmap {

    /** Hosts offering the same splitting features. */
    public record Row(List<String> hosts) {
        public Row {
            hosts = List.copyOf(hosts);
        }
    }

    /** A splitting feature, the rows (by position) that offer it, and how many hosts they hold. */
    public record Column(Feature feature, List<Integer> rows, int hostCount) {
    }

    /** @param commonCount features every host of the pool offers */
    public record Result(String pool, int hostCount, int commonCount, List<Row> rows, List<Column> features) {
    }

    private final FleetIndex index;

    public Heatmap(FleetIndex index) {
        this.index = index;
    }

    /** The heatmap of a pool, or empty when there is no such pool. */
    public Optional<Result> of(String poolName) {
        Optional<Pool> pool = index.pool(poolName);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Catalog catalog = index.catalog();
        List<IndexedHost> hosts = index.hostsOf(poolName);
        List<FeatureSet> sets = hosts.stream().map(h -> h.modelFor(pool.get().soft()).features()).toList();
        FeatureSet.Builder any = FeatureSet.builder();
        sets.forEach(any::addAll);
        FeatureSet all = sets.isEmpty() ? FeatureSet.empty() : sets.get(0);
        for (FeatureSet f : sets) {
            all = all.and(f);
        }
        FeatureSet split = any.build().andNot(all);
        List<Feature> splitting = new ArrayList<>();
        split.forEach(i -> splitting.add(catalog.feature(i).orElseThrow()));
        splitting.sort(Comparator.comparing(Feature::kind).thenComparingInt(Feature::index));

        Map<FeatureSet, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            groups.computeIfAbsent(sets.get(i).and(split), k -> new ArrayList<>()).add(hosts.get(i).id());
        }
        List<FeatureSet> keys = new ArrayList<>(groups.keySet());
        List<Column> columns = new ArrayList<>();
        for (Feature f : splitting) {
            List<Integer> with = new ArrayList<>();
            int count = 0;
            for (int r = 0; r < keys.size(); r++) {
                if (keys.get(r).contains(f.index())) {
                    with.add(r);
                    count += groups.get(keys.get(r)).size();
                }
            }
            columns.add(new Column(f, with, count));
        }
        List<Row> rows = keys.stream().map(k -> new Row(groups.get(k))).toList();
        return Optional.of(new Result(poolName, hosts.size(), sets.isEmpty() ? 0 : all.size(), rows, columns));
    }
}
