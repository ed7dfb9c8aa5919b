package dev.gcm.hypervisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.hypervisor.kvm.SimulatedHost;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecordValidator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedProbeTest extends HypervisorProbeContract {

    @Override
    protected HypervisorProbe probe() {
        SimulatedHost host = SimulatedHost.of(CATALOG.definition("gen15a").orElseThrow())
                .withMasked(CATALOG.featureSet(List.of("vxpdeh", "kdsa-ecdsa-verify-p256")));
        return KvmProbe.simulated(CATALOG, host);
    }

    private CpuModel hostModel(SimulatedHost host) throws Exception {
        HostCapabilities caps = KvmProbe.simulated(CATALOG, host).probe();
        return new HostRecordValidator(CATALOG).validate(record(caps)).hostModel();
    }

    @Test
    void everyDefinitionFromZ10OnSimulatesToItself() throws Exception {
        for (var def : CATALOG.definitions()) {
            if (def.generation() >= 10) {
                CpuModel m = hostModel(SimulatedHost.of(def));
                assertThat(m.definition().generation()).as(def.name()).isEqualTo(def.generation());
                assertThat(m.definition().ga()).as(def.name()).isEqualTo(def.ga());
                assertThat(m.features().containsAll(def.base().andNot(CATALOG.ignoredBaseFeatures())))
                        .as(def.name() + " covers its base").isTrue();
            }
        }
    }

    @Test
    void aGuestOfTheNamedModelRunsOnASimulatedHostOfItsDefinition() throws Exception {
        for (var def : CATALOG.definitions()) {
            if (def.generation() >= 11) {
                CpuModel host = hostModel(SimulatedHost.of(def));
                var r = dev.gcm.facilitydb.qemu.Comparison.compare(CATALOG, CpuModel.named(def), host);
                assertThat(r.result().runnable()).as(def.name() + ": " + r.responsibleProperties()).isTrue();
            }
        }
    }

    @Test
    void maskedFeaturesAreNotOffered() throws Exception {
        var masked = CATALOG.featureSet(List.of("vx", "kma-gcm-aes-256", "esop"));
        SimulatedHost host = SimulatedHost.of(CATALOG.definition("z14").orElseThrow()).withMasked(masked);
        assertThat(hostModel(host).features().intersects(masked)).isFalse();
        assertThat(hostModel(SimulatedHost.of(CATALOG.definition("z14").orElseThrow())).features().containsAll(masked))
                .isTrue();
    }

    @Test
    void softFacilitiesAreOfferedAndReportedAsSoft() throws Exception {
        int sthyi = CATALOG.feature("sthyi").orElseThrow().bit();
        var def = CATALOG.definition("z13").orElseThrow();
        SimulatedHost host = SimulatedHost.of(def).withMasked(CATALOG.featureSet(List.of("sthyi")))
                .withSoft(FacilityList.of(sthyi));
        HostCapabilities caps = KvmProbe.simulated(CATALOG, host).probe();
        assertThat(caps.facilities().soft()).containsExactly(sthyi);
        assertThat(caps.facilities().mask()).contains(sthyi);
        assertThat(caps.facilities().hard()).doesNotContain(sthyi);
        assertThat(hostModel(host).features().contains(CATALOG.feature("sthyi").orElseThrow().index())).isTrue();
    }

    @Test
    void theUnblockedIbcPicksTheDefinitionAndTheRangeIsReported() throws Exception {
        SimulatedHost host = SimulatedHost.of(CATALOG.definition("z14.2").orElseThrow())
                .withIbcRange(new IbcRange(Ibc.parse("0x031"), Ibc.parse("0x041")));
        HostCapabilities caps = KvmProbe.simulated(CATALOG, host).probe();
        assertThat(caps.machine().ibc().lowest()).isEqualTo("0x031");
        assertThat(caps.machine().ibc().unblocked()).isEqualTo("0x041");
        assertThat(hostModel(host).definition().name()).isEqualTo("z14");
    }
}
