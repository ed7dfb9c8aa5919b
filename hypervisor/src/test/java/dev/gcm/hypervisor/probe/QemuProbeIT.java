package dev.gcm.hypervisor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.record.HostCapabilities;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The QEMU probe against the real qemu-system-s390x (TCG here). */
class QemuProbeIT extends HypervisorProbeContract {

    static final String QEMU = System.getenv().getOrDefault("GCM_QEMU_BINARY", "qemu-system-s390x");

    @Override
    protected HypervisorProbe probe() {
        return new QemuProbe(QEMU, QemuProbe.Accelerator.TCG, Duration.ofSeconds(30), CATALOG, Optional.empty());
    }

    @Override
    protected Catalog catalog() {
        try {
            return CATALOG.forQemu(QemuVersion.parse(probe().probe().hypervisor().qemuVersion()));
        } catch (ProbeException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hostModelIsWhatQemuReportsForMax() throws Exception {
        HostCapabilities caps = probe().probe();
        CpuModelInfo expected;
        try (QemuProcess qemu = QemuProcess.start(QEMU, List.of("-machine", "s390-ccw-virtio", "-accel", "tcg"),
                Duration.ofSeconds(30))) {
            var args = CpuModelInfoJson.mapper().createObjectNode().put("type", "static");
            args.set("model", CpuModelInfoJson.write(CpuModelInfo.named("max")));
            expected = CpuModelInfoJson.read(qemu.qmp().execute("query-cpu-model-expansion", args).get("model"), "m");
        }
        assertThat(caps.hostModel()).isEqualTo(expected);
        assertThat(caps.hypervisor().kind()).isEqualTo("qemu-tcg");
        assertThat(caps.hypervisor().qemuVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(caps.hypervisor().cpuDefinitions()).contains("z14", "z14-base", "max", "qemu");
        assertThat(caps.machine().machineType()).isEqualTo("8561");
    }

    @Test
    void aMissingBinaryIsAClearError() {
        ProbeException e = catchThrowableOfType(ProbeException.class, () -> new QemuProbe("/no/such/qemu",
                QemuProbe.Accelerator.TCG, Duration.ofSeconds(5), CATALOG, Optional.empty()).probe());
        assertThat(e).hasMessageContaining("/no/such/qemu");
    }
}
