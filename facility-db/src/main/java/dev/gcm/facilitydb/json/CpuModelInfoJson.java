package dev.gcm.facilitydb.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes QEMU's CpuModelInfo JSON ({@code {"name": ..., "props": {...}}}) strictly:
 * the name must be a string, props an object of booleans, and nothing else may appear. Its mapper parses
 * with {@link StrictJson}'s settings (duplicate keys refused, nesting bounded).
 */
public final class CpuModelInfoJson {

    private static final ObjectMapper MAPPER = new ObjectMapper(StrictJson.factory());

    private CpuModelInfoJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads one model at the given JSON path (used in messages, e.g. {@code $}). */
    public static CpuModelInfo read(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidJsonException(path, "expected a CPU model object {\"name\": ..., \"props\": {...}}");
        }
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String f = fields.next();
            if (!f.equals("name") && !f.equals("props")) {
                throw new InvalidJsonException(path + "." + f, "unexpected field (a CPU model has name and props)");
            }
        }
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new InvalidJsonException(path + ".name", "expected the model name as a non-empty string");
        }
        Map<String, Boolean> props = new LinkedHashMap<>();
        JsonNode propsNode = node.get("props");
        if (propsNode != null && !propsNode.isNull()) {
            if (!propsNode.isObject()) {
                throw new InvalidJsonException(path + ".props", "expected an object of feature switches");
            }
            var it = propsNode.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().isBoolean()) {
                    throw new InvalidJsonException(path + ".props." + e.getKey(), "expected true or false");
                }
                props.put(e.getKey(), e.getValue().booleanValue());
            }
        }
        return new CpuModelInfo(name.asText(), props);
    }

    /** Reads a JSON array of models; the path of each is {@code $[i]}. */
    public static List<CpuModelInfo> readArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidJsonException("$", "expected a JSON array of CPU models");
        }
        List<CpuModelInfo> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(read(node.get(i), "$[" + i + "]"));
        }
        return out;
    }

    public static ObjectNode write(CpuModelInfo info) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", info.name());
        if (!info.props().isEmpty()) {
            ObjectNode props = node.putObject("props");
            info.props().forEach(props::put);
        }
        return node;
    }

    /** Writes the same JSON as {@link #write(CpuModelInfo)} straight to a generator (no tree on the way). */
    public static void write(CpuModelInfo info, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", info.name());
        if (!info.props().isEmpty()) {
            g.writeObjectFieldStart("props");
            for (Map.Entry<String, Boolean> p : info.props().entrySet()) {
                g.writeBooleanField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    public static ArrayNode writeNames(List<String> names) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        names.forEach(array::add);
        return array;
    }
}
