package dev.gcm.planner.gate;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;

/**
 * What a condition about a known target sees: the target as the index shows it, the guest's model, the
 * options, how the guest's CPU fits the target ({@link CpuFit}: the comparison with the target's host model
 * and its IBC range), and the index (for freshness).
 */
public record GateInput(IndexedHost target, CpuModel guest, GateOptions options, CpuFit fit, FleetIndex index) {

    /** The comparison of the guest with the target's host model. */
    public Comparison.Result comparison() {
        return fit.comparison();
    }

    public Catalog catalog() {
        return index.catalog();
    }

    /** The target's id. */
    public String id() {
        return target.id();
    }
}
