package dev.gcm.hypervisor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.hypervisor.qemu.QemuProcess;
import dev.gcm.hypervisor.record.HostRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real QEMU guests started here with chosen CPU models; the guest probe must read back exactly those. */
class GuestProbeIT {

    static final String QEMU = System.getenv().getOrDefault("GCM_QEMU_BINARY", "qemu-system-s390x");
    private final List<QemuProcess> guests = new ArrayList<>();

    @AfterEach
    void stopGuests() {
        guests.forEach(QemuProcess::close);
    }

    /** A guest with a private monitor (ours, as libvirt keeps one) and a second one for the agent. */
    private QemuProcess guest(Path agentSocket, String name, String cpu) throws Exception {
        QemuProcess q = QemuProcess.start(QEMU, List.of("-machine", "s390-ccw-virtio", "-accel", "tcg",
                "-name", name, "-cpu", cpu, "-qmp", "unix:" + agentSocket + ",server=on,wait=off"),
                Duration.ofSeconds(30));
        guests.add(q);
        return q;
    }

    /** What QEMU itself says the model given on its command line is, in static form. */
    private static CpuModelInfo staticOf(QemuProcess q, String cpu) {
        String[] parts = cpu.split(",");
        Map<String, Boolean> props = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=");
            props.put(kv[0], kv[1].equals("on"));
        }
        var args = CpuModelInfoJson.mapper().createObjectNode().put("type", "static");
        args.set("model", CpuModelInfoJson.write(new CpuModelInfo(parts[0], props)));
        return CpuModelInfoJson.read(q.qmp().execute("query-cpu-model-expansion", args).get("model"), "m");
    }

    @Test
    void readsTheCpuModelOfEveryRunningGuest(@TempDir Path dir) throws Exception {
        Map<String, String> cpus = new LinkedHashMap<>();
        cpus.put("alpha", "z900");
        cpus.put("bravo", "qemu");
        cpus.put("charlie", "max");
        cpus.put("delta", "qemu,vx=off,msa5-base=off");
        Map<String, CpuModelInfo> expected = new LinkedHashMap<>();
        for (var e : cpus.entrySet()) {
            // libvirt's layout for one of them: a directory per domain holding monitor.sock
            Path socket = e.getKey().equals("charlie") ? Files.createDirectory(dir.resolve("domain-3-charlie"))
                    .resolve("monitor.sock") : dir.resolve(e.getKey() + ".sock");
            QemuProcess q = guest(socket, e.getKey(), e.getValue());
            expected.put(e.getKey(), staticOf(q, e.getValue()));
        }
        Files.writeString(dir.resolve("notes.txt"), "not a socket");

        List<HostRecord.Guest> read = new GuestProbe(dir, Duration.ofSeconds(10), Catalog.load()).probe();

        assertThat(read).extracting(HostRecord.Guest::name).containsExactly("alpha", "bravo", "charlie", "delta");
        for (HostRecord.Guest g : read) {
            assertThat(g.cpuModel()).as(g.name()).isEqualTo(expected.get(g.name()));
        }
        // vx is not in gen15a's base set: qemu lists it as added, the variant with vx=off does not
        assertThat(read.get(1).cpuModel().props()).containsEntry("vx", true);
        assertThat(read.get(3).cpuModel().props()).doesNotContainKey("vx");
    }

    @Test
    void aGuestThatStoppedIsLeftOut(@TempDir Path dir) throws Exception {
        guest(dir.resolve("one.sock"), "one", "z900");
        QemuProcess gone = guest(dir.resolve("two.sock"), "two", "z900");
        gone.close();
        guests.remove(gone);
        List<HostRecord.Guest> read = new GuestProbe(dir, Duration.ofSeconds(5), Catalog.load()).probe();
        assertThat(read).extracting(HostRecord.Guest::name).containsExactly("one");
    }
}
