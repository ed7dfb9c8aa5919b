package dev.gcm.planner.gate;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;

/**
 * What a condition about a known target sees: the target as the index shows it, the guest's model, the
 * options, the comparison of the guest with the target's host model, and the index (for freshness).
 */
public record GateInput(IndexedHost target, CpuModel guest, GateOptions options, Comparison.Result comparison,
                        FleetIndex index) {

    public Catalog catalog() {
        return index.catalog();
    }

    /** The target's id. */
    public String id() {
        return target.id();
    }
}
