package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.qemu.CpuModelInfo;
import java.util.List;

/**
 * What a probe sees of a host, before an agent stamps it with an identity into a {@link HostRecord}.
 * Probing the same host twice gives equal capabilities.
 */
public record HostCapabilities(HostRecord.Machine machine, CpuModelInfo hostModel, HostRecord.Facilities facilities,
                               HostRecord.HypervisorInfo hypervisor, List<HostRecord.Guest> guests) {

    public HostCapabilities {
        guests = guests == null ? List.of() : List.copyOf(guests);
    }

    public HostCapabilities withGuests(List<HostRecord.Guest> newGuests) {
        return new HostCapabilities(machine, hostModel, facilities, hypervisor, newGuests);
    }

    /** The record of this host as one report. */
    public HostRecord toRecord(String hostId, java.util.Map<String, String> labels, String agentVersion,
                               String bootId, long seq, java.time.Instant probeTime) {
        return new HostRecord(HostRecord.API_VERSION, HostRecord.KIND, hostId, labels, machine, hostModel, facilities,
                hypervisor, guests, probeTime, agentVersion, bootId, seq);
    }
}
