package dev.gcm.planner.index;

import dev.gcm.facilitydb.gcm.GcmConflict;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.gcm.ReleaseBound;
import dev.gcm.facilitydb.model.CpuModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's GCM as one member computed it, with the index version it came from.
 *
 * @param softFingerprint present when the pool opts in to soft facilities: a stable hash of the soft
 *                        facilities the GCM carries
 * @param release         the QEMU release whose view the GCM is computed in (the oldest of the members) and the
 *                        hosts whose QEMU bounds it
 * @param options         how the pool computes it (strict IBC, deprecated features off)
 */
public record PoolGcm(String pool, long version, int hostCount, Optional<CpuModel> model, List<GcmConflict> conflicts,
                      List<GcmLimits.Limit> limits, Map<String, String> quarantined, List<String> stale,
                      Optional<String> softFingerprint, ReleaseBound release, GcmOptions options) {

    /** This explanation at an index version, with the pool's stale members. */
    public PoolGcm at(long newVersion, List<String> newStale) {
        return new PoolGcm(pool, newVersion, hostCount, model, conflicts, limits, quarantined, newStale, softFingerprint,
                release, options);
    }
}
