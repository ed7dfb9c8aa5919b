package dev.gcm.facilitydb.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import java.util.Map;

/**
 * The project's own documents ({@code apiVersion: gcm/v1}) as model forms: the {@code CpuModel} document the
 * offline commands print, and the model inside the documents of the planner's answers ({@code PoolGcm}: the
 * pool's GCM; {@code HostRecord} and {@code Host}: the host's model).
 */
public final class GcmDocuments {

    public static final String API_VERSION = "gcm/v1";
    public static final String CPU_MODEL = "CpuModel";

    /** Where each kind keeps its model (QEMU static form). */
    private static final Map<String, String> MODEL_POINTERS = Map.of(
            CPU_MODEL, "/qemu", "PoolGcm", "/qemu", "HostRecord", "/hostModel", "Host", "/record/hostModel");

    private GcmDocuments() {
    }

    /** True for a JSON object that declares an {@code apiVersion}. */
    static boolean isDocument(JsonNode node) {
        return node != null && node.isObject() && node.has("apiVersion");
    }

    /** The model a gcm/v1 document holds. */
    public static CpuModelInfo read(JsonNode doc, String path) {
        String apiVersion = doc.path("apiVersion").asText("");
        if (!API_VERSION.equals(apiVersion)) {
            throw new InvalidJsonException(path + ".apiVersion", "unsupported apiVersion '"
                    + CpuArgument.abbreviate(apiVersion) + "' (this tool reads " + API_VERSION + ")");
        }
        String kind = doc.path("kind").asText("");
        String pointer = MODEL_POINTERS.get(kind);
        if (pointer == null) {
            throw new InvalidJsonException(path + ".kind", "a " + CpuArgument.abbreviate(kind)
                    + " document holds no CPU model (models are in " + String.join(", ", MODEL_POINTERS.keySet().stream()
                    .sorted().toList()) + " documents)");
        }
        JsonNode model = doc.at(pointer);
        if (model.isMissingNode() || model.isNull()) {
            String why = "PoolGcm".equals(kind) && !doc.path("common").asBoolean(true)
                    ? "the pool has no common model" : "the document lacks its model";
            throw new InvalidJsonException(path + pointer.replace('/', '.'), why);
        }
        return CpuModelInfoJson.read(model, path + pointer.replace('/', '.'));
    }

    /**
     * The {@code CpuModel} document: the view's QEMU release, the definition, the model in QEMU's static form,
     * every feature, and the deprecated features the model has (as that release reports them).
     */
    public static ObjectNode cpuModel(Catalog catalog, CpuModel model) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("apiVersion", API_VERSION);
        node.put("kind", CPU_MODEL);
        node.put("qemuVersion", catalog.qemuVersion().toString());
        node.set("definition", definition(model.definition()));
        node.set("qemu", CpuModelInfoJson.write(Expansion.staticForm(catalog, model)));
        node.set("features", CpuModelInfoJson.writeNames(catalog.names(model.features())));
        node.set("deprecatedFeatures", CpuModelInfoJson.writeNames(
                catalog.names(model.features().and(catalog.deprecatedFeatures()))));
        return node;
    }

    public static ObjectNode definition(CpuDefinition d) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", d.name());
        node.put("machineType", d.machineTypeText());
        node.put("generation", d.generation());
        node.put("ga", d.ga());
        node.put("ibc", d.ibc().toString());
        node.put("description", d.description());
        return node;
    }
}
