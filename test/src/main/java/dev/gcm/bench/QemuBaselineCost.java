package dev.gcm.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.hypervisor.qemu.QemuProcess;
import java.time.Duration;
import java.util.List;

/**
 * QEMU's own way to a fleet's GCM, measured: libvirt's left fold of query-cpu-model-baseline over QMP
 * on the real qemu-system-s390x, over the same simulated fleet as the JMH benchmark, with our n-way
 * GCM timed beside it on the same fleet. Fleets QEMU would need minutes for are sampled: the fold runs
 * over the first {@code sample} hosts and the cost per host is extrapolated (and said to be).
 *
 * <p>Usage: {@code QemuBaselineCost HOSTS SAMPLE [QEMU_BINARY]}; prints one Markdown table row.
 */
public final class QemuBaselineCost {

    private QemuBaselineCost() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.parseInt(args[0]);
        int sample = Math.min(hosts, Integer.parseInt(args[1]));
        String binary = args.length > 2 ? args[2] : "qemu-system-s390x";
        try (QemuProcess qemu = QemuProcess.start(binary,
                List.of("-machine", "s390-ccw-virtio", "-accel", "tcg", "-cpu", "qemu"), Duration.ofSeconds(30))) {
            var v = qemu.qmp().execute("query-version", null).get("qemu");
            QemuVersion version = new QemuVersion(v.get("major").asInt(), v.get("minor").asInt(), v.get("micro").asInt());
            Catalog catalog = Catalog.load().forQemu(version);
            List<GcmHost> fleet = SimulatedFleet.hosts(catalog, hosts, SimulatedFleet.Variety.REALISTIC, 42);
            List<CpuModelInfo> models = SimulatedFleet.asQemuModels(catalog, fleet.subList(0, sample));

            long start = System.nanoTime();
            CpuModelInfo acc = models.get(0);
            for (int i = 1; i < models.size(); i++) {
                ObjectNode a = JsonNodeFactory.instance.objectNode();
                a.set("modela", CpuModelInfoJson.write(acc));
                a.set("modelb", CpuModelInfoJson.write(models.get(i)));
                acc = CpuModelInfoJson.read(qemu.qmp().execute("query-cpu-model-baseline", a).get("model"), "model");
            }
            double qemuMsPerHost = (System.nanoTime() - start) / 1e6 / Math.max(1, sample - 1);
            double qemuTotalMs = qemuMsPerHost * (hosts - 1);

            double oursMs = OursTimed.bestMillis(catalog, fleet);
            CpuModelInfo ours = Expansion.staticForm(catalog,
                    Gcm.compute(catalog, fleet.subList(0, sample)).model().orElseThrow());
            System.out.printf("| %,d | %s | %.3f | %,.1f%s | %.3f | %,.0fx | %s |%n", hosts,
                    sample < hosts ? "sampled " + String.format("%,d", sample) : "all", qemuMsPerHost, qemuTotalMs,
                    sample < hosts ? " (extrapolated)" : "", oursMs, qemuTotalMs / oursMs,
                    ours.equals(acc) ? "same model" : "DIFFERENT: " + ours + " vs " + acc);
        }
    }
}
