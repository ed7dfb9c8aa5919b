package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Which hosts hold a GCM down, and how: the features each host lacks that others could offer within
 * the result's definition, and the hosts whose generation or GA level caps the definition.
 */
public final class GcmLimits {

    /**
     * @param host         the host's id
     * @param removes      features this host lacks that some other host has (within the result's full set)
     * @param capsGeneration whether this host is of the oldest generation/GA while others are newer
     * @param definition   the host's own definition
     */
    public record Limit(String host, List<String> removes, boolean capsGeneration, String definition) {
        public Limit {
            removes = List.copyOf(removes);
        }
    }

    private GcmLimits() {
    }

    /** The limiting hosts of a common model, in the order given; hosts that limit nothing are left out. */
    public static List<Limit> of(Catalog catalog, List<GcmHost> hosts, CpuModel result) {
        CpuDefinition def = result.definition();
        List<FeatureSet> sets = hosts.stream().map(h -> h.model().features()).distinct().toList();
        FeatureSet offered = FeatureSet.unionOf(sets).and(def.full());
        boolean mixedGenerations = hosts.stream().map(h -> h.model().definition())
                .anyMatch(d -> d.isOlderThan(hosts.get(0).model().definition())
                        || hosts.get(0).model().definition().isOlderThan(d));
        CpuDefinition oldest = hosts.stream().map(h -> h.model().definition())
                .reduce((a, b) -> b.isOlderThan(a) ? b : a).orElseThrow();
        List<Limit> out = new ArrayList<>();
        for (GcmHost h : hosts) {
            FeatureSet removes = offered.andNot(h.model().features());
            CpuDefinition d = h.model().definition();
            boolean caps = mixedGenerations && !d.isOlderThan(oldest) && !oldest.isOlderThan(d);
            if (!removes.isEmpty() || caps) {
                out.add(new Limit(h.id(), catalog.names(removes), caps, d.name()));
            }
        }
        return out;
    }
}
