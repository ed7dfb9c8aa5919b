package dev.gcm.planner.index;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.hypervisor.record.ResolvedHost;

/**
 * A host as the index shows it: its resolved record (compacted: the record without what the resolved
 * models hold, see {@link Compactor}), which of its host-model features are soft (emulated; left out of
 * pools that do not opt in), whether an admin cordoned it, whether its agent said it is leaving, and
 * the revisions of its content and of its admin state. When it last reported is tracked apart
 * ({@link LastHeard}, shared with the index's writer): a heartbeat does not change what the index shows. The
 * full record is in the grid.
 */
public record IndexedHost(String id, ResolvedHost resolved, FeatureSet softFeatures, boolean cordoned,
                          boolean leaving, long contentRevision, long adminRevision, LastHeard heard) {

    /** The label an agent sets on its host's record in its last report before it stops. */
    public static final String LEAVING_LABEL = "gcm.dev/leaving";

    public CpuModel model() {
        return resolved.hostModel();
    }

    /** The host's model as a pool counts it: without soft features unless the pool opts in. */
    public CpuModel modelFor(boolean soft) {
        CpuModel m = resolved.hostModel();
        return soft || softFeatures.isEmpty() ? m : new CpuModel(m.definition(), m.features().andNot(softFeatures));
    }

    /** Whether the other shows the same: same content, same cordon. */
    boolean sameAs(IndexedHost other) {
        return other != null && contentRevision == other.contentRevision && cordoned == other.cordoned;
    }
}
