package dev.gcm.hypervisor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.qmp.QmpClient;
import dev.gcm.hypervisor.qmp.QmpException;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Probes QEMU as libvirt does: starts it paused with no devices and a private QMP monitor, reads its
 * version, the CPU definitions it knows and the static expansion of the model a guest could get
 * ({@code host} under KVM on s390x, {@code max} under TCG elsewhere), then ends it, on every path.
 */
public final class QemuProbe implements HypervisorProbe {

    /** Which accelerator to probe with. */
    public enum Accelerator {
        /** KVM when this is s390x with /dev/kvm, else TCG. */
        AUTO,
        KVM,
        TCG
    }

    private final String binary;
    private final Accelerator accelerator;
    private final Duration timeout;
    private final Catalog catalog;
    private final Optional<GuestProbe> guests;

    public QemuProbe(String binary, Accelerator accelerator, Duration timeout, Catalog catalog,
                     Optional<GuestProbe> guests) {
        this.binary = binary;
        this.accelerator = accelerator;
        this.timeout = timeout;
        this.catalog = catalog;
        this.guests = guests;
    }

    private boolean useKvm() {
        return switch (accelerator) {
            case KVM -> true;
            case TCG -> false;
            case AUTO -> "s390x".equals(System.getProperty("os.arch")) && Files.isWritable(Path.of("/dev/kvm"));
        };
    }

    @Override
    public String kind() {
        return useKvm() ? "qemu-kvm" : "qemu-tcg";
    }

    @Override
    public HostCapabilities probe() throws ProbeException {
        boolean kvm = useKvm();
        List<String> args = kvm
                ? List.of("-machine", "s390-ccw-virtio", "-accel", "kvm", "-cpu", "host")
                : List.of("-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "max");
        String model = kvm ? "host" : "max";
        try (QemuProcess qemu = QemuProcess.start(binary, args, timeout)) {
            QmpClient qmp = qemu.qmp();
            JsonNode v = qmp.execute("query-version", null);
            JsonNode q = v.path("qemu");
            QemuVersion version = new QemuVersion(q.path("major").asInt(), q.path("minor").asInt(),
                    q.path("micro").asInt());
            List<String> definitions = new ArrayList<>();
            for (JsonNode d : qmp.execute("query-cpu-definitions", null)) {
                definitions.add(d.path("name").asText());
            }
            CpuModelInfo hostModel = expand(qmp, CpuModelInfo.named(model), "static");
            CpuDefinition def = definitionOf(hostModel, version);
            HostRecord.HypervisorInfo info = new HostRecord.HypervisorInfo(kind(), version.toString(),
                    System.getProperty("os.version"), definitions);
            HostRecord.Machine machine = new HostRecord.Machine(def.machineTypeText(), null, null);
            HostCapabilities caps = new HostCapabilities(machine, hostModel, null, info, List.of());
            return guests.isPresent() ? caps.withGuests(guests.get().probe()) : caps;
        } catch (IOException | QmpException e) {
            throw new ProbeException("QEMU probe with " + binary + " failed: " + e.getMessage(), e);
        }
    }

    /** Asks QEMU for an expansion ({@code static} or {@code full}) of a model. */
    static CpuModelInfo expand(QmpClient qmp, CpuModelInfo model, String type) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("type", type);
        args.set("model", CpuModelInfoJson.write(model));
        return CpuModelInfoJson.read(qmp.execute("query-cpu-model-expansion", args).get("model"), "model");
    }

    private CpuDefinition definitionOf(CpuModelInfo staticModel, QemuVersion version) throws ProbeException {
        String name = staticModel.name().replaceFirst("-base$", "");
        return catalog.forQemu(version).definition(name).orElseThrow(() -> ProbeException.failed(
                "QEMU " + version + " expands its host model to '" + name + "', which this catalog does not know"));
    }
}
