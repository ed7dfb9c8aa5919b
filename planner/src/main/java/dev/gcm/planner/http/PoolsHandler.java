package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.planner.index.PoolHeadline;
import dev.gcm.planner.model.Pool;
import dev.gcm.planner.plan.Heatmap;
import dev.gcm.planner.plan.InvalidQuestion;
import dev.gcm.planner.plan.WhatIf;
import dev.gcm.planner.query.HostList;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /api/v1/pools: list, define, GCM, heatmap, what-if (the last three on the worker pool). */
final class PoolsHandler {

    private final Services s;
    private final ModelResolver resolver;
    private final WhatIf whatIf;
    private final Heatmap heatmap;
    private final HostList hostList;

    PoolsHandler(Services s) {
        this.s = s;
        this.resolver = new ModelResolver(s.index().catalog());
        this.whatIf = new WhatIf(s.index(), s.gate());
        this.heatmap = new Heatmap(s.index());
        this.hostList = new HostList(s.index());
    }

    /**
     * The pools with their GCM's name, read off the counters (no explanations are worked out for a list), and
     * how many of their hosts are stale (a pass over the hosts: on the worker pool).
     */
    void list(RoutingContext ctx) {
        Replies.work(ctx, s, () -> {
            Map<String, PoolHeadline> headlines = new HashMap<>();
            s.index().headlines().value().forEach(h -> headlines.put(h.pool(), h));
            Map<String, Integer> stale = hostList.staleByPool();
            ArrayNode array = Json.array();
            for (Pool p : s.index().pools()) {
                ObjectNode n = Json.MAPPER.valueToTree(p);
                PoolHeadline h = headlines.get(p.name());
                if (h != null) {
                    n.put("hostCount", h.hostCount()).put("gcm", h.model().map(m -> m.definition().name()).orElse(null));
                }
                n.put("staleCount", stale.getOrDefault(p.name(), 0));
                array.add(n);
            }
            return Json.object().set("pools", array);
        });
    }

    void put(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Pool pool = PoolBody.parse(name, Json.body(ctx), resolver);
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(pool);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // acknowledged once this member's journal has it and its index shows it
        var stored = Replies.grid(ctx, s.pools().put(name, json)).compose(entry -> s.journal().map(j -> {
            j.pool(entry);
            return io.vertx.core.Future.fromCompletionStage(j.flush(), ctx.vertx().getOrCreateContext());
        }).orElse(io.vertx.core.Future.succeededFuture()).compose(v -> Replies.grid(ctx,
                s.feed().awaitPool(name, entry.revision(), HostsHandler.READ_YOUR_WRITES_MILLIS))));
        Replies.respond(ctx, stored, seen -> Json.ok(ctx, Json.MAPPER.valueToTree(pool)));
    }

    void gcm(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Replies.work(ctx, s, () -> Views.gcm(s.index().catalog(), s.index().gcm(name)
                .orElseThrow(() -> ApiError.notFound("no pool '" + name + "'"))));
    }

    void heatmap(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        Replies.work(ctx, s, () -> Views.heatmap(heatmap.of(name)
                .orElseThrow(() -> ApiError.notFound("no pool '" + name + "'"))));
    }

    /** The GCM with hosts removed and hypothetical ones added, and the guests that would lose a target. */
    void whatIf(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        WhatIf.Question q = WhatIfBody.parse(name, Json.body(ctx), resolver);
        Replies.work(ctx, s, () -> {
            try {
                return Views.whatIf(s.index().catalog(), whatIf.answer(q)
                        .orElseThrow(() -> ApiError.notFound("no pool '" + name + "'")));
            } catch (InvalidQuestion e) {
                throw Views.invalid(e);
            }
        });
    }
}
