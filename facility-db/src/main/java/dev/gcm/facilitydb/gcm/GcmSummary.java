package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import java.util.Objects;
import java.util.Optional;

/**
 * All the GCM needs to know of n hosts, whichever way it was gathered (one pass over the hosts, or an
 * incremental index): the features every host has, the cap (lowest generation, its lowest GA level,
 * its machine type or 0 for mixed types) and the tightest IBC bounds of the hosts that report a range.
 */
public record GcmSummary(int hostCount, FeatureSet common, int type, int generation, int ga,
                         Optional<Ibc> maxLowest, Optional<Ibc> minUnblocked) {

    public GcmSummary {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(maxLowest, "maxLowest");
        Objects.requireNonNull(minUnblocked, "minUnblocked");
        if (maxLowest.isPresent() != minUnblocked.isPresent()) {
            throw new IllegalArgumentException("IBC bounds come in pairs");
        }
    }
}
