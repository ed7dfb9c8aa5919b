package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import java.util.ArrayList;
import dev.gcm.facilitydb.model.IbcRange;
import java.util.List;
import java.util.Optional;

/**
 * Which hosts hold a GCM down, and how: the features each host lacks that others could offer within
 * the result's definition, the hosts whose generation or GA level caps the definition, and the hosts
 * whose unblocked IBC level forces an older definition than the features and generations allow.
 */
public final class GcmLimits {

    /**
     * @param host         the host's id
     * @param removes      features this host lacks that some other host has (within the result's full set), the
     *                     deprecated ones first
     * @param deprecated   those of {@code removes} that QEMU deprecates (see {@link Deprecation})
     * @param capsGeneration whether this host is of the oldest generation/GA while others are newer
     * @param capsIbc      whether this host's unblocked IBC is the lowest of the hosts and forces the GCM to an
     *                     older definition than the same hosts without IBC ranges would get
     * @param definition   the host's own definition
     */
    public record Limit(String host, List<String> removes, List<String> deprecated, boolean capsGeneration,
                        boolean capsIbc, String definition) {
        public Limit {
            removes = List.copyOf(removes);
            deprecated = List.copyOf(deprecated);
        }
    }

    private GcmLimits() {
    }

    /** The limiting hosts of a common model, in the order given; hosts that limit nothing are left out. */
    public static List<Limit> of(Catalog catalog, List<GcmHost> hosts, CpuModel result) {
        return of(catalog, hosts, result, GcmOptions.DEFAULT);
    }

    /** As {@link #of(Catalog, List, CpuModel)}, for a GCM computed with these options. */
    public static List<Limit> of(Catalog catalog, List<GcmHost> hosts, CpuModel result, GcmOptions options) {
        CpuDefinition def = result.definition();
        List<FeatureSet> sets = hosts.stream().map(h -> h.model().features()).distinct().toList();
        FeatureSet offered = FeatureSet.unionOf(sets).and(def.full());
        if (options.deprecatedFeaturesOff()) {
            offered = offered.andNot(catalog.deprecatedByAnyRelease());
        }
        boolean mixedGenerations = hosts.stream().map(h -> h.model().definition())
                .anyMatch(d -> d.isOlderThan(hosts.get(0).model().definition())
                        || hosts.get(0).model().definition().isOlderThan(d));
        CpuDefinition oldest = hosts.stream().map(h -> h.model().definition())
                .reduce((a, b) -> b.isOlderThan(a) ? b : a).orElseThrow();
        Optional<Ibc> ibcCap = ibcCap(catalog, hosts, result);
        List<Limit> out = new ArrayList<>();
        for (GcmHost h : hosts) {
            FeatureSet removes = offered.andNot(h.model().features());
            CpuDefinition d = h.model().definition();
            boolean caps = mixedGenerations && !d.isOlderThan(oldest) && !oldest.isOlderThan(d);
            boolean capsIbc = ibcCap.isPresent() && h.ibcRange().map(r -> r.unblocked().equals(ibcCap.get())).orElse(false);
            if (!removes.isEmpty() || caps || capsIbc) {
                out.add(new Limit(h.id(), Deprecation.deprecatedFirst(catalog, removes),
                        Deprecation.deprecated(catalog, removes), caps, capsIbc, d.name()));
            }
        }
        return out;
    }

    /**
     * The lowest unblocked IBC of the hosts, when it is what holds the GCM down: the same hosts without
     * IBC ranges would get a newer definition.
     */
    private static Optional<Ibc> ibcCap(Catalog catalog, List<GcmHost> hosts, CpuModel result) {
        Optional<Ibc> lowestUnblocked = hosts.stream().flatMap(h -> h.ibcRange().stream()).map(IbcRange::unblocked)
                .min(Ibc::compareTo);
        if (lowestUnblocked.isEmpty()) {
            return Optional.empty();
        }
        List<GcmHost> unranged = hosts.stream().map(h -> new GcmHost(h.id(), h.model(), Optional.empty())).toList();
        Optional<CpuModel> free = Gcm.compute(catalog, unranged).model();
        boolean binds = free.isPresent() && free.get().definition() != result.definition()
                && free.get().definition().ibc().compareTo(lowestUnblocked.get()) > 0;
        return binds ? lowestUnblocked : Optional.empty();
    }
}
