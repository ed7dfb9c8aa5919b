package dev.gcm.facilitydb.gcm;

import java.util.List;

/**
 * Why hosts have no common model.
 *
 * @param code     stable, machine-readable
 * @param message  for people
 * @param hosts    the hosts responsible
 * @param features the features at issue (may be empty)
 */
public record GcmConflict(Code code, String message, List<String> hosts, List<String> features) {

    /** The kinds of conflict. */
    public enum Code {
        /** No host was given. */
        NO_HOSTS,
        /** The common features lack base features that even the oldest definition needs. */
        MISSING_BASE_FEATURES,
        /** Some host's lowest IBC lies above another host's unblocked IBC. */
        IBC_RANGES_DISJOINT,
        /** The common definition is older than some host's lowest IBC. */
        IBC_BELOW_LOWEST
    }

    public GcmConflict {
        hosts = List.copyOf(hosts);
        features = List.copyOf(features);
    }
}
