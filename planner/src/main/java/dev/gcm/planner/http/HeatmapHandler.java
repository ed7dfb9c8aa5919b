package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.Feature;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Pool;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /pools/{name}/heatmap: the features that split the pool (offered by some hosts, not all), in the
 * catalog's kinds, and the pool's hosts grouped by which of those features they offer (a real fleet has
 * a few dozen such groups however many hosts it has): each feature lists the groups (by position) that
 * offer it.
 */
final class HeatmapHandler {

    private final Services s;

    HeatmapHandler(Services s) {
        this.s = s;
    }

    void get(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Pool pool = s.index().pool(name).orElseThrow(() -> ApiError.notFound("no pool '" + name + "'"));
        Catalog catalog = s.index().catalog();
        List<IndexedHost> hosts = s.index().hostsOf(name);
        List<FeatureSet> sets = hosts.stream().map(h -> h.modelFor(pool.soft()).features()).toList();
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

        // hosts with the same splitting features form one row
        Map<FeatureSet, List<String>> groups = new LinkedHashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            groups.computeIfAbsent(sets.get(i).and(split), k -> new ArrayList<>()).add(hosts.get(i).id());
        }
        List<FeatureSet> keys = new ArrayList<>(groups.keySet());

        ObjectNode out = Json.object().put("pool", name).put("hostCount", hosts.size())
                .put("commonCount", sets.isEmpty() ? 0 : all.size());
        ArrayNode rows = out.putArray("rows");
        for (FeatureSet k : keys) {
            rows.addObject().put("count", groups.get(k).size()).set("hosts", Json.strings(groups.get(k)));
        }
        ArrayNode features = out.putArray("features");
        for (Feature f : splitting) {
            ObjectNode n = features.addObject().put("name", f.name()).put("kind", f.kind().description())
                    .put("description", f.description());
            ArrayNode with = n.putArray("rows");
            int count = 0;
            for (int r = 0; r < keys.size(); r++) {
                if (keys.get(r).contains(f.index())) {
                    with.add(r);
                    count += groups.get(keys.get(r)).size();
                }
            }
            n.put("hostCount", count);
        }
        Json.ok(ctx, out);
    }
}
