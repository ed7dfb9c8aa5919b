package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.GcmJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.ModelResolver;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** POST /baseline and /compare on posted models, as the offline CLI does. */
final class ModelsHandler {

    private final Catalog catalog;
    private final ModelResolver resolver;

    ModelsHandler(Catalog catalog) {
        this.catalog = catalog;
        this.resolver = new ModelResolver(catalog);
    }

    /** Body: {"models": [CpuModelInfo, ...]}. */
    void baseline(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        List<CpuModel> models = new ArrayList<>();
        JsonNode array = body.get("models");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw new ApiError(400, "INVALID_JSON", "$.models: expected a non-empty array of CPU models",
                    Json.object().put("field", "$.models"));
        }
        for (int i = 0; i < array.size(); i++) {
            models.add(resolve(array.get(i), "$.models[" + i + "]"));
        }
        GcmResult r = Gcm.ofModels(catalog, models);
        ObjectNode out = Json.object().put("common", r.hasCommonModel()).put("hostCount", r.hostCount());
        r.model().ifPresent(m -> out.setAll(Views.model(catalog, m)));
        out.set("conflicts", GcmJson.conflicts(r.conflicts()));
        Json.ok(ctx, out);
    }

    /** Body: {"a": CpuModelInfo (guest), "b": CpuModelInfo (host)}. */
    void compare(RoutingContext ctx) {
        JsonNode body = Json.body(ctx);
        CpuModel a = resolve(body.get("a"), "$.a");
        CpuModel b = resolve(body.get("b"), "$.b");
        Comparison.Result r = Comparison.compare(catalog, a, b);
        ObjectNode out = Views.comparison(r).put("runnable", r.result().runnable());
        Json.ok(ctx, out);
    }

    private CpuModel resolve(JsonNode node, String path) {
        try {
            return resolver.resolve(CpuModelInfoJson.read(node, path));
        } catch (InvalidJsonException e) {
            throw Json.invalid(e);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "INVALID_MODEL", path + ": " + e.getMessage(), Json.object().put("field", path));
        }
    }
}
