package dev.gcm.hypervisor.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the original s390 CPU-model interface, as the simulation keeps them. */
class SimulatedKvmVmTest {

    private static final Catalog CATALOG = Catalog.load();

    private final SimulatedHost host = SimulatedHost.of(CATALOG.definition("z14").orElseThrow())
            .withMasked(CATALOG.featureSet(List.of("gs")))
            .withIbcRange(new IbcRange(Ibc.parse("0x021"), Ibc.parse("0x041")));

    private static int errnoOf(ThrowingRunnable r) {
        try {
            r.run();
            return 0;
        } catch (KvmException e) {
            return e.errno();
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws KvmException;
    }

    @Test
    void machineAttributesAreReadOnly() throws Exception {
        try (SimulatedKvmVm vm = new SimulatedKvmVm(CATALOG, host)) {
            byte[] machine = vm.getAttribute(KvmS390.MACHINE, KvmS390.MACHINE_SIZE);
            assertThat(errnoOf(() -> vm.setAttribute(KvmS390.MACHINE, machine))).isEqualTo(KvmS390.ENXIO);
            assertThat(vm.getAttribute(KvmS390.MACHINE, KvmS390.MACHINE_SIZE)).isEqualTo(machine);
        }
    }

    @Test
    void theGuestListIsMaskedAndTheIbcClampedBeforeVcpusExist() throws Exception {
        int gs = CATALOG.feature("gs").orElseThrow().bit();
        int vx = CATALOG.feature("vx").orElseThrow().bit();
        try (SimulatedKvmVm vm = new SimulatedKvmVm(CATALOG, host)) {
            vm.setAttribute(KvmS390.PROCESSOR, new ProcessorAttr(1, Ibc.parse("0x061"), FacilityList.of(0, gs, vx)).encode());
            ProcessorAttr p = ProcessorAttr.decode(vm.getAttribute(KvmS390.PROCESSOR, KvmS390.PROCESSOR_SIZE));
            assertThat(p.facList()).isEqualTo(FacilityList.of(0, vx));
            assertThat(p.ibc()).isEqualTo(Ibc.parse("0x041"));
            vm.setAttribute(KvmS390.PROCESSOR, new ProcessorAttr(1, Ibc.parse("0x011"), FacilityList.of(0)).encode());
            assertThat(ProcessorAttr.decode(vm.getAttribute(KvmS390.PROCESSOR, KvmS390.PROCESSOR_SIZE)).ibc())
                    .isEqualTo(Ibc.parse("0x021"));
            vm.setAttribute(KvmS390.PROCESSOR, new ProcessorAttr(1, Ibc.NONE, FacilityList.of(0)).encode());
            assertThat(ProcessorAttr.decode(vm.getAttribute(KvmS390.PROCESSOR, KvmS390.PROCESSOR_SIZE)).ibc())
                    .isEqualTo(Ibc.NONE);
        }
    }

    @Test
    void processorAttributesAreBusyOnceAVcpuExists() throws Exception {
        try (SimulatedKvmVm vm = new SimulatedKvmVm(CATALOG, host)) {
            byte[] before = vm.getAttribute(KvmS390.PROCESSOR, KvmS390.PROCESSOR_SIZE);
            vm.createVcpu(0);
            byte[] change = new ProcessorAttr(1, Ibc.parse("0x031"), FacilityList.of(0)).encode();
            assertThat(errnoOf(() -> vm.setAttribute(KvmS390.PROCESSOR, change))).isEqualTo(KvmS390.EBUSY);
            assertThat(vm.getAttribute(KvmS390.PROCESSOR, KvmS390.PROCESSOR_SIZE)).isEqualTo(before);
        }
    }

    @Test
    void wrongSizesAreRefused() throws Exception {
        try (SimulatedKvmVm vm = new SimulatedKvmVm(CATALOG, host)) {
            assertThat(errnoOf(() -> vm.getAttribute(KvmS390.MACHINE, 10))).isEqualTo(KvmS390.EINVAL);
            assertThat(errnoOf(() -> vm.setAttribute(KvmS390.PROCESSOR, new byte[3]))).isEqualTo(KvmS390.EINVAL);
        }
    }
}
