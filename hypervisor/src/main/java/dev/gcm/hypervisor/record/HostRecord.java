package dev.gcm.hypervisor.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one host can give a guest, as its agent reports it ({@code apiVersion: gcm/v1},
 * {@code kind: HostRecord}). The JSON Schema is {@code host-record.schema.json} beside this class's
 * resources; {@link HostRecordValidator} checks a record against the catalog.
 *
 * @param hostModel     the CPU model a guest can get on this host (QEMU static form)
 * @param facilities    STFLE facility numbers, where the probe can see them (may be null)
 * @param guests        the guests running on this host and their CPU models
 * @param bootId        new on every agent start
 * @param seq           grows with every report of one boot; a report not newer than the stored one is refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostRecord(String apiVersion, String kind, String hostId, Map<String, String> labels,
                         Machine machine, CpuModelInfo hostModel, Facilities facilities,
                         HypervisorInfo hypervisor, List<Guest> guests, Instant probeTime,
                         String agentVersion, String bootId, long seq) {

    public static final String API_VERSION = "gcm/v1";
    public static final String KIND = "HostRecord";

    public HostRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        guests = guests == null ? List.of() : List.copyOf(guests);
    }

    /** The machine: type (four hex digits), cpuid (hex), IBC range (may be null when unknown). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Machine(String machineType, String cpuid, IbcRangeJson ibc) {
    }

    /** An IBC range as hex strings, e.g. {@code {"lowest": "0x031", "unblocked": "0x051"}}. */
    public record IbcRangeJson(String lowest, String unblocked) {
    }

    /**
     * STFLE facility numbers: {@code hard} from the machine, {@code soft} emulated by the hypervisor,
     * {@code mask} what KVM can offer a guest. Each list may be null when the probe cannot see it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Facilities(List<Integer> hard, List<Integer> soft, List<Integer> mask) {
    }

    /**
     * The hypervisor: kind (qemu-kvm, qemu-tcg, kvm, cpuinfo, simulated, libvirt-kvm, libvirt-tcg), the QEMU
     * and libvirt versions, the kernel, and the CPU definitions and machine types (such as
     * {@code s390-ccw-virtio-7.2}) its QEMU knows. Either list may be null: the planner then derives it from
     * {@code qemuVersion} where the catalog knows that release.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HypervisorInfo(String kind, String qemuVersion, String libvirtVersion, String kernelRelease,
                                 List<String> cpuDefinitions, List<String> machineTypes) {
        public HypervisorInfo {
            cpuDefinitions = cpuDefinitions == null ? null : List.copyOf(cpuDefinitions);
            machineTypes = machineTypes == null ? null : List.copyOf(machineTypes);
        }

        /** Without libvirt and without a list of machine types (probes that do not see them). */
        public HypervisorInfo(String kind, String qemuVersion, String kernelRelease, List<String> cpuDefinitions) {
            this(kind, qemuVersion, null, kernelRelease, cpuDefinitions, null);
        }
    }

    /**
     * A running guest: its name, its UUID where the probe sees it (libvirt does), its CPU model (QEMU static
     * form) and its machine type ({@code s390-ccw-virtio-7.2}) where known.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Guest(String name, String uuid, CpuModelInfo cpuModel, String machineType) {

        /** A guest whose UUID and machine type the probe does not see. */
        public Guest(String name, CpuModelInfo cpuModel) {
            this(name, null, cpuModel, null);
        }
    }

    /** This record with another identity and sequence (as the agent stamps each report). */
    public HostRecord withReport(String newBootId, long newSeq, Instant newProbeTime) {
        return new HostRecord(apiVersion, kind, hostId, labels, machine, hostModel, facilities, hypervisor, guests,
                newProbeTime, agentVersion, newBootId, newSeq);
    }

    /** The same record for another host (fleets simulated from a few probed prototypes). */
    public HostRecord withHostId(String newHostId) {
        return new HostRecord(apiVersion, kind, newHostId, labels, machine, hostModel, facilities, hypervisor, guests,
                probeTime, agentVersion, bootId, seq);
    }
}
