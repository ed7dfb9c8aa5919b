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

    /** The hypervisor: kind (qemu-kvm, qemu-tcg, kvm, cpuinfo, simulated), versions, known CPU definitions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HypervisorInfo(String kind, String qemuVersion, String kernelRelease, List<String> cpuDefinitions) {
        public HypervisorInfo {
            cpuDefinitions = cpuDefinitions == null ? null : List.copyOf(cpuDefinitions);
        }
    }

    /** A running guest and its CPU model (QEMU static form). */
    public record Guest(String name, CpuModelInfo cpuModel) {
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
