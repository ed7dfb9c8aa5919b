package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.Labels;
import dev.gcm.planner.model.Pool;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code PUT /pools/{name}}: {@code {"selector": {LABEL: VALUE, ...}, "floor": MODEL,
 * "soft": BOOLEAN, "strictIbc": BOOLEAN, "deprecatedFeatures": "on"|"off"}}, every part optional (defaults:
 * no selector, no floor, false, false, "on"). Selector keys and values follow the Kubernetes label rules, as
 * host labels do ({@link Labels}); the floor is a model in any form {@link BodyFields#modelInfo} reads and must
 * resolve in the catalog.
 */
final class PoolBody {

    private PoolBody() {
    }

    static Pool parse(String name, JsonNode body, ModelResolver resolver) {
        if (!Pool.validName(name) || Pool.DEFAULT.equals(name)) {
            throw ApiError.badRequest("INVALID_POOL", "pool names are 1 to 63 lowercase letters, digits and '-'; "
                    + "'default' always holds every host");
        }
        BodyFields.only(body, "$", Set.of("selector", "floor", "soft", "strictIbc", "deprecatedFeatures"));
        Map<String, String> selector = new LinkedHashMap<>();
        JsonNode sel = BodyFields.object(body, "selector", "$", "an object of label values");
        if (sel != null) {
            if (sel.size() > Labels.MAX_LABELS) {
                throw Json.badField("$.selector", "at most " + Labels.MAX_LABELS + " labels");
            }
            Iterator<Map.Entry<String, JsonNode>> it = sel.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!Labels.validKey(e.getKey())) {
                    throw Json.badField("$.selector", "invalid label key '" + e.getKey() + "': " + Labels.keyRule());
                }
                if (!e.getValue().isTextual() || !Labels.validValue(e.getValue().asText())) {
                    throw Json.badField("$.selector." + e.getKey(), Labels.valueRule());
                }
                selector.put(e.getKey(), e.getValue().asText());
            }
        }
        CpuModelInfo floor = null;
        if (body.hasNonNull("floor")) {
            floor = BodyFields.modelInfo(body.get("floor"), "$.floor");
            BodyFields.model(resolver, floor, "$.floor", "INVALID_JSON");
        }
        String deprecated = BodyFields.text(body, "deprecatedFeatures", "$", false, 3);
        if (deprecated != null && !Pool.ON.equals(deprecated) && !Pool.OFF.equals(deprecated)) {
            throw Json.badField("$.deprecatedFeatures", "expected \"on\" or \"off\"");
        }
        return new Pool(name, selector, floor, flag(body, "soft"), flag(body, "strictIbc"), deprecated);
    }

    private static boolean flag(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n != null && !n.isNull() && !n.isBoolean()) {
            throw Json.badField("$." + name, "expected true or false");
        }
        return n != null && n.asBoolean();
    }
}
