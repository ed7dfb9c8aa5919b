package dev.gcm.hypervisor.kvm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.Ibc;

/**
 * A KVM VM over a simulated host, with the rules of the original s390 CPU-model interface: machine
 * attributes are read-only (ENXIO on write); processor attributes are writable only before a vCPU
 * exists (EBUSY after); the guest facility list is masked by the machine's facility mask; a non-zero
 * guest IBC is clamped into the host's range.
 */
public final class SimulatedKvmVm implements KvmVm {

    private final Catalog catalog;
    private final SimulatedHost host;
    private final MachineAttr machine;
    private ProcessorAttr processor;
    private boolean vcpuCreated;

    public SimulatedKvmVm(Catalog catalog, SimulatedHost host) {
        this.catalog = catalog;
        this.host = host;
        this.machine = host.machineAttr(catalog);
        // a new VM's guest list starts as the host's list masked by what KVM offers
        this.processor = new ProcessorAttr(host.cpuid(), host.ibcRange().unblocked(),
                machine.facList().and(machine.facMask()));
    }

    @Override
    public boolean hasAttribute(int attribute) {
        return attribute >= KvmS390.PROCESSOR && attribute <= KvmS390.MACHINE_SUBFUNC;
    }

    @Override
    public synchronized byte[] getAttribute(int attribute, int size) throws KvmException {
        byte[] data = switch (attribute) {
            case KvmS390.MACHINE -> machine.encode();
            case KvmS390.PROCESSOR -> processor.encode();
            case KvmS390.MACHINE_FEAT, KvmS390.PROCESSOR_FEAT -> host.featAttr(catalog);
            case KvmS390.MACHINE_SUBFUNC, KvmS390.PROCESSOR_SUBFUNC -> host.subfuncAttr(catalog);
            default -> throw new KvmException("get attribute " + attribute, KvmS390.ENXIO);
        };
        if (data.length != size) {
            throw new KvmException("get attribute " + attribute + " with " + size + " bytes", KvmS390.EINVAL);
        }
        return data;
    }

    @Override
    public synchronized void setAttribute(int attribute, byte[] data) throws KvmException {
        if (attribute != KvmS390.PROCESSOR) {
            throw new KvmException("set attribute " + attribute, KvmS390.ENXIO);
        }
        if (vcpuCreated) {
            throw new KvmException("set processor attribute after a vCPU exists", KvmS390.EBUSY);
        }
        if (data.length != KvmS390.PROCESSOR_SIZE) {
            throw new KvmException("set processor attribute with " + data.length + " bytes", KvmS390.EINVAL);
        }
        ProcessorAttr requested = ProcessorAttr.decode(data);
        Ibc ibc = host.ibcRange().lowest().isNone() ? requested.ibc() : host.ibcRange().clamp(requested.ibc());
        processor = new ProcessorAttr(requested.cpuid(), ibc, requested.facList().and(machine.facMask()));
    }

    @Override
    public synchronized void createVcpu(int id) {
        vcpuCreated = true;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
