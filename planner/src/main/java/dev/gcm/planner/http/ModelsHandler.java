package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.ModelResolver;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * POST /baseline and /compare on posted models, as the offline CLI does: a comparison on the event loop,
 * a baseline of up to {@value #MAX_MODELS} models on the worker pool. Models come in any form (JSON objects, or
 * strings in any text form), or as a libvirt XML body ({@link XmlBodies}).
 */
final class ModelsHandler {

    /** The most models one baseline request may name. */
    static final int MAX_MODELS = 1000;

    private final Services s;
    private final Catalog catalog;
    private final ModelResolver resolver;

    ModelsHandler(Services s) {
        this.s = s;
        this.catalog = s.index().catalog();
        this.resolver = new ModelResolver(catalog);
    }

    /** Body: {"models": [MODEL, ...]} (any model form), or libvirt XML holding the models. */
    void baseline(RoutingContext ctx) {
        List<CpuModel> models = XmlBodies.isXml(ctx)
                ? XmlBodies.models(ctx, resolver, 1, MAX_MODELS, "one or more") : baselineBody(Json.body(ctx), resolver);
        Replies.work(ctx, s, () -> {
            GcmResult r = Gcm.ofModels(catalog, models);
            ObjectNode out = Json.object().put("common", r.hasCommonModel()).put("hostCount", r.hostCount());
            r.model().ifPresent(m -> out.setAll(Views.model(catalog, m)));
            out.set("conflicts", GcmJson.conflicts(r.conflicts()));
            return out;
        });
    }

    /** Body: {"a": MODEL (guest), "b": MODEL (host)} (any model form), or libvirt XML with the two, guest first. */
    void compare(RoutingContext ctx) {
        CpuModel[] ab = XmlBodies.isXml(ctx) ? XmlBodies.models(ctx, resolver, 2, 2, "exactly two (the guest, then the host)")
                .toArray(new CpuModel[0]) : compareBody(Json.body(ctx), resolver);
        Comparison.Result r = Comparison.compare(catalog, ab[0], ab[1]);
        Json.ok(ctx, Views.comparison(r).put("runnable", r.result().runnable()));
    }

    static List<CpuModel> baselineBody(JsonNode body, ModelResolver resolver) {
        BodyFields.only(body, "$", Set.of("models"));
        JsonNode array = BodyFields.array(body, "models", "$", MAX_MODELS, "CPU models");
        if (array == null || array.isEmpty()) {
            throw Json.badField("$.models", "expected a non-empty array of CPU models");
        }
        List<CpuModel> models = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            models.add(resolve(resolver, array.get(i), "$.models[" + i + "]"));
        }
        return models;
    }

    static CpuModel[] compareBody(JsonNode body, ModelResolver resolver) {
        BodyFields.only(body, "$", Set.of("a", "b"));
        return new CpuModel[] {resolve(resolver, body.get("a"), "$.a"), resolve(resolver, body.get("b"), "$.b")};
    }

    private static CpuModel resolve(ModelResolver resolver, JsonNode node, String path) {
        return BodyFields.model(resolver, BodyFields.modelInfo(node, path), path, "INVALID_MODEL");
    }
}
