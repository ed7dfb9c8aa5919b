package dev.gcm.test.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * libvirt's n-way baseline, {@code virsh hypervisor-cpu-baseline --arch s390x --virttype qemu}, over libvirt
 * {@code <cpu>} elements: libvirt folds QEMU's pairwise query-cpu-model-baseline over them in the order given
 * and answers a {@code <cpu>} whose features are the enabled ones (disabled features are dropped). libvirt takes
 * at most {@value #MAX_CPUS} CPUs per call.
 */
public final class VirshCpuBaseline {

    /** libvirt refuses more CPUs in one call ("xmlCPUs length greater than maximum"). */
    public static final int MAX_CPUS = 256;

    private final PrivateLibvirtd libvirt;

    public VirshCpuBaseline(PrivateLibvirtd libvirt) {
        this.libvirt = libvirt;
    }

    /** libvirt's answer, a {@code <cpu>} element, for up to {@value #MAX_CPUS} CPUs. */
    public PrivateLibvirtd.Result baseline(List<String> cpuElements) throws IOException {
        Path file = Files.createTempFile(libvirt.directory(), "cpus-", ".xml");
        try {
            Files.writeString(file, String.join("", cpuElements));
            return libvirt.virsh("hypervisor-cpu-baseline", "--arch", "s390x", "--virttype", "qemu", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * A fleet of any size the way a tool on libvirt must go about it: baselines of chunks of at most
     * {@value #MAX_CPUS}, then the baseline of their answers (1,000 hosts: four calls and one more).
     *
     * @return the answer and the number of virsh calls it took
     */
    public Fold fold(List<String> cpuElements) throws IOException {
        List<String> level = cpuElements;
        int calls = 0;
        while (true) {
            List<String> next = new java.util.ArrayList<>();
            for (int i = 0; i < level.size(); i += MAX_CPUS) {
                next.add(baseline(level.subList(i, Math.min(level.size(), i + MAX_CPUS))).orThrow().out());
                calls++;
            }
            if (next.size() == 1) {
                return new Fold(next.get(0), calls);
            }
            level = next;
        }
    }

    /** The answer of a fold and the virsh calls it took. */
    public record Fold(String cpu, int calls) {
    }
}
