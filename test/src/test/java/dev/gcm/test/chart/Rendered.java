package dev.gcm.test.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects `helm template` rendered, parsed, by "Kind/name". */
final class Rendered {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Map<String, JsonNode> objects = new LinkedHashMap<>();

    Rendered(String manifest) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(manifest)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode doc = it.next();
                if (doc != null && doc.has("kind")) {
                    objects.put(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText(), doc);
                }
            }
        }
    }

    Map<String, JsonNode> all() {
        return objects;
    }

    JsonNode get(String kind, String name) {
        JsonNode o = objects.get(kind + "/" + name);
        if (o == null) {
            throw new AssertionError("not rendered: " + kind + "/" + name + "; rendered: " + objects.keySet());
        }
        return o;
    }

    Optional<JsonNode> find(String kind, String name) {
        return Optional.ofNullable(objects.get(kind + "/" + name));
    }

    List<JsonNode> ofKind(String kind) {
        List<JsonNode> out = new ArrayList<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(kind + "/")) {
                out.add(v);
            }
        });
        return out;
    }

    /** The pod spec of a workload (StatefulSet, DaemonSet) or of a Pod. */
    static JsonNode podSpec(JsonNode object) {
        return "Pod".equals(object.path("kind").asText()) ? object.path("spec") : object.path("spec").path("template").path("spec");
    }

    /** A container's env as name to value (valueFrom entries map to their fieldPath or secret key). */
    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            JsonNode from = e.path("valueFrom");
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                    : from.path("fieldRef").path("fieldPath").asText(from.toString()));
        }
        return env;
    }
}
