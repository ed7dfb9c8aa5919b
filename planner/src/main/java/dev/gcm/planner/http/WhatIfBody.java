package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.planner.plan.HypotheticalHost;
import dev.gcm.planner.plan.WhatIf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code POST /pools/{name}/what-if}: {@code {"remove": [HOST, ...], "add": [ADDED, ...]}}, at most
 * {@value WhatIf#MAX_REMOVED} removals and {@value WhatIf#MAX_ADDED} additions. An added host is
 * {@code {"id": ..., "like": HOST}} (a copy of that host), {@code {"id": ..., "definition": NAME}} (the
 * definition as a KVM host of that machine presents it), {@code {"id": ..., "model": CpuModelInfo, "ibcRange":
 * {"lowest": ..., "unblocked": ...}}} or a bare CpuModelInfo.
 */
final class WhatIfBody {

    private WhatIfBody() {
    }

    static WhatIf.Question parse(String pool, JsonNode body, ModelResolver resolver) {
        BodyFields.only(body, "$", Set.of("remove", "add"));
        Set<String> remove = new HashSet<>();
        JsonNode r = BodyFields.array(body, "remove", "$", WhatIf.MAX_REMOVED, "host ids");
        if (r != null) {
            for (int i = 0; i < r.size(); i++) {
                JsonNode id = r.get(i);
                if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > BodyFields.MAX_HOST_ID) {
                    throw Json.badField("$.remove[" + i + "]", "expected a host id");
                }
                remove.add(id.asText());
            }
        }
        List<HypotheticalHost> added = new ArrayList<>();
        JsonNode add = BodyFields.array(body, "add", "$", WhatIf.MAX_ADDED, "hypothetical hosts");
        if (add != null) {
            for (int i = 0; i < add.size(); i++) {
                added.add(hypothetical(add.get(i), "$.add[" + i + "]", i, resolver));
            }
        }
        return new WhatIf.Question(pool, remove, added);
    }

    private static HypotheticalHost hypothetical(JsonNode node, String path, int i, ModelResolver resolver) {
        if (!node.isObject() && !node.isTextual()) {
            throw Json.badField(path, "expected {\"id\": ..., \"like\": HOST}, {\"id\": ..., \"definition\": NAME},"
                    + " {\"id\": ..., \"model\": MODEL} or a model (any form)");
        }
        // a gcm/v1 document names a definition too: it is a model (apiVersion says so)
        if (node.isObject() && !node.has("apiVersion") && (node.has("like") || node.has("definition"))) {
            String form = node.has("like") ? "like" : "definition";
            BodyFields.only(node, path, Set.of("id", form));
            String id = BodyFields.text(node, "id", path, false, BodyFields.MAX_HOST_ID);
            String value = BodyFields.text(node, form, path, true, BodyFields.MAX_HOST_ID);
            id = id == null ? "new-" + i : id;
            return "like".equals(form) ? new HypotheticalHost.Like(id, value) : new HypotheticalHost.AsKvmHost(id, value);
        }
        boolean wrapped = node.isObject() && node.has("model") && !node.has("apiVersion");
        String modelPath = wrapped ? path + ".model" : path;
        if (wrapped) {
            BodyFields.only(node, path, Set.of("id", "model", "ibcRange"));
        }
        CpuModel model = BodyFields.model(resolver, BodyFields.modelInfo(wrapped ? node.get("model") : node, modelPath),
                modelPath, "INVALID_JSON");
        String id = wrapped ? BodyFields.text(node, "id", path, false, BodyFields.MAX_HOST_ID) : null;
        Optional<IbcRange> range = Optional.empty();
        JsonNode rr = wrapped ? BodyFields.object(node, "ibcRange", path, "{\"lowest\": ..., \"unblocked\": ...}") : null;
        if (rr != null) {
            BodyFields.only(rr, path + ".ibcRange", Set.of("lowest", "unblocked"));
            try {
                range = Optional.of(new IbcRange(Ibc.parse(BodyFields.text(rr, "lowest", path + ".ibcRange", true, 8)),
                        Ibc.parse(BodyFields.text(rr, "unblocked", path + ".ibcRange", true, 8))));
            } catch (IllegalArgumentException e) {
                throw Json.badField(path + ".ibcRange", e.getMessage());
            }
        }
        return new HypotheticalHost.Given(new GcmHost(id == null ? "new-" + i : id, model, range));
    }
}
