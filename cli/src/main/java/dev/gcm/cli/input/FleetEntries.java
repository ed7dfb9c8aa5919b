package dev.gcm.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.json.InvalidJsonException;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One entry of a fleet to a host: a model in any form (named by position, {@code #0}), a host object or a host
 * record. The hosts of a fleet share a few dozen models, so equal models are one object (a host then costs its
 * id and a few references), and a model written the same way is read and resolved once (up to
 * {@value #MOST_REMEMBERED} such texts).
 */
final class FleetEntries {

    /** How many distinct model texts are remembered with their model (each a small JSON tree). */
    static final int MOST_REMEMBERED = 1_000;

    /** How a model is read: which reader and in which QEMU release's view; part of what is remembered. */
    private enum Reader { ANY_FORM, CPU_MODEL_INFO }

    private record Written(Reader reader, Optional<QemuVersion> qemu, JsonNode text) {
    }

    private final Catalog newest;
    private final Map<QemuVersion, ModelResolver> resolvers = new HashMap<>();
    private final Map<Written, CpuModel> read = new HashMap<>();
    private final Map<CpuModel, CpuModel> models = new HashMap<>();
    private final Map<IbcRange, Optional<IbcRange>> ranges = new HashMap<>();
    private final Map<QemuVersion, Optional<QemuVersion>> releases = new HashMap<>();

    FleetEntries(Catalog newest) {
        this.newest = newest;
    }

    /** Entry i of a JSON fleet. */
    GcmHost host(JsonNode node, int i) {
        String path = "$[" + i + "]";
        if (node.isObject() && node.has("model")) {
            return hostObject(node, path);
        }
        if (node.isObject() && "HostRecord".equals(node.path("kind").asText())) {
            return hostRecord(node, path);
        }
        return new GcmHost("#" + i, model(Reader.ANY_FORM, node, Optional.empty(), path));
    }

    /** Model i of an XML fleet. */
    GcmHost host(CpuModelInfo info, int i) {
        return new GcmHost("#" + i, resolve(info, Optional.empty(), "host #" + i));
    }

    private GcmHost hostObject(JsonNode node, String path) {
        String id = id(node.get("id"), path + ".id");
        Optional<QemuVersion> qemu = qemuVersion(node.get("qemuVersion"), path + ".qemuVersion");
        CpuModel model = model(Reader.ANY_FORM, node.get("model"), qemu, path + ".model");
        JsonNode r = node.get("ibcRange");
        Optional<IbcRange> range = r == null || r.isNull() ? Optional.empty()
                : range(r.get("lowest"), r.get("unblocked"), path + ".ibcRange");
        return new GcmHost(id, model, range, qemu);
    }

    /** A gcm/v1 HostRecord: its id, host model, IBC range and QEMU release. */
    private GcmHost hostRecord(JsonNode node, String path) {
        String id = id(node.get("hostId"), path + ".hostId");
        Optional<QemuVersion> qemu = qemuVersion(node.path("hypervisor").get("qemuVersion"), path + ".hypervisor.qemuVersion");
        CpuModel model = model(Reader.CPU_MODEL_INFO, node.get("hostModel"), qemu, path + ".hostModel");
        JsonNode r = node.path("machine").get("ibc");
        Optional<IbcRange> range = r == null || r.isNull() ? Optional.empty()
                : range(r.get("lowest"), r.get("unblocked"), path + ".machine.ibc");
        return new GcmHost(id, model, range, qemu);
    }

    /** The model a JSON value holds, in the view of the host's release; read once per distinct text. */
    private CpuModel model(Reader reader, JsonNode node, Optional<QemuVersion> qemu, String path) {
        Supplier<CpuModel> fresh = () -> resolve(reader == Reader.ANY_FORM ? ModelForms.read(node, path).model()
                : CpuModelInfoJson.read(node, path), qemu, path);
        if (node == null) {
            return fresh.get(); // the reader names what is missing
        }
        Written key = new Written(reader, qemu.map(QemuVersion::release), node);
        CpuModel known = read.get(key);
        if (known != null) {
            return known;
        }
        CpuModel model = fresh.get();
        if (read.size() < MOST_REMEMBERED) {
            read.put(key, model);
        }
        return model;
    }

    private static String id(JsonNode id, String path) {
        if (id == null || !id.isTextual() || id.asText().isBlank() || id.asText().length() > 253) {
            throw new InvalidJsonException(path, "expected the host id as a non-empty string (at most 253 characters)");
        }
        return id.asText();
    }

    private Optional<QemuVersion> qemuVersion(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new InvalidJsonException(path, "expected a QEMU version such as \"7.2\" or \"10.0.2\"");
        }
        try {
            return releases.computeIfAbsent(QemuVersion.parse(v.asText()), version -> {
                newest.forQemu(version); // refuses a release without CPU models
                return Optional.of(version);
            });
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage());
        }
    }

    private Optional<IbcRange> range(JsonNode lowest, JsonNode unblocked, String path) {
        Ibc low = ibc(lowest, path + ".lowest");
        Ibc high = ibc(unblocked, path + ".unblocked");
        try {
            return ranges.computeIfAbsent(new IbcRange(low, high), Optional::of);
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

    /** The model in the view of the host's release (the newest when it names none), one object per distinct one. */
    private CpuModel resolve(CpuModelInfo info, Optional<QemuVersion> qemu, String path) {
        QemuVersion release = qemu.map(QemuVersion::release).orElse(newest.qemuVersion());
        ModelResolver resolver = resolvers.computeIfAbsent(release, v -> new ModelResolver(newest.forQemu(v)));
        try {
            return models.computeIfAbsent(resolver.resolve(info), m -> m);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException(path, e.getMessage()
                    + qemu.map(v -> " (in the view of QEMU " + v + ", the host's release)").orElse(""));
        }
    }
}
