package dev.gcm.planner.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.forms.ReadModel;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.Text;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading the fields of a request body strictly: unknown fields, wrong types and strings or lists over
 * their bounds are 400s naming the field; nothing else escapes.
 */
final class BodyFields {

    /** Host ids: as long as a host record allows. */
    static final int MAX_HOST_ID = 253;
    /** Guest names: as long as a host record allows. */
    static final int MAX_NAME = 256;

    private BodyFields() {
    }

    /** Refuses any field of the object not in {@code allowed}. */
    static void only(JsonNode node, String path, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw Json.badField(path + "." + n, "unknown field (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    /** A printable string of at most {@code max} characters, or null when absent and optional. */
    static String text(JsonNode parent, String name, String path, boolean required, int max) {
        JsonNode n = parent.get(name);
        String field = path + "." + name;
        if (n == null || n.isNull()) {
            if (required) {
                throw Json.badField(field, "is required");
            }
            return null;
        }
        if (!n.isTextual() || !Text.printable(n.asText(), max)) {
            throw Json.badField(field, "expected 1 to " + max + " printable characters");
        }
        return n.asText();
    }

    /** An array of at most {@code max} entries, or null when absent. */
    static JsonNode array(JsonNode parent, String name, String path, int max, String what) {
        JsonNode n = parent.get(name);
        String field = path + "." + name;
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw Json.badField(field, "expected an array of " + what);
        }
        if (n.size() > max) {
            throw Json.badField(field, "at most " + max + " " + what + " per request");
        }
        return n;
    }

    /** An object field, or null when absent. */
    static JsonNode object(JsonNode parent, String name, String path, String what) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw Json.badField(path + "." + name, "expected " + what);
        }
        return n;
    }

    /** A CPU model in any form {@link #readModel} reads, as QEMU's CpuModelInfo. */
    static CpuModelInfo modelInfo(JsonNode node, String path) {
        return readModel(node, path).model();
    }

    /**
     * A CPU model in any form the tool reads ({@link ModelForms}): a JSON object (QEMU CpuModelInfo or a gcm/v1
     * document) or a JSON string holding a name, a {@code -cpu} argument ({@code z14,csske=off}), JSON, a libvirt
     * {@code <cpu>}, domain or domain capabilities XML (read safely: no DTD, no entities, bounded). 400 naming the
     * field when it is none of them.
     */
    static ReadModel readModel(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            throw Json.badField(path, "is required (a CPU model: a name, a -cpu argument, CpuModelInfo JSON or libvirt XML)");
        }
        if (!node.isObject() && !node.isTextual()) {
            throw Json.badField(path, "expected a CPU model: an object (CpuModelInfo, gcm/v1) or a string in any model form");
        }
        try {
            return ModelForms.read(node, path);
        } catch (InvalidJsonException e) {
            throw Json.invalid(e);
        } catch (IllegalArgumentException e) {
            throw Json.badField(path, e.getMessage());
        }
    }

    /** A CPU model resolved in the catalog; 400 with {@code code} when the catalog cannot resolve it. */
    static CpuModel model(ModelResolver resolver, CpuModelInfo info, String path, String code) {
        return model(resolver::resolve, info, path, code);
    }

    /** As {@link #model(ModelResolver, CpuModelInfo, String, String)}, with any resolver (a cache of one). */
    static CpuModel model(Function<CpuModelInfo, CpuModel> resolver, CpuModelInfo info, String path, String code) {
        try {
            return resolver.apply(info);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, code, path + ": " + e.getMessage(), Json.object().put("field", path));
        }
    }
}
