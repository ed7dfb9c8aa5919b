package dev.gcm.planner.support;

import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.hypervisor.record.HostRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Host records of hosts that run a given QEMU release, as that QEMU would report them: the host model in the
 * release's view (QEMU static form), the release named, the definitions and machine types left out (the planner
 * derives them from the release).
 */
public final class OnQemu {

    public static final QemuVersion V72 = QemuVersion.parse("7.2.22");
    public static final QemuVersion V10 = QemuVersion.parse("10.0.2");

    private OnQemu() {
    }

    /** A record of a host whose model (in the newest catalog) its QEMU sees as {@code view.reduce(model)}. */
    public static HostRecord record(String id, CpuModel model, QemuVersion qemu, Map<String, String> labels,
                                    Optional<String[]> ibcRange, List<HostRecord.Guest> guests) {
        QemuView view = QemuView.of(Fleet.CATALOG, qemu);
        CpuModel seen = view.reduce(model);
        CpuModelInfo info = Expansion.staticForm(view.catalog(), seen);
        HostRecord.IbcRangeJson range = ibcRange.map(r -> new HostRecord.IbcRangeJson(r[0], r[1])).orElse(null);
        return new HostRecord(HostRecord.API_VERSION, HostRecord.KIND, id, labels,
                new HostRecord.Machine(seen.definition().machineTypeText(), null, range), info, null,
                new HostRecord.HypervisorInfo("qemu-kvm", qemu.toString(), null, "6.1", null, null), guests,
                Instant.now(), "test", "boot-" + id, 1);
    }

    /** A host of a named definition (its default features) on a release, no IBC range, no guests. */
    public static HostRecord record(String id, String definition, QemuVersion qemu, Map<String, String> labels) {
        CpuModel m = new CpuModel(Fleet.CATALOG.definition(definition).orElseThrow(),
                Fleet.CATALOG.definition(definition).orElseThrow().defaults());
        return record(id, m, qemu, labels, Optional.empty(), List.of());
    }

    /** An IBC range "lowest..unblocked" of a definition's IBC. */
    public static String ibc(String definition) {
        Ibc ibc = Fleet.CATALOG.definition(definition).orElseThrow().ibc();
        return ibc.toString();
    }
}
