package dev.gcm.planner.index;

import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.model.CpuModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's GCM as one member computed it, with the index version it came from.
 *
 * @param softFingerprint present when the pool opts in to soft facilities: a stable hash of the soft
 *                        facilities the GCM carries
 */
public record PoolGcm(String pool, long version, int hostCount, Optional<CpuModel> model, List<GcmConflict> conflicts,
                      List<GcmLimits.Limit> limits, Map<String, String> quarantined, List<String> stale,
                      Optional<String> softFingerprint) {
}
