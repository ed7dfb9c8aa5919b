package dev.gcm.facilitydb.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmLimits;
import java.io.IOException;
import java.util.List;

/** The JSON forms of a GCM's explanation, the same in the CLI's and the planner's answers. */
public final class GcmJson {

    private GcmJson() {
    }

    /** {@code [{"host", "definition", "capsGeneration", "capsIbc", "removes": [...], "deprecated": [...]}]} */
    public static ArrayNode limits(List<GcmLimits.Limit> limits) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        limits.forEach(l -> array.add(limit(l)));
        return array;
    }

    /**
     * The same array, built one limit at a time as it is written ({@code node.putPOJO("limitedBy", ...)}): the
     * limits of 100,000 hosts as a tree would take a hundred megabytes.
     */
    public static JsonSerializable limitsAsWritten(List<GcmLimits.Limit> limits) {
        return new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeStartArray();
                for (GcmLimits.Limit l : limits) {
                    gen.writeTree(limit(l));
                }
                gen.writeEndArray();
            }

            @Override
            public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer type)
                    throws IOException {
                serialize(gen, serializers);
            }
        };
    }

    /** {@code {"host", "definition", "capsGeneration", "capsIbc", "removes": [...], "deprecated": [...]}} */
    private static ObjectNode limit(GcmLimits.Limit l) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("host", l.host()).put("definition", l.definition())
                .put("capsGeneration", l.capsGeneration()).put("capsIbc", l.capsIbc());
        n.set("removes", CpuModelInfoJson.writeNames(l.removes()));
        n.set("deprecated", CpuModelInfoJson.writeNames(l.deprecated()));
        return n;
    }

    /** {@code [{"code", "message", "hosts": [...], "features": [...]}]} */
    public static ArrayNode conflicts(List<GcmConflict> conflicts) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (GcmConflict c : conflicts) {
            ObjectNode n = array.addObject().put("code", c.code().name()).put("message", c.message());
            n.set("hosts", CpuModelInfoJson.writeNames(c.hosts()));
            n.set("features", CpuModelInfoJson.writeNames(c.features()));
        }
        return array;
    }
}
