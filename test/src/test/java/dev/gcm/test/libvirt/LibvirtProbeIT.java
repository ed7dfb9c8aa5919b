package dev.gcm.test.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.probe.HypervisorProbe;
import dev.gcm.hypervisor.probe.HypervisorProbeContract;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.probe.QemuProbe;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.record.HostCapabilities;
import dev.gcm.hypervisor.libvirt.LibvirtProbe;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.test.support.IdleGuest;
import dev.gcm.test.support.PrivateLibvirtd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The libvirt probe against a real libvirtd 9.0 of the test's own (TCG here) running a real s390x guest,
 * checked against QEMU itself: the host model is QEMU's {@code max}, the guest's model QEMU's {@code qemu}.
 */
class LibvirtProbeIT extends HypervisorProbeContract {

    static final String QEMU = System.getenv().getOrDefault("GCM_QEMU_BINARY", "/usr/bin/qemu-system-s390x");
    private static final String GUEST = "idle-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String GUEST_UUID = UUID.randomUUID().toString();

    @TempDir
    static Path dir;
    private static PrivateLibvirtd daemon;
    private static LibvirtProbe shared;

    @BeforeAll
    static void startDaemonAndGuest() throws Exception {
        daemon = PrivateLibvirtd.builder().emulator(Path.of(QEMU).toRealPath()).start();
        Path xml = dir.resolve("guest.xml");
        Files.writeString(xml, IdleGuest.domainXml(GUEST, GUEST_UUID, "qemu", IdleGuest.writeKernel(dir.resolve("idle.elf")),
                daemon.emulator()));
        PrivateLibvirtd.Result created = daemon.virsh("create", xml.toString());
        assertThat(created.exitCode()).as(created.err() + daemon.log()).isZero();
        shared = new LibvirtProbe(daemon.uri(), CATALOG, List.of());
    }

