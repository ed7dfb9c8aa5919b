package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.Feature;
import io.vertx.ext.web.RoutingContext;

/** GET /catalog: the definitions and features this planner knows (for pickers and descriptions). */
final class CatalogHandler {

    private final ObjectNode answer;

    CatalogHandler(Catalog catalog) {
        answer = Json.object();
        ArrayNode defs = answer.putArray("definitions");
        for (CpuDefinition d : catalog.definitions()) {
            defs.add(Views.definition(d).put("description", d.description()));
        }
        ArrayNode features = answer.putArray("features");
        for (Feature f : catalog.features()) {
            features.addObject().put("name", f.name()).put("kind", f.kind().name())
                    .put("kindDescription", f.kind().description()).put("description", f.description());
        }
    }

    void get(RoutingContext ctx) {
        Json.ok(ctx, answer);
    }
}
