package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid host record with its models resolved in the catalog (the newest view: every host's models are
 * comparable), and what its QEMU knows ({@link HostRelease}: the record's models are known to it).
 */
public record ResolvedHost(HostRecord record, CpuModel hostModel, Optional<IbcRange> ibcRange,
                           Map<String, CpuModel> guestModels, HostRelease release) {

    public ResolvedHost {
        guestModels = Map.copyOf(guestModels);
        Objects.requireNonNull(release, "release");
    }

    /** This host as the GCM sees it, with its QEMU release where the record names one. */
    public GcmHost toGcmHost() {
        return new GcmHost(record.hostId(), hostModel, ibcRange, release.version());
    }
}
