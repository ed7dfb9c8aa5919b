package dev.gcm.facilitydb.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmLimits;
import java.util.List;

/** The JSON forms of a GCM's explanation, the same in the CLI's and the planner's answers. */
public final class GcmJson {

    private GcmJson() {
    }

    /** {@code [{"host", "definition", "capsGeneration", "capsIbc", "removes": [...], "deprecated": [...]}]} */
    public static ArrayNode limits(List<GcmLimits.Limit> limits) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (GcmLimits.Limit l : limits) {
            ObjectNode n = array.addObject().put("host", l.host()).put("definition", l.definition())
                    .put("capsGeneration", l.capsGeneration()).put("capsIbc", l.capsIbc());
            n.set("removes", CpuModelInfoJson.writeNames(l.removes()));
            n.set("deprecated", CpuModelInfoJson.writeNames(l.deprecated()));
        }
        return array;
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
