package dev.gcm.hypervisor.record;

import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.Map;
import java.util.Optional;

/** A valid host record with its models resolved in the catalog. */
public record ResolvedHost(HostRecord record, CpuModel hostModel, Optional<IbcRange> ibcRange,
                           Map<String, CpuModel> guestModels) {

    public ResolvedHost {
        guestModels = Map.copyOf(guestModels);
    }

    /** This host as the GCM sees it. */
    public GcmHost toGcmHost() {
        return new GcmHost(record.hostId(), hostModel, ibcRange);
    }
}
