package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.CpuDefinition;

/**
 * Accumulates the cap of the GCM over hosts' definitions: the lowest generation, the lowest GA level
 * among the hosts of that generation, and their machine type when they share one (else 0, any).
 * Not thread-safe; one per computation.
 */
public final class GcmCap {

    private int generation = Integer.MAX_VALUE;
    private int ga = Integer.MAX_VALUE;
    private int type = -1;

    public void add(CpuDefinition d) {
        if (d.generation() < generation) {
            generation = d.generation();
            ga = d.ga();
            type = d.machineType();
        } else if (d.generation() == generation) {
            ga = Math.min(ga, d.ga());
            if (type != d.machineType()) {
                type = 0;
            }
        }
    }

    public boolean isEmpty() {
        return type == -1;
    }

    /** The common machine type, 0 for mixed types (or none added). */
    public int type() {
        return Math.max(type, 0);
    }

    public int generation() {
        return isEmpty() ? 0 : generation;
    }

    public int ga() {
        return isEmpty() ? 0 : ga;
    }
}
