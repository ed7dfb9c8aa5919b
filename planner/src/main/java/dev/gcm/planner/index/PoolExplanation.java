package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.FleetGcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool's GCM explained (O(members), once per pool view, when someone asks): the hosts that limit it, the
 * conflicts when there is no common model, which QEMU release bounds it and the soft fingerprint. The limits,
 * conflicts and release come from facility-db's {@link FleetGcm} over the members in the view of the oldest
 * release with the pool's options: the same computation the offline {@code gcm baseline} does. The model itself
 * is the one the counters give ({@link PoolView#gcmModel}); both agree by construction (FleetIndexTest holds them
 * to it on seeded mixed-release histories).
 */
final class PoolExplanation {

    private PoolExplanation() {
    }

    static PoolGcm of(Catalog catalog, Pool pool, List<PoolView.Member> members, Optional<CpuModel> gcm,
                      Map<String, String> quarantined) {
        List<GcmHost> hosts = new ArrayList<>(members.size());
        FeatureSet.Builder soft = FeatureSet.builder();
        for (PoolView.Member m : members) {
            hosts.add(new GcmHost(m.host().id(), m.model(), m.host().resolved().ibcRange(),
                    m.host().resolved().release().version()));
            if (pool.soft()) {
                soft.addAll(m.host().softFeatures());
            }
        }
        hosts.sort(Comparator.comparing(GcmHost::id));
        FleetGcm.Result r = FleetGcm.compute(catalog, hosts, Optional.empty(), pool.gcmOptions());
        List<GcmLimits.Limit> limits = gcm.isPresent() ? r.limits() : List.of();
        Optional<String> fingerprint = gcm.filter(m -> pool.soft())
                .map(m -> SoftFingerprint.of(catalog, soft.build().and(m.features())));
        return new PoolGcm(pool.name(), 0, members.size(), gcm, gcm.isEmpty() ? r.gcm().conflicts() : List.of(),
                limits, quarantined, List.of(), fingerprint, r.bound(), pool.gcmOptions());
    }
}
