package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.index.PoolHeadline;
import dev.gcm.planner.index.PoolGcm;
import dev.gcm.planner.model.Pool;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** /api/v1/pools: list, define, GCM, what-if. */
final class PoolsHandler {

    private final Services s;

    PoolsHandler(Services s) {
        this.s = s;
    }

    /** The pools with their GCM's name, read off the counters (no explanations are worked out for a list). */
    void list(RoutingContext ctx) {
        Map<String, PoolHeadline> headlines = new HashMap<>();
        s.index().headlines().value().forEach(h -> headlines.put(h.pool(), h));
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Pool p : s.index().pools()) {
            ObjectNode n = Json.MAPPER.valueToTree(p);
            PoolHeadline h = headlines.get(p.name());
            if (h != null) {
                n.put("hostCount", h.hostCount()).put("gcm", h.model().map(m -> m.definition().name()).orElse(null));
            }
            array.add(n);
        }
        Json.ok(ctx, Json.object().set("pools", array));
    }

    void put(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        if (!Pool.validName(name) || Pool.DEFAULT.equals(name)) {
            throw ApiError.badRequest("INVALID_POOL", "pool names are lowercase letters, digits and '-'; "
                    + "'default' always holds every host");
        }
        JsonNode body = Json.body(ctx);
        Map<String, String> selector = new LinkedHashMap<>();
        JsonNode sel = body.get("selector");
        if (sel != null && !sel.isNull()) {
            if (!sel.isObject()) {
                throw badField("$.selector", "expected an object of label values");
            }
            sel.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw badField("$.selector." + e.getKey(), "expected a string");
                }
                selector.put(e.getKey(), e.getValue().asText());
            });
        }
        CpuModelInfo floor = null;
        if (body.hasNonNull("floor")) {
            try {
                floor = CpuModelInfoJson.read(body.get("floor"), "$.floor");
                new ModelResolver(s.index().catalog()).resolve(floor);
            } catch (InvalidJsonException e) {
                throw Json.invalid(e);
            } catch (IllegalArgumentException e) {
                throw badField("$.floor", e.getMessage());
            }
        }
        JsonNode soft = body.get("soft");
        if (soft != null && !soft.isBoolean()) {
            throw badField("$.soft", "expected true or false");
        }
        Pool pool = new Pool(name, selector, floor, soft != null && soft.asBoolean());
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(pool);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // acknowledged once this member's journal has it and its index shows it
        var stored = HostsHandler.grid(ctx, s.pools().put(name, json)).compose(entry -> s.journal().map(j -> {
            j.pool(entry);
            return io.vertx.core.Future.fromCompletionStage(j.flush(), ctx.vertx().getOrCreateContext());
        }).orElse(io.vertx.core.Future.succeededFuture()).compose(v -> HostsHandler.grid(ctx,
                s.feed().awaitPool(name, entry.revision(), HostsHandler.READ_YOUR_WRITES_MILLIS))));
        HostsHandler.respond(ctx, stored, seen -> Json.ok(ctx, Json.MAPPER.valueToTree(pool)));
    }

    void gcm(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        PoolGcm g = s.index().gcm(name).orElseThrow(() -> ApiError.notFound("no pool '" + name + "'"));
        Json.ok(ctx, Views.gcm(s.index().catalog(), g));
    }

    /** The GCM with hosts removed and hypothetical ones added, and the guests that would lose a target. */
    void whatIf(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Pool pool = s.index().pool(name).orElseThrow(() -> ApiError.notFound("no pool '" + name + "'"));
        JsonNode body = Json.body(ctx);
        Catalog catalog = s.index().catalog();
        Set<String> remove = new HashSet<>();
        JsonNode r = body.get("remove");
        if (r != null && !r.isNull()) {
            if (!r.isArray()) {
                throw badField("$.remove", "expected an array of host ids");
            }
            r.forEach(n -> remove.add(n.asText()));
        }
        List<String> poolHosts = new ArrayList<>();
        List<GcmHost> before = new ArrayList<>();
        List<GcmHost> after = new ArrayList<>();
        for (IndexedHost h : s.index().hostsOf(name)) {
            poolHosts.add(h.id());
            GcmHost g = new GcmHost(h.id(), h.modelFor(pool.soft()), h.resolved().ibcRange());
            before.add(g);
            if (!remove.contains(h.id())) {
                after.add(g);
            }
        }
        List<String> unknown = remove.stream().filter(id -> !poolHosts.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw badField("$.remove", "not hosts of pool '" + name + "': " + String.join(", ", unknown));
        }
        JsonNode add = body.get("add");
        List<GcmHost> added = new ArrayList<>();
        if (add != null && !add.isNull()) {
            if (!add.isArray()) {
                throw badField("$.add", "expected an array of hypothetical hosts");
            }
            ModelResolver resolver = new ModelResolver(catalog);
            for (int i = 0; i < add.size(); i++) {
                added.add(hypothetical(add.get(i), "$.add[" + i + "]", i, resolver));
            }
            after.addAll(added);
        }
        GcmResult newGcm = Gcm.compute(catalog, after);
        ObjectNode out = Json.object().put("pool", name).put("version", s.index().version());
        out.set("before", result(catalog, Gcm.compute(catalog, before)));
        out.set("after", result(catalog, newGcm));
        out.set("guestsLosingTheirLastTarget", guestsLosingLastTarget(catalog, before, after, remove));
        out.set("guestsThatCannotRunOnAddedHosts", guestsNotRunningOn(catalog, before, added));
        Json.ok(ctx, out);
    }

    private GcmHost hypothetical(JsonNode node, String path, int i, ModelResolver resolver) {
        try {
            CpuModelInfo info = CpuModelInfoJson.read(node.has("model") ? node.get("model") : node,
                    node.has("model") ? path + ".model" : path);
            CpuModel m = resolver.resolve(info);
            Optional<IbcRange> range = Optional.empty();
            if (node.hasNonNull("ibcRange")) {
                JsonNode rr = node.get("ibcRange");
                range = Optional.of(new IbcRange(Ibc.parse(rr.path("lowest").asText()), Ibc.parse(rr.path("unblocked").asText())));
            }
            return new GcmHost(node.path("id").asText("new-" + i), m, range);
        } catch (InvalidJsonException e) {
            throw Json.invalid(e);
        } catch (IllegalArgumentException e) {
            throw badField(path, e.getMessage());
        }
    }

    private ArrayNode guestsLosingLastTarget(Catalog catalog, List<GcmHost> before, List<GcmHost> after,
                                             Set<String> removed) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        ModelResolver resolver = new ModelResolver(catalog);
        for (GcmHost host : before) {
            IndexedHost h = s.index().host(host.id()).orElseThrow();
            for (HostRecord.Guest g : h.resolved().record().guests()) {
                CpuModel guest = resolver.resolve(g.cpuModel());
                boolean hadTarget = before.stream().anyMatch(t -> !t.id().equals(host.id()) && runs(catalog, guest, t));
                boolean hasTarget = after.stream().anyMatch(t -> !t.id().equals(host.id()) && runs(catalog, guest, t));
                if (hadTarget && !hasTarget || removed.contains(host.id()) && !hasTarget) {
                    out.addObject().put("guest", g.name()).put("host", host.id());
                }
            }
        }
        return out;
    }

    /** For each hypothetical host, the pool's running guests that could not run there. */
    private ArrayNode guestsNotRunningOn(Catalog catalog, List<GcmHost> poolHosts, List<GcmHost> added) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        ModelResolver resolver = new ModelResolver(catalog);
        for (GcmHost target : added) {
            for (GcmHost host : poolHosts) {
                for (HostRecord.Guest g : s.index().host(host.id()).orElseThrow().resolved().record().guests()) {
                    if (!runs(catalog, resolver.resolve(g.cpuModel()), target)) {
                        out.addObject().put("guest", g.name()).put("host", host.id()).put("addedHost", target.id());
                    }
                }
            }
        }
        return out;
    }

    private static boolean runs(Catalog catalog, CpuModel guest, GcmHost target) {
        if (!Comparison.compare(catalog, guest, target.model()).result().runnable()) {
            return false;
        }
        return target.ibcRange().map(r -> guest.ibc().isNone() ? r.lowest().isNone() : r.contains(guest.ibc()))
                .orElse(true);
    }

    private static ObjectNode result(Catalog catalog, GcmResult r) {
        ObjectNode n = Json.object().put("hostCount", r.hostCount()).put("common", r.hasCommonModel());
        r.model().ifPresent(m -> n.setAll(Views.model(catalog, m)));
        n.set("conflicts", GcmJson.conflicts(r.conflicts()));
        return n;
    }

    private static ApiError badField(String field, String message) {
        return new ApiError(400, "INVALID_JSON", field + ": " + message, Json.object().put("field", field));
    }
}
