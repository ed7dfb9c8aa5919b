package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.Objects;
import java.util.Optional;

/**
 * One host as the GCM sees it: an id, the CPU model it can give a guest (in the view of its own QEMU release),
 * where known its IBC range, and where known its QEMU release ({@link MixedReleaseGcm} computes in the view of
 * the oldest).
 */
public record GcmHost(String id, CpuModel model, Optional<IbcRange> ibcRange, Optional<QemuVersion> qemu) {

    public GcmHost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(ibcRange, "ibcRange");
        Objects.requireNonNull(qemu, "qemu");
    }

    public GcmHost(String id, CpuModel model, Optional<IbcRange> ibcRange) {
        this(id, model, ibcRange, Optional.empty());
    }

    public GcmHost(String id, CpuModel model) {
        this(id, model, Optional.empty());
    }

    public GcmHost(String id, CpuModel model, IbcRange range) {
        this(id, model, Optional.of(range));
    }

    /** This host with another model (the same host as an older QEMU release sees it). */
    public GcmHost withModel(CpuModel other) {
        return new GcmHost(id, other, ibcRange, qemu);
    }
}
