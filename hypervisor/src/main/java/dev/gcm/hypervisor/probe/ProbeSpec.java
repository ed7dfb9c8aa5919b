package dev.gcm.hypervisor.probe;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.UnknownNamesException;
import dev.gcm.facilitydb.model.FacilityList;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.hypervisor.kvm.SimulatedHost;
import dev.gcm.hypervisor.libvirt.LibvirtProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which probe to run and its options, as the CLI and the agent take them; {@link #build} makes the
 * probe and refuses unknown names with a clear error.
 *
 * @param kind       libvirt, qemu, cpuinfo, kvm or simulated
 * @param simIbc     the simulated host's IBC range as {@code LOWEST:UNBLOCKED}, e.g. {@code 0x031:0x051}
 * @param libvirt    the libvirt probe's connection and (tests only) masked features
 */
public record ProbeSpec(String kind, String qemuBinary, Optional<Path> guestSockets, Path procRoot, String simModel,
                        List<String> simMask, List<Integer> simSoft, Optional<String> simIbc, Duration timeout,
                        Libvirt libvirt) {

    public static final List<String> KINDS = List.of("libvirt", "qemu", "cpuinfo", "kvm", "simulated");

    /** libvirt's default URI for the system daemon. */
    public static final String DEFAULT_LIBVIRT_URI = "qemu:///system";

    /**
     * The libvirt probe's options.
     *
     * @param uri            e.g. {@code qemu:///system}, or {@code qemu+unix:///system?socket=PATH}
     * @param maskedFeatures for tests only: features the probed host model leaves out, as another machine would
     */
    public record Libvirt(String uri, List<String> maskedFeatures) {
        public Libvirt {
            uri = uri == null || uri.isBlank() ? DEFAULT_LIBVIRT_URI : uri;
            maskedFeatures = maskedFeatures == null ? List.of() : List.copyOf(maskedFeatures);
        }

        public static Libvirt defaults() {
            return new Libvirt(DEFAULT_LIBVIRT_URI, List.of());
        }
    }

    /** Without libvirt options (its defaults). */
    public ProbeSpec(String kind, String qemuBinary, Optional<Path> guestSockets, Path procRoot, String simModel,
                     List<String> simMask, List<Integer> simSoft, Optional<String> simIbc, Duration timeout) {
        this(kind, qemuBinary, guestSockets, procRoot, simModel, simMask, simSoft, simIbc, timeout, Libvirt.defaults());
    }

    public ProbeSpec {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown probe '" + kind + "' (want " + String.join(", ", KINDS) + ")");
        }
        simMask = simMask == null ? List.of() : List.copyOf(simMask);
        simSoft = simSoft == null ? List.of() : List.copyOf(simSoft);
        libvirt = libvirt == null ? Libvirt.defaults() : libvirt;
    }

    public HypervisorProbe build(Catalog catalog) {
        Optional<GuestProbe> guests = guestSockets.map(d -> new GuestProbe(d, timeout, catalog));
        return switch (kind) {
            case "libvirt" -> new LibvirtProbe(libvirt.uri(), catalog, libvirt.maskedFeatures());
            case "qemu" -> new QemuProbe(qemuBinary, QemuProbe.Accelerator.AUTO, timeout, catalog, guests);
            case "cpuinfo" -> new CpuinfoProbe(procRoot, catalog);
            case "kvm" -> KvmProbe.real(catalog, guests);
            default -> KvmProbe.simulated(catalog, simulatedHost(catalog));
        };
    }

    /** The simulated host these options describe. */
    public SimulatedHost simulatedHost(Catalog catalog) {
        CpuDefinition def = catalog.definition(simModel)
                .orElseThrow(() -> new UnknownNamesException("CPU definition", List.of(simModel)));
        SimulatedHost host = SimulatedHost.of(def).withMasked(catalog.featureSet(simMask))
                .withSoft(FacilityList.of(simSoft.stream().mapToInt(Integer::intValue).toArray()));
        if (simIbc.isPresent()) {
            String[] parts = simIbc.get().split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException("an IBC range is LOWEST:UNBLOCKED, e.g. 0x031:0x051");
            }
            host = host.withIbcRange(new IbcRange(Ibc.parse(parts[0]), Ibc.parse(parts[1])));
        }
        return host;
    }
}
