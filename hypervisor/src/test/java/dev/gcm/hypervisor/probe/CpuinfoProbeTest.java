package dev.gcm.hypervisor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.record.HostRecordValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuinfoProbeTest extends HypervisorProbeContract {

    private static Path fixture(String name) throws Exception {
        return Path.of(CpuinfoProbeTest.class.getResource("/proc/" + name + "/cpuinfo").toURI()).getParent();
    }

    @Override
    protected HypervisorProbe probe() {
        try {
            return new CpuinfoProbe(fixture("z15-lpar"), CATALOG);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private CpuModel model(String fixture) throws Exception {
        HostCapabilities caps = new CpuinfoProbe(fixture(fixture), CATALOG).probe();
        return new HostRecordValidator(CATALOG).validate(record(caps)).hostModel();
    }

    @Test
    void readsMachineTypeCpuidAndFacilitiesOfAZ15Lpar() throws Exception {
        HostCapabilities caps = new CpuinfoProbe(fixture("z15-lpar"), CATALOG).probe();
        assertThat(caps.machine().machineType()).isEqualTo("8561");
        assertThat(caps.machine().cpuid()).isEqualTo("001f8b2885618000");
        assertThat(caps.facilities().hard()).startsWith(0, 1, 2, 3, 4).contains(129, 155);
        CpuModel m = model("z15-lpar");
        assertThat(m.definition().name()).isEqualTo("gen15a");
        assertThat(CATALOG.names(m.features())).contains("vx", "vxeh2", "deflate-base").doesNotContain("nnpa");
    }

    @Test
    void aZ14GuestOfZvmWithoutTransactionalExecutionLacksIt() throws Exception {
        CpuModel m = model("z14-zvm");
        assertThat(m.definition().machineTypeText()).isEqualTo("3906");
        assertThat(CATALOG.names(m.features())).contains("vx", "vxeh").doesNotContain("te", "cte", "gs");
    }

    @Test
    void saysClearlyWhenThisIsNotS390x() throws Exception {
        assertThatThrownBy(() -> new CpuinfoProbe(fixture("x86"), CATALOG).probe())
                .isInstanceOf(ProbeException.class).hasMessageContaining("no 'facilities' line")
                .hasMessageContaining("s390x");
        assertThatThrownBy(() -> new CpuinfoProbe(Path.of("/nonexistent"), CATALOG).probe())
                .hasMessageContaining("cannot read");
    }
}
