package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.Objects;
import java.util.Optional;

/**
 * One host as the GCM sees it: an id, the CPU model it can give a guest and, where known, its IBC range.
 */
public record GcmHost(String id, CpuModel model, Optional<IbcRange> ibcRange) {

    public GcmHost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(ibcRange, "ibcRange");
    }

    public GcmHost(String id, CpuModel model) {
        this(id, model, Optional.empty());
    }

    public GcmHost(String id, CpuModel model, IbcRange range) {
        this(id, model, Optional.of(range));
    }
}
