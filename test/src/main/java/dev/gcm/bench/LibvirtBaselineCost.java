package dev.gcm.bench;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.forms.LibvirtCpuXml;
import dev.gcm.facilitydb.forms.ModelForms;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.test.support.PrivateLibvirtd;
import dev.gcm.test.support.VirshCpuBaseline;
import java.util.ArrayList;
import java.util.List;

/**
 * libvirt's way to a fleet's GCM, measured: {@code virsh hypervisor-cpu-baseline --arch s390x --virttype qemu}
 * against a private libvirtd 9.0 over the real qemu-system-s390x, over the same simulated fleet as the other
 * benchmarks, in chunks of at most 256 CPUs (libvirt's limit per call) and then over the chunks' answers. Fleets
 * beyond {@code sample} hosts are sampled: the chunks of the first {@code sample} hosts are timed and the cost of
 * the calls the whole fleet needs is extrapolated (and said to be). Our n-way GCM is timed beside it.
 *
 * <p>Usage: {@code LibvirtBaselineCost HOSTS SAMPLE}; prints one Markdown table row.
 */
public final class LibvirtBaselineCost {

    private LibvirtBaselineCost() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = Integer.parseInt(args[0]);
        int sample = Math.min(hosts, Integer.parseInt(args[1]));
        Catalog catalog = Catalog.load().forQemu(dev.gcm.facilitydb.catalog.QemuVersion.parse("7.2"));
        List<GcmHost> fleet = SimulatedFleet.hosts(catalog, hosts, SimulatedFleet.Variety.REALISTIC, 42);
        List<String> cpus = new ArrayList<>();
        for (CpuModelInfo m : SimulatedFleet.asQemuModels(catalog, fleet.subList(0, sample))) {
            cpus.add(LibvirtCpuXml.write(m));
        }
        try (PrivateLibvirtd libvirt = PrivateLibvirtd.builder().start()) {
            VirshCpuBaseline virsh = new VirshCpuBaseline(libvirt);
            virsh.baseline(cpus.subList(0, 1)).orThrow(); // libvirt probes QEMU's capabilities once, at the first call
            long start = System.nanoTime();
            VirshCpuBaseline.Fold fold = virsh.fold(cpus);
            double seconds = (System.nanoTime() - start) / 1e9;
            double perCall = seconds / fold.calls();
            int calls = callsFor(hosts);
            double total = sample < hosts ? perCall * calls : seconds;
            double oursMs = OursTimed.bestMillis(catalog, fleet);
            CpuModel ours = Gcm.compute(catalog, fleet.subList(0, sample)).model().orElseThrow();
            CpuModel theirs = new ModelResolver(catalog).resolve(ModelForms.read(fold.cpu()).model());
            boolean same = theirs.definition() == ours.definition()
                    && theirs.features().equals(ours.features().or(ours.definition().base()));
            System.out.printf("| %,d | %s | %d | %.2f | %,.1f%s | %.3f | %,.0fx | %s |%n", hosts,
                    sample < hosts ? "sampled " + String.format("%,d", sample) : "all", calls, perCall, total,
                    sample < hosts ? " (extrapolated)" : "", oursMs, total * 1000 / oursMs,
                    same ? "same model (up to dropped disables)" : "DIFFERENT: "
                            + Expansion.staticForm(catalog, ours).toCpuArgument() + " vs " + fold.cpu());
        }
    }

    /** virsh calls for a fleet: chunks of 256, then chunks of their answers, until one answer is left. */
    static int callsFor(int hosts) {
        int calls = 0;
        int level = hosts;
        do {
            int chunks = (level + VirshCpuBaseline.MAX_CPUS - 1) / VirshCpuBaseline.MAX_CPUS;
            calls += chunks;
            level = chunks;
        } while (level > 1);
        return calls;
    }
}
