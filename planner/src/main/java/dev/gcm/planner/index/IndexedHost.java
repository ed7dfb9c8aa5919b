package dev.gcm.planner.index;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.grid.StoredHost;

/**
 * A host as the index keeps it: its resolved record (compacted: the record without what the resolved
 * models hold, see {@link Compactor}), its grid entry without the record's JSON, and which of its
 * host-model features are soft (emulated; left out of pools that do not opt in). The full record is in
 * the grid.
 */
public record IndexedHost(String id, ResolvedHost resolved, StoredHost stored, FeatureSet softFeatures) {

    public CpuModel model() {
        return resolved.hostModel();
    }

    /** The host's model as a pool counts it: without soft features unless the pool opts in. */
    public CpuModel modelFor(boolean soft) {
        CpuModel m = resolved.hostModel();
        return soft || softFeatures.isEmpty() ? m : new CpuModel(m.definition(), m.features().andNot(softFeatures));
    }

    public boolean stale(long nowMillis, long staleAfterMillis) {
        return nowMillis - stored.receivedAtMillis() > staleAfterMillis;
    }
}
