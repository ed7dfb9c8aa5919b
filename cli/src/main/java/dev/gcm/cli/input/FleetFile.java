package dev.gcm.cli.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.forms.ReadModel;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A fleet: a JSON array whose entries are models in any form facility-db reads (QEMU CpuModelInfo, gcm/v1
 * documents, strings holding a name, a {@code -cpu} argument or libvirt XML; such hosts are named by position,
 * {@code #0}, {@code #1}, ...), host objects
 * {@code {"id": "h1", "model": MODEL, "ibcRange": {"lowest": "0x031", "unblocked": "0x051"}, "qemuVersion": "7.2"}},
 * or host records ({@code gcm probe} output); or XML holding libvirt {@code <cpu>} elements, domain capabilities
 * or domains, as {@code virsh hypervisor-cpu-baseline} takes them. A host's model is read in the view of its own
 * QEMU release ({@code qemuVersion}), else the newest.
 */
public final class FleetFile {

    private final Catalog newest;
    private final Map<QemuVersion, ModelResolver> resolvers = new HashMap<>();

    private FleetFile(Catalog newest) {
        this.newest = newest;
    }

    /** Reads a fleet from the text of a file or of standard input. */
    public static List<GcmHost> read(String text, Catalog newest) {
        FleetFile f = new FleetFile(newest);
        String t = text.strip();
        if (t.startsWith("<")) {
            return f.fromXml(t);
        }
        JsonNode root;
        try {
            root = CpuModelInfoJson.mapper().readTree(t);
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f.fromJson(root);
    }

    private List<GcmHost> fromXml(String xml) {
        List<ReadModel> models = ModelForms.readAllXml(xml);
        List<GcmHost> hosts = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            hosts.add(new GcmHost("#" + i, resolve(models.get(i).model(), Optional.empty(), "host #" + i)));
        }
        return hosts;
    }

    private List<GcmHost> fromJson(JsonNode root) {
        if (root == null || !root.isArray()) {
            throw new InvalidJsonException("$", "expected a JSON array of hosts (CPU models)");
        }
        if (root.isEmpty()) {
            throw new InvalidJsonException("$", "the fleet is empty; a common model needs at least one host");
        }
        List<GcmHost> hosts = new ArrayList<>(root.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            String path = "$[" + i + "]";
            JsonNode node = root.get(i);
            GcmHost host;
            if (node.isObject() && node.has("model")) {
                host = hostObject(node, path);
            } else if (node.isObject() && "HostRecord".equals(node.path("kind").asText())) {
                host = hostRecord(node, path);
            } else {
                host = new GcmHost("#" + i, resolve(ModelForms.read(node, path).model(), Optional.empty(), path));
            }
            if (!ids.add(host.id())) {
                throw new InvalidJsonException(path + ".id", "host id '" + host.id() + "' appears twice");
            }
            hosts.add(host);
        }
        return hosts;
    }

    private GcmHost hostObject(JsonNode node, String path) {
        String id = id(node.get("id"), path + ".id");
        Optional<QemuVersion> qemu = qemuVersion(node.get("qemuVersion"), path + ".qemuVersion");
        CpuModel model = resolve(ModelForms.read(node.get("model"), path + ".model").model(), qemu, path + ".model");
        JsonNode r = node.get("ibcRange");
        Optional<IbcRange> range = r == null || r.isNull() ? Optional.empty()
                : Optional.of(range(r.get("lowest"), r.get("unblocked"), path + ".ibcRange"));
        return new GcmHost(id, model, range, qemu);
    }

    /** A gcm/v1 HostRecord: its id, host model, IBC range and QEMU release. */
    private GcmHost hostRecord(JsonNode node, String path) {
        String id = id(node.get("hostId"), path + ".hostId");
        Optional<QemuVersion> qemu = qemuVersion(node.path("hypervisor").get("qemuVersion"), path + ".hypervisor.qemuVersion");
        CpuModel model = resolve(CpuModelInfoJson.read(node.get("hostModel"), path + ".hostModel"), qemu, path + ".hostModel");
        JsonNode r = node.path("machine").get("ibc");
        Optional<IbcRange> range = r == null || r.isNull() ? Optional.empty()
                : Optional.of(range(r.get("lowest"), r.get("unblocked"), path + ".machine.ibc"));
        return new GcmHost(id, model, range, qemu);
    }

    private static String id(JsonNode id, String path) {
        if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 253) {
            throw new InvalidJsonException(path, "expected the host id as a non-empty string (at most 253 characters)");
        }
        return id.asText();
    }

    private static Optional<QemuVersion> qemuVersion(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InvalidJsonException(path, "expected a QEMU version such as \"7.2\" or \"10.0.2\"");
        }
        try {
            QemuVersion version = QemuVersion.parse(v.asText());
            Catalog.load().forQemu(version);
            return Optional.of(version);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage());
        }
    }

    private static IbcRange range(JsonNode lowest, JsonNode unblocked, String path) {
        Ibc low = ibc(lowest, path + ".lowest");
        Ibc high = ibc(unblocked, path + ".unblocked");
        try {
            return new IbcRange(low, high);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage());
        }
    }

    private static Ibc ibc(JsonNode v, String path) {
        if (v == null || !(v.isTextual() || v.isInt())) {
            throw new InvalidJsonException(path, "expected an IBC such as \"0x051\"");
        }
        try {
            return v.isInt() ? new Ibc(v.asInt()) : Ibc.parse(v.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage());
        }
    }

    /** The model in the view of the host's release (the newest when it names none). */
    private CpuModel resolve(CpuModelInfo info, Optional<QemuVersion> qemu, String path) {
        QemuVersion release = qemu.map(QemuVersion::release).orElse(newest.qemuVersion());
        ModelResolver resolver = resolvers.computeIfAbsent(release, v -> new ModelResolver(newest.forQemu(v)));
        try {
            return resolver.resolve(info);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage()
                    + qemu.map(v -> " (in the view of QEMU " + v + ", the host's release)").orElse(""));
        }
    }
}
