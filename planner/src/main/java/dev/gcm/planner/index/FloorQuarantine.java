package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Deprecation;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a host cannot run its pool's floor model, in words that point at the cause: the features of the floor the
 * host lacks (deprecated ones named as such and first, with what follows: "the deprecated csske, bpb (...; a pool
 * with deprecatedFeatures: off does not depend on them)"), and whether the floor is of a newer generation. What the
 * host has beyond the floor does not stop it and is not listed.
 */
final class FloorQuarantine {

    private FloorQuarantine() {
    }

    static String reason(Catalog catalog, String floorName, CpuModel floor, CpuModel host, Comparison.Result r) {
        List<String> parts = new ArrayList<>();
        if (!r.missing().isEmpty()) {
            parts.add("lacks " + Deprecation.describe(catalog, r.missing()));
        }
        if (host.definition().isOlderThan(floor.definition())) {
            parts.add("is of an older generation (" + host.definition().name() + ")");
        }
        if (parts.isEmpty()) {
            parts.add(r.result().qemuName() + ": " + String.join(", ", r.responsibleProperties()));
        }
        return "cannot run the pool's floor model " + floorName + ": the host " + String.join(" and ", parts);
    }
}
