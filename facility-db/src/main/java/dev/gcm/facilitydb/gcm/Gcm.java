package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.ModelSearch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The greatest common CPU model (GCM) of n hosts, independent of their order.
 *
 * <p>F is the intersection of every host's features. The hosts of the lowest generation cap the
 * result: their lowest GA level, and their machine type when they share one (else any type). Model
 * search picks the definition for that cap and F; the result is that definition with F masked by its
 * full set. For two hosts this is exactly QEMU's query-cpu-model-baseline.
 *
 * <p>Beyond QEMU, when hosts report IBC ranges the definition is lowered to the smallest unblocked IBC (no
 * host can run a newer one). A definition below some host's lowest IBC still runs there (KVM raises the
 * guest's IBC); only with {@link GcmOptions#strictIbc()} is that a conflict, as are ranges that do not meet.
 * With {@link GcmOptions#deprecatedFeaturesOff()} the deprecated features are left out of the result.
 */
public final class Gcm {

    private Gcm() {
    }

    /** The GCM of plain models (no IBC ranges); hosts are named host-0, host-1, ... in conflicts. */
    public static GcmResult ofModels(Catalog catalog, List<CpuModel> models) {
        List<GcmHost> hosts = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            hosts.add(new GcmHost("host-" + i, models.get(i)));
        }
        return compute(catalog, hosts);
    }

    public static GcmResult compute(Catalog catalog, List<GcmHost> hosts) {
        return compute(catalog, hosts, GcmOptions.DEFAULT);
    }

    public static GcmResult compute(Catalog catalog, List<GcmHost> hosts, GcmOptions options) {
        int n = hosts.size();
        if (n == 0) {
            return GcmResult.none(0, List.of(new GcmConflict(GcmConflict.Code.NO_HOSTS,
                    "no hosts: a common model needs at least one host", List.of(), List.of())));
        }
        Scan scan = Scan.of(hosts);
        IbcBounds bounds = IbcBounds.of(hosts);
        GcmSummary summary = new GcmSummary(n, FeatureSet.intersectionOf(scan.distinctSets), scan.cap.type(),
                scan.cap.generation(), scan.cap.ga(), Optional.ofNullable(bounds).map(IbcBounds::maxLowest),
                Optional.ofNullable(bounds).map(IbcBounds::minUnblocked));
        Optional<CpuModel> model = fromSummary(catalog, summary, options);
        return model.map(m -> GcmResult.common(m, n)).orElseGet(() -> GcmResult.none(n, List.of(
                conflict(catalog, hosts, summary, bounds))));
    }

    /** {@link #fromSummary(Catalog, GcmSummary, GcmOptions)} with the default options. */
    public static Optional<CpuModel> fromSummary(Catalog catalog, GcmSummary s) {
        return fromSummary(catalog, s, GcmOptions.DEFAULT);
    }

    /**
     * The GCM from a summary of the hosts; empty when there is no common model (then
     * {@link #compute} over the hosts names the conflict). For hosts of several QEMU releases, pass the catalog
     * of the oldest ({@code QemuView}) and a summary in its view ({@link MixedReleaseGcm#summaryInView}).
     */
    public static Optional<CpuModel> fromSummary(Catalog catalog, GcmSummary s, GcmOptions options) {
        if (s.hostCount() == 0) {
            return Optional.empty();
        }
        Optional<CpuDefinition> found = ModelSearch.find(catalog, s.type(), s.generation(), s.ga(), s.common());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CpuDefinition def = found.get();
        if (s.maxLowest().isPresent()) {
            Ibc lowest = s.maxLowest().get();
            Ibc unblocked = s.minUnblocked().orElseThrow();
            if (options.strictIbc() && lowest.compareTo(unblocked) > 0) {
                return Optional.empty();
            }
            def = lowerToUnblocked(catalog, def, unblocked, s.common());
            if (options.strictIbc() && def.ibc().compareTo(lowest) < 0) {
                return Optional.empty();
            }
        }
        FeatureSet features = s.common().and(def.full());
        if (options.deprecatedFeaturesOff()) {
            features = features.andNot(catalog.deprecatedByAnyRelease());
        }
        return Optional.of(new CpuModel(def, features));
    }

    private static CpuDefinition lowerToUnblocked(Catalog catalog, CpuDefinition def, Ibc unblocked, FeatureSet common) {
        if (def.ibc().compareTo(unblocked) <= 0) {
            return def;
        }
        return ModelSearch.find(catalog, machineTypeOf(catalog, unblocked), unblocked.generation(), unblocked.ga(),
                common).orElse(def);
    }

    private static GcmConflict conflict(Catalog catalog, List<GcmHost> hosts, GcmSummary s, IbcBounds bounds) {
        Optional<CpuDefinition> found = ModelSearch.find(catalog, s.type(), s.generation(), s.ga(), s.common());
        if (found.isEmpty()) {
            return missingBase(catalog, hosts, s.common());
        }
        // only a strict IBC makes conflicts beyond missing base features
        if (bounds.maxLowest.compareTo(bounds.minUnblocked) > 0) {
            return bounds.disjoint(hosts);
        }
        return bounds.belowLowest(hosts, lowerToUnblocked(catalog, found.get(), bounds.minUnblocked, s.common()));
    }

    /** The machine type of the first definition at exactly this IBC's level (the EC), else 0 (any). */
    private static int machineTypeOf(Catalog catalog, Ibc ibc) {
        return catalog.definitions().stream()
                .filter(d -> d.ibc().equals(ibc))
                .mapToInt(CpuDefinition::machineType)
                .findFirst().orElse(0);
    }


    private static GcmConflict missingBase(Catalog catalog, List<GcmHost> hosts, FeatureSet common) {
        CpuDefinition oldest = catalog.definitions().get(0);
        FeatureSet missing = ModelSearch.missingBase(oldest, common, catalog.ignoredBaseFeatures());
        List<String> culprits = hosts.stream()
                .filter(h -> !h.model().features().containsAll(missing))
                .map(GcmHost::id)
                .toList();
        List<String> names = catalog.names(missing);
        return new GcmConflict(GcmConflict.Code.MISSING_BASE_FEATURES,
                "no common model: the hosts share no base set of any CPU definition; missing base features "
                        + String.join(", ", names) + " (lacked by " + String.join(", ", limit(culprits)) + ")",
                culprits, names);
    }

    static List<String> limit(List<String> ids) {
        if (ids.size() <= 10) {
            return ids;
        }
        List<String> out = new ArrayList<>(ids.subList(0, 10));
        out.add("and " + (ids.size() - 10) + " more");
        return out;
    }

    /**
     * One pass over the hosts (at 100,000 hosts, memory reads dominate): the distinct feature sets,
     * to be intersected once each, and the cap.
     */
    record Scan(Collection<FeatureSet> distinctSets, GcmCap cap) {
        static Scan of(List<GcmHost> hosts) {
            Collection<FeatureSet> distinct = new HashSet<>();
            GcmCap cap = new GcmCap();
            for (GcmHost h : hosts) {
                CpuModel m = h.model();
                distinct.add(m.features());
                cap.add(m.definition());
            }
            return new Scan(distinct, cap);
        }
    }

    /** The tightest IBC bounds of the hosts that report a range. */
    record IbcBounds(Ibc maxLowest, Ibc minUnblocked) {
        static IbcBounds of(List<GcmHost> hosts) {
            Ibc lowest = null;
            Ibc unblocked = null;
            for (GcmHost h : hosts) {
                if (h.ibcRange().isPresent()) {
                    IbcRange r = h.ibcRange().get();
                    lowest = lowest == null || r.lowest().compareTo(lowest) > 0 ? r.lowest() : lowest;
                    unblocked = unblocked == null || r.unblocked().compareTo(unblocked) < 0 ? r.unblocked() : unblocked;
                }
            }
            return lowest == null ? null : new IbcBounds(lowest, unblocked);
        }

        GcmConflict disjoint(List<GcmHost> hosts) {
            List<String> high = idsWhere(hosts, r -> r.lowest().compareTo(minUnblocked) > 0);
            List<String> low = idsWhere(hosts, r -> r.unblocked().compareTo(maxLowest) < 0);
            List<String> all = new ArrayList<>(high);
            low.stream().filter(id -> !all.contains(id)).forEach(all::add);
            return new GcmConflict(GcmConflict.Code.IBC_RANGES_DISJOINT,
                    "no common model with strict IBC: IBC ranges do not meet; lowest IBC " + maxLowest + " of "
                            + String.join(", ", limit(high)) + " is above unblocked IBC " + minUnblocked + " of "
                            + String.join(", ", limit(low)),
                    all, List.of());
        }

        GcmConflict belowLowest(List<GcmHost> hosts, CpuDefinition def) {
            List<String> ids = idsWhere(hosts, r -> r.lowest().compareTo(def.ibc()) > 0);
            return new GcmConflict(GcmConflict.Code.IBC_BELOW_LOWEST,
                    "no common model with strict IBC: the common definition " + def.name() + " (IBC " + def.ibc()
                            + ") is older than the lowest IBC of " + String.join(", ", limit(ids))
                            + " (without strictIbc it runs there with its IBC raised)",
                    ids, List.of());
        }

        private static List<String> idsWhere(List<GcmHost> hosts, java.util.function.Predicate<IbcRange> test) {
            Set<String> seen = new HashSet<>();
            List<String> out = new ArrayList<>();
            for (GcmHost h : hosts) {
                if (h.ibcRange().filter(test).isPresent() && seen.add(h.id())) {
                    out.add(h.id());
                }
            }
            return out;
        }
    }
}
