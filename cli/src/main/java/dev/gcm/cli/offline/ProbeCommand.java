package dev.gcm.cli.offline;

import dev.gcm.cli.CatalogOptions;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.output.Json;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.probe.HypervisorProbe;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.probe.ProbeSpec;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcm probe}: this host's record, as {@code virsh domcapabilities} shows libvirt's view. */
@Command(name = "probe", mixinStandardHelpOptions = true,
        header = "Probe this host's hypervisor and print its host record.",
        footer = {"", "Examples:", "  gcm probe", "  gcm probe --hypervisor cpuinfo -o table",
                "  gcm probe --hypervisor simulated --model z14 --mask te,cte --host-id test-1"},
        description = {"Probe this host's hypervisor and print its host record. Exit 0 with a record, 1 when "
                + "the probe fails or cannot run here, 2 on bad options."})
public final class ProbeCommand implements Callable<Integer> {

    /** The probes. */
    public enum Hypervisor { LIBVIRT, QEMU, CPUINFO, KVM, SIMULATED }

    /** Output forms of a record. */
    public enum Format { JSON, TABLE }

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions catalogOptions;

    @Option(names = "--hypervisor", defaultValue = "qemu",
            description = "libvirt, qemu, cpuinfo, kvm or simulated (default: qemu)")
    Hypervisor hypervisor;

    @Option(names = "--libvirt-uri", paramLabel = "URI", defaultValue = ProbeSpec.DEFAULT_LIBVIRT_URI,
            description = "The libvirt daemon to ask (libvirt probe; default: qemu:///system), e.g."
                    + " qemu+unix:///system?socket=/run/libvirt/libvirt-sock.")
    String libvirtUri;

    @Option(names = "--qemu", paramLabel = "BINARY", defaultValue = "qemu-system-s390x",
            description = "The QEMU binary (default: qemu-system-s390x).")
    String qemuBinary;

    @Option(names = "--guests", paramLabel = "DIR", description = "Also read running guests from the QMP "
            + "sockets in DIR.")
    Path guestSockets;

    @Option(names = "--proc", paramLabel = "DIR", defaultValue = "/proc",
            description = "Where cpuinfo and sysinfo are (cpuinfo probe; default: /proc).")
    Path procRoot;

    @Option(names = "--model", paramLabel = "DEF", defaultValue = "gen16a",
            description = "The simulated host's CPU definition (default: gen16a).")
    String model;

    @Option(names = "--mask", paramLabel = "FEATURES", split = ",",
            description = "Features the simulated host does not offer, e.g. vx,te.")
    List<String> mask;

    @Option(names = "--soft", paramLabel = "FACILITIES", split = ",",
            description = "STFLE facilities the simulated hypervisor emulates, e.g. 74.")
    List<Integer> soft;

    @Option(names = "--ibc", paramLabel = "LOWEST:UNBLOCKED", description = "The simulated host's IBC range, "
            + "e.g. 0x031:0x051.")
    String ibc;

    @Option(names = "--host-id", paramLabel = "ID", description = "The host id in the record (default: this "
            + "host's name).")
    String hostId;


    @Option(names = {"-o", "--output"}, defaultValue = "json", description = "json or table (default: json)")
    Format output;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = catalogOptions.catalog();
        HypervisorProbe probe = probe(catalog);
        HostRecord record;
        try {
            record = probe.probe().toRecord(hostId(), Map.of(), version(), "probe", 0, Instant.now());
        } catch (ProbeException e) {
            spec.commandLine().getErr().println("gcm: probe failed: " + e.getMessage());
            return ExitCodes.REJECTED;
        } finally {
            if (probe instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == Format.JSON) {
            Json.print(out, HostRecordJson.mapper().valueToTree(record));
        } else {
            table(out, record, new HostRecordValidator(catalog).validate(record));
        }
        return ExitCodes.OK;
    }

    private HypervisorProbe probe(Catalog catalog) {
        return new ProbeSpec(hypervisor.name(), qemuBinary, Optional.ofNullable(guestSockets), procRoot, model, mask,
                soft, Optional.ofNullable(ibc), timeout(),
                new ProbeSpec.Libvirt(libvirtUri, List.of())).build(catalog);
    }

    /** The global --timeout (here: for QEMU and QMP; a bare number is seconds), else 30 s. */
    private Duration timeout() {
        String given = dev.gcm.cli.GcmCommand.plannerOptions(spec).timeoutFlag();
        if (given == null) {
            return Duration.ofSeconds(30);
        }
        return dev.gcm.cli.online.PlannerOptions.duration(given.matches("\\d+") ? given + "s" : given, "--timeout");
    }

    private String hostId() {
        if (hostId != null) {
            return hostId;
        }
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static String version() {
        return dev.gcm.cli.Version.current();
    }

    private static void table(PrintWriter out, HostRecord r, ResolvedHost resolved) {
        var def = resolved.hostModel().definition();
        out.printf("Host:        %s (%s)%n", r.hostId(), r.hypervisor().kind());
        out.printf("Machine:     type %s%s%n", r.machine().machineType(),
                r.machine().cpuid() == null ? "" : ", cpuid " + r.machine().cpuid());
        out.printf("IBC range:   %s%n", resolved.ibcRange().map(Object::toString).orElse("unknown"));
        out.printf("Host model:  %s (%s), %d features%n", def.name(), def.description(),
                resolved.hostModel().features().size());
        out.printf("QEMU -cpu:   %s%n", r.hostModel().toCpuArgument());
        if (r.hypervisor().qemuVersion() != null) {
            out.printf("QEMU:        %s%n", r.hypervisor().qemuVersion());
        }
        if (r.hypervisor().libvirtVersion() != null) {
            out.printf("libvirt:     %s%n", r.hypervisor().libvirtVersion());
        }
        if (r.hypervisor().machineTypes() != null) {
            out.printf("Machines:    %d, newest %s%n", r.hypervisor().machineTypes().size(), r.hypervisor().machineTypes()
                    .stream().filter(m -> m.matches(".*-\\d+\\.\\d+")).max(ProbeCommand::byMachineVersion).orElse("-"));
        }
        if (r.facilities() != null && r.facilities().soft() != null && !r.facilities().soft().isEmpty()) {
            out.printf("Soft:        facilities %s%n", r.facilities().soft());
        }
        for (HostRecord.Guest g : r.guests()) {
            out.printf("Guest:       %s  %s%s%n", g.name(), g.cpuModel().toCpuArgument(),
                    (g.uuid() == null ? "" : "  uuid " + g.uuid()) + (g.machineType() == null ? "" : "  machine " + g.machineType()));
        }
        out.flush();
    }

    /** s390-ccw-virtio-7.10 after s390-ccw-virtio-7.2. */
    private static int byMachineVersion(String a, String b) {
        String[] x = a.replaceAll(".*-", "").split("\\.");
        String[] y = b.replaceAll(".*-", "").split("\\.");
        int c = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return c != 0 ? c : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

}
