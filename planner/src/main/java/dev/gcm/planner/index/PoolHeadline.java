package dev.gcm.planner.index;

import dev.gcm.facilitydb.model.CpuModel;
import java.util.Optional;

/** A pool's GCM without its explanation: cheap enough to send on every change of the index. */
public record PoolHeadline(String pool, int hostCount, Optional<CpuModel> model) {
}
