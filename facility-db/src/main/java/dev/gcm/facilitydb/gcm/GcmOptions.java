package dev.gcm.facilitydb.gcm;

/**
 * How a GCM is computed, beyond the hosts.
 *
 * @param strictIbc             demand identical instruction blocking: the GCM's IBC must also not be below any
 *                              host's lowest (else there is no common model); without it, a GCM below a host's
 *                              lowest runs there with its IBC raised (DESIGN section 3)
 * @param deprecatedFeaturesOff leave out the features QEMU deprecates (csske, bpb, te, cte), as libvirt's
 *                              {@code deprecated_features='off'} does, so that hosts that dropped them (gen15 and
 *                              later lack csske and bpb) do not hold the GCM down
 */
public record GcmOptions(boolean strictIbc, boolean deprecatedFeaturesOff) {

    /** Not strict, deprecated features as the hosts have them. */
    public static final GcmOptions DEFAULT = new GcmOptions(false, false);
}