    @AfterAll
    static void stop() {
        if (shared != null) {
            shared.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }

    @Override
    protected HypervisorProbe probe() {
        return shared;
    }

    @Test
    void theHostModelIsQemusMaxAndTheVersionsAndMachineTypesAreLibvirts() throws Exception {
        HostCapabilities caps = shared.probe();
        HostCapabilities qemu = new QemuProbe(QEMU, QemuProbe.Accelerator.TCG, Duration.ofSeconds(30), CATALOG,
                Optional.empty()).probe();
        ModelResolver resolver = new ModelResolver(CATALOG);
        assertThat(resolver.resolve(caps.hostModel())).isEqualTo(resolver.resolve(qemu.hostModel()));
        assertThat(caps.hypervisor().kind()).isEqualTo("libvirt-tcg").isEqualTo(shared.kind());
        assertThat(caps.hypervisor().qemuVersion()).isEqualTo(qemu.hypervisor().qemuVersion());
        assertThat(caps.hypervisor().libvirtVersion()).isEqualTo(virshLibraryVersion());
        assertThat(caps.hypervisor().machineTypes()).contains("s390-ccw-virtio", "s390-ccw-virtio-7.2")
                .allMatch(m -> m.startsWith("s390-ccw-virtio"));
        assertThat(caps.hypervisor().cpuDefinitions()).contains("z14", "z14-base", "qemu", "max");
    }

    @Test
    void theRunningGuestIsReportedWithItsUuidMachineTypeAndTheModelQemuGivesIt() throws Exception {
        HostRecord.Guest g = guest(shared.probe());
        assertThat(g.uuid()).isEqualTo(GUEST_UUID);
        assertThat(g.machineType()).matches("s390-ccw-virtio-\\d+\\.\\d+");
        ModelResolver resolver = new ModelResolver(CATALOG);
        assertThat(resolver.resolve(g.cpuModel())).isEqualTo(resolver.resolve(staticExpansionByQemu("qemu")));
    }

    @Test
    void domainLifecycleEventsCountAsChanges() throws Exception {
        shared.probe();
        AtomicInteger heard = new AtomicInteger();
        shared.onChange(heard::incrementAndGet);
        long before = shared.changes();
        assertThat(daemon.virsh("suspend", GUEST).exitCode()).isZero();
        assertThat(daemon.virsh("resume", GUEST).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> shared.changes() >= before + 2 && heard.get() >= 2);
        shared.onChange(() -> { });
    }

    @Test
    void theTestOnlyMaskLeavesFeaturesOutOfTheHostModel() throws Exception {
        try (LibvirtProbe masked = new LibvirtProbe(daemon.uri(), CATALOG, List.of("vx"))) {
            CpuModel host = new ModelResolver(CATALOG).resolve(masked.probe().hostModel());
            CpuModel full = new ModelResolver(CATALOG).resolve(shared.probe().hostModel());
            assertThat(full.features().contains(CATALOG.feature("vx").orElseThrow().index())).isTrue();
            assertThat(host.features()).isEqualTo(full.features().andNot(CATALOG.featureSet(List.of("vx"))));
        }
        assertThatThrownBy(() -> new LibvirtProbe(daemon.uri(), CATALOG, List.of("no-such-feature")))
                .hasMessageContaining("no-such-feature");
    }

    @Test
    void anIncomingGuestIsReadFromTheXmlLibvirtHandsItsHook() throws Exception {
        shared.probe();
        String migratable = daemon.virsh("dumpxml", "--migratable", GUEST).out();
        HostRecord.Guest in = shared.incomingGuest(migratable);
        HostRecord.Guest running = guest(shared.probe());
        assertThat(in).isEqualTo(running);
        String passthrough = migratable.replaceAll("(?s)<cpu.*</cpu>", "<cpu mode='host-passthrough'/>");
        assertThat(shared.incomingGuest(passthrough).cpuModel()).isNull();
        assertThatThrownBy(() -> shared.incomingGuest("<domain><name>x</name><cpu><model>z99</model></cpu></domain>"))
                .isInstanceOf(ProbeException.class).hasMessageContaining("z99");
        assertThatThrownBy(() -> shared.incomingGuest("not xml")).isInstanceOf(ProbeException.class);
    }

    @Test
    void aDaemonThatIsNotThereIsAClearError() {
        String uri = "qemu+unix:///system?socket=" + dir.resolve("nowhere/libvirt-sock");
        try (LibvirtProbe probe = new LibvirtProbe(uri, CATALOG, List.of())) {
            assertThatThrownBy(probe::probe).isInstanceOf(ProbeException.class).hasMessageContaining(uri)
                    .hasMessageContaining("nowhere/libvirt-sock");
            // a model the XML names needs no libvirt; one named after the accelerator does
            String named = "<domain><name>g</name><uuid>" + GUEST_UUID + "</uuid><cpu mode='custom'><model>z14</model>"
                    + "<feature policy='disable' name='vx'/></cpu></domain>";
            HostRecord.Guest g = probe.incomingGuest(named);
            assertThat(new ModelResolver(CATALOG).resolve(g.cpuModel())).isEqualTo(new ModelResolver(CATALOG)
                    .resolve(new CpuModelInfo("z14", java.util.Map.of("vx", false))));
            assertThatThrownBy(() -> probe.incomingGuest(named.replace("z14", "qemu")))
                    .isInstanceOf(ProbeException.class).hasMessageContaining("nowhere/libvirt-sock");
        } catch (ProbeException e) {
            throw new AssertionError(e);
        }
    }

    private static HostRecord.Guest guest(HostCapabilities caps) {
        return caps.guests().stream().filter(g -> g.name().equals(GUEST)).findFirst().orElseThrow();
    }

    private static CpuModelInfo staticExpansionByQemu(String model) throws Exception {
        try (QemuProcess qemu = QemuProcess.start(QEMU, List.of("-machine", "s390-ccw-virtio", "-accel", "tcg"),
                Duration.ofSeconds(30))) {
            var args = CpuModelInfoJson.mapper().createObjectNode().put("type", "static");
            args.set("model", CpuModelInfoJson.write(CpuModelInfo.named(model)));
            return CpuModelInfoJson.read(qemu.qmp().execute("query-cpu-model-expansion", args).get("model"), "m");
        }
    }

    private static String virshLibraryVersion() throws Exception {
        String out = daemon.virsh("version").out();
        return out.lines().filter(l -> l.startsWith("Using library")).findFirst().orElseThrow()
                .replaceAll(".*libvirt ", "").strip();
    }

    @Override
    protected Catalog catalog() {
        return CATALOG;
    }
}
