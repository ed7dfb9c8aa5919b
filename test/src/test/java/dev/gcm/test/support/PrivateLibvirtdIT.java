package dev.gcm.test.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.forms.LibvirtCpuXml;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The private daemon itself: over the unpacked QEMU 10.0 (its own data, not 7.2's modules), and cleaned up. */
class PrivateLibvirtdIT {

    @Test
    void runsOverTheUnpackedQemu10AndLeavesNothingBehind() throws Exception {
        PrivateLibvirtd.unavailable().ifPresent(why -> {
            throw Oracles.missing("libvirt: " + why);
        });
        Path home = Path.of(QemuOracle.command(QemuOracle.QEMU_10_0).get(0)).getParent().getParent().getParent();
        if (!Files.isDirectory(home)) {
            throw Oracles.missing("QEMU 10.0 under " + home);
        }
        Path dir;
        long pid;
        try (PrivateLibvirtd libvirt = PrivateLibvirtd.builder().unpackedQemu(home).start()) {
            dir = libvirt.directory();
            pid = libvirt.pid();
            String caps = libvirt.virsh("domcapabilities", "--arch", "s390x", "--virttype", "qemu").orThrow().out();
            assertThat(caps).contains("<machine>s390-ccw-virtio-10.0</machine>").contains(">gen17a<");
            String gcm = new VirshCpuBaseline(libvirt).baseline(List.of(LibvirtCpuXml.write(CpuModelInfo.named("gen17a")),
                    LibvirtCpuXml.write(CpuModelInfo.named("gen17a")))).orThrow().out();
            assertThat(ModelForms.read(gcm).model().name()).isEqualTo("gen17a-base");
        }
        assertThat(ProcessHandle.of(pid)).isEmpty();
        assertThat(dir).doesNotExist();
    }
}
