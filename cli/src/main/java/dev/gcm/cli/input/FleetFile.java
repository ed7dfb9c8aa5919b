package dev.gcm.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fleet as a JSON array. Each element is either a QEMU CpuModelInfo (the host is then named by its
 * position, {@code #0}, {@code #1}, ...) or a host object
 * {@code {"id": "h1", "model": {CpuModelInfo}, "ibcRange": {"lowest": "0x031", "unblocked": "0x051"}}}.
 */
public final class FleetFile {

    private FleetFile() {
    }

    public static List<GcmHost> read(JsonNode root, Catalog catalog) {
        if (root == null || !root.isArray()) {
            throw new InvalidJsonException("$", "expected a JSON array of hosts (CPU models)");
        }
        if (root.isEmpty()) {
            throw new InvalidJsonException("$", "the fleet is empty; a common model needs at least one host");
        }
        ModelResolver resolver = new ModelResolver(catalog);
        List<GcmHost> hosts = new ArrayList<>(root.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            String path = "$[" + i + "]";
            JsonNode node = root.get(i);
            GcmHost host = node != null && node.has("model") ? hostObject(node, path, resolver)
                    : new GcmHost("#" + i, resolve(resolver, CpuModelInfoJson.read(node, path), path));
            if (!ids.add(host.id())) {
                throw new InvalidJsonException(path + ".id", "host id '" + host.id() + "' appears twice");
            }
            hosts.add(host);
        }
        return hosts;
    }

    private static GcmHost hostObject(JsonNode node, String path, ModelResolver resolver) {
        JsonNode id = node.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new InvalidJsonException(path + ".id", "expected the host id as a non-empty string");
        }
        var model = resolve(resolver, CpuModelInfoJson.read(node.get("model"), path + ".model"), path + ".model");
        Optional<IbcRange> range = Optional.empty();
        JsonNode r = node.get("ibcRange");
        if (r != null && !r.isNull()) {
            try {
                range = Optional.of(new IbcRange(ibc(r, "lowest", path), ibc(r, "unblocked", path)));
            } catch (InvalidJsonException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidJsonException(path + ".ibcRange", e.getMessage());
            }
        }
        return new GcmHost(id.asText(), model, range);
    }

    private static Ibc ibc(JsonNode range, String field, String path) {
        JsonNode v = range.get(field);
        if (v == null || !(v.isTextual() || v.isInt())) {
            throw new InvalidJsonException(path + ".ibcRange." + field, "expected an IBC such as \"0x051\"");
        }
        try {
            return v.isInt() ? new Ibc(v.asInt()) : Ibc.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path + ".ibcRange." + field, e.getMessage());
        }
    }

    private static dev.gcm.facilitydb.model.CpuModel resolve(ModelResolver resolver,
            dev.gcm.facilitydb.qemu.CpuModelInfo info, String path) {
        try {
            return resolver.resolve(info);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage());
        }
    }
}
