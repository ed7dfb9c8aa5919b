package dev.gcm.planner.index;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.ResolvedHost;
import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Keeps the index small: hosts of a fleet share a few dozen feature sets and definition lists, so each
 * distinct one is kept once (interned, weakly: sets no host uses any more go away), and a host's record
 * is kept without what its resolved models already hold (the host model's properties, the facility
 * lists). The full record stays in the grid. Thread-safe.
 */
final class Compactor {

    private final Map<FeatureSet, WeakReference<FeatureSet>> featureSets = new WeakHashMap<>();
    private final Map<Object, WeakReference<Object>> values = new WeakHashMap<>();

    synchronized FeatureSet intern(FeatureSet set) {
        return interned(featureSets, set);
    }

    /** The resolved host with shared feature sets and a record stripped of what the models hold. */
    ResolvedHost compact(ResolvedHost r) {
        HostRecord full = r.record();
        HostRecord.HypervisorInfo hv = full.hypervisor();
        if (hv != null) {
            hv = value(new HostRecord.HypervisorInfo(hv.kind(), hv.qemuVersion(), hv.libvirtVersion(),
                    hv.kernelRelease(), hv.cpuDefinitions() == null ? null : value(List.copyOf(hv.cpuDefinitions())),
                    hv.machineTypes() == null ? null : value(List.copyOf(hv.machineTypes()))));
        }
        List<HostRecord.Guest> guests = full.guests().stream()
                .map(g -> new HostRecord.Guest(g.name(), g.uuid(), value(g.cpuModel()), value(g.machineType()))).toList();
        HostRecord slim = new HostRecord(full.apiVersion(), full.kind(), full.hostId(), value(full.labels()),
                machine(full.machine()), full.hostModel() == null ? null
                : value(new CpuModelInfo(full.hostModel().name(), Map.of())), null, hv, guests, full.probeTime(),
                value(full.agentVersion()), full.bootId(), full.seq());
        Map<String, CpuModel> guestModels = new LinkedHashMap<>();
        r.guestModels().forEach((name, m) -> guestModels.put(name, model(m)));
        return new ResolvedHost(slim, model(r.hostModel()), r.ibcRange().map(this::value), guestModels, value(r.release()));
    }

    /** One shared instance of equal immutable values (labels, machines, hypervisors, guest models, ...). */
    @SuppressWarnings("unchecked")
    private synchronized <T> T value(T v) {
        return v == null ? null : (T) interned(values, v);
    }

    /** Machines differ by cpuid, so the machine is not shared; its type and IBC range are. */
    private HostRecord.Machine machine(HostRecord.Machine m) {
        return m == null ? null : new HostRecord.Machine(value(m.machineType()), m.cpuid(), value(m.ibc()));
    }

    private CpuModel model(CpuModel m) {
        return new CpuModel(m.definition(), intern(m.features()));
    }

    private static <T> T interned(Map<T, WeakReference<T>> table, T value) {
        WeakReference<T> ref = table.get(value);
        T known = ref == null ? null : ref.get();
        if (known != null) {
            return known;
        }
        table.put(value, new WeakReference<>(value));
        return value;
    }
}
