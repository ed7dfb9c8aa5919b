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
import java.util.List;

/**
 * GET /pools/{name}/heatmap: the pool's hosts and the features that split them (offered by some hosts,
 * not all), in the catalog's kinds, each with the hosts (by position) that offer it.
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
        List<IndexedHost> hosts = s.index().hosts().stream()
                .filter(h -> s.index().poolsOf(h.id()).contains(name)).toList();
        List<FeatureSet> sets = hosts.stream().map(h -> h.modelFor(pool.soft()).features()).toList();
        FeatureSet.Builder any = FeatureSet.builder();
        sets.forEach(any::addAll);
        FeatureSet all = sets.isEmpty() ? FeatureSet.empty() : sets.get(0);
        for (FeatureSet f : sets) {
            all = all.and(f);
        }
        List<Feature> splitting = new ArrayList<>();
        any.build().andNot(all).forEach(i -> splitting.add(catalog.feature(i).orElseThrow()));
        splitting.sort(Comparator.comparing(Feature::kind).thenComparingInt(Feature::index));

        ObjectNode out = Json.object().put("pool", name).put("commonCount", sets.isEmpty() ? 0 : all.size());
        out.set("hosts", Json.strings(hosts.stream().map(IndexedHost::id).toList()));
        ArrayNode features = out.putArray("features");
        for (Feature f : splitting) {
            ObjectNode n = features.addObject().put("name", f.name()).put("kind", f.kind().description())
                    .put("description", f.description());
            ArrayNode with = n.putArray("hosts");
            for (int i = 0; i < sets.size(); i++) {
                if (sets.get(i).contains(f.index())) {
                    with.add(i);
                }
            }
            n.put("hostCount", with.size());
        }
        Json.ok(ctx, out);
    }
}
