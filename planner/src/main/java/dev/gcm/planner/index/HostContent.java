package dev.gcm.planner.index;

import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.hypervisor.record.ResolvedHost;

/**
 * What the index keeps of one content revision of a host's record: read, validated, resolved and
 * compacted once (reading is the costly part of an update), then shared by every heartbeat that
 * repeats it.
 */
public record HostContent(ResolvedHost resolved, FeatureSet softFeatures, boolean leaving, long contentRevision) {
}
