package dev.gcm.hypervisor.probe;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.kvm.CpuFeatBits;
import dev.gcm.hypervisor.kvm.KvmException;
import dev.gcm.hypervisor.kvm.KvmHostModel;
import dev.gcm.hypervisor.kvm.KvmS390;
import dev.gcm.hypervisor.kvm.KvmVm;
import dev.gcm.hypervisor.kvm.LinuxKvmVm;
import dev.gcm.hypervisor.kvm.MachineAttr;
import dev.gcm.hypervisor.kvm.SimulatedHost;
import dev.gcm.hypervisor.kvm.SimulatedKvmVm;
import dev.gcm.hypervisor.kvm.SubfunctionBlocks;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the KVM CPU-model attributes of a fresh VM (machine: cpuid, IBC range, facility mask and
 * list; machine features; subfunctions) and builds the host model from them as QEMU does. Over the real
 * /dev/kvm on s390x ({@link #real}), or over a simulated host ({@link #simulated}).
 */
public final class KvmProbe implements HypervisorProbe {

    /** Opens a VM to read. */
    @FunctionalInterface
    public interface VmOpener {
        KvmVm open() throws KvmException, ProbeException;
    }

    private final String kind;
    private final VmOpener opener;
    private final Catalog catalog;
    private final Optional<GuestProbe> guests;

    private KvmProbe(String kind, VmOpener opener, Catalog catalog, Optional<GuestProbe> guests) {
        this.kind = kind;
        this.opener = opener;
        this.catalog = catalog;
        this.guests = guests;
    }

    /** The real /dev/kvm; fails clearly (unavailable) anywhere but s390x Linux with /dev/kvm. */
    public static KvmProbe real(Catalog catalog, Optional<GuestProbe> guests) {
        return new KvmProbe("kvm", () -> {
            String reason = LinuxKvmVm.unavailableReason();
            if (reason != null) {
                throw ProbeException.unavailable(reason);
            }
            return LinuxKvmVm.open();
        }, catalog, guests);
    }

    /** A simulated host of any catalog definition. */
    public static KvmProbe simulated(Catalog catalog, SimulatedHost host) {
        return new KvmProbe("simulated", () -> new SimulatedKvmVm(catalog, host), catalog, Optional.empty());
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public HostCapabilities probe() throws ProbeException {
        try (KvmVm vm = opener.open()) {
            MachineAttr machine = MachineAttr.decode(vm.getAttribute(KvmS390.MACHINE, KvmS390.MACHINE_SIZE));
            FeatureSet sclp = vm.hasAttribute(KvmS390.MACHINE_FEAT)
                    ? CpuFeatBits.decode(catalog, vm.getAttribute(KvmS390.MACHINE_FEAT, KvmS390.FEAT_SIZE))
                    : FeatureSet.empty();
            FeatureSet sub = vm.hasAttribute(KvmS390.MACHINE_SUBFUNC)
                    ? SubfunctionBlocks.decode(catalog, vm.getAttribute(KvmS390.MACHINE_SUBFUNC, KvmS390.SUBFUNC_SIZE))
                    : FeatureSet.empty();
            CpuModel model = KvmHostModel.build(catalog, machine, sclp, sub).orElseThrow(() -> ProbeException.failed(
                    "no CPU definition fits machine type " + String.format("%04x", machine.machineType())
                            + " at IBC " + machine.ibc().unblocked()));
            IbcRange range = machine.ibc();
            HostRecord.Machine m = new HostRecord.Machine(String.format("%04x", machine.machineType()),
                    String.format("%016x", machine.cpuid()), range.lowest().isNone() ? null
                    : new HostRecord.IbcRangeJson(range.lowest().toString(), range.unblocked().toString()));
            FacilityList soft = FacilityList.of(Arrays.stream(machine.facMask().facilities())
                    .filter(f -> !machine.facList().contains(f)).toArray());
            HostRecord.Facilities facilities = new HostRecord.Facilities(list(machine.facList()), list(soft),
                    list(machine.facMask()));
            HostRecord.HypervisorInfo info = new HostRecord.HypervisorInfo(kind, null,
                    System.getProperty("os.version"), null);
            HostCapabilities caps = new HostCapabilities(m, Expansion.staticForm(catalog, model), facilities, info,
                    List.of());
            return guests.isPresent() ? caps.withGuests(guests.get().probe()) : caps;
        } catch (KvmException e) {
            throw new ProbeException("KVM probe failed: " + e.getMessage(), e);
        }
    }

    private static List<Integer> list(FacilityList f) {
        return Arrays.stream(f.facilities()).boxed().toList();
    }
}
