package dev.gcm.hypervisor.probe;

import dev.gcm.hypervisor.record.HostCapabilities;

/** Learns what this host can give a guest. Probing the same, unchanged host twice gives equal answers. */
public interface HypervisorProbe {

    /** The hypervisor kind this probe reports, e.g. {@code qemu-tcg}, {@code kvm}, {@code simulated}. */
    String kind();

    /**
     * @throws ProbeException when the hypervisor cannot be probed (with the reason)
     */
    HostCapabilities probe() throws ProbeException;
}
