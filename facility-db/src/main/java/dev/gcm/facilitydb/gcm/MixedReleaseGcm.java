package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.release.QemuView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GCM of hosts that run different QEMU releases: computed in the view of the oldest release (or an older
 * one asked for), so that every host's QEMU accepts the result. Each host is first seen as that release sees it
 * ({@link QemuView#reduce}): features it does not know left out, definitions it does not know reduced to the one
 * it finds. The answer says which release, and so which hosts' QEMU, bounds it.
 *
 * <pre>{@code
 * MixedReleaseGcm.Result r = MixedReleaseGcm.compute(Catalog.load(), hosts, Optional.empty(), GcmOptions.DEFAULT);
 * r.gcm().model();                 // accepted by QEMU 7.2 and 10.0 alike
 * r.bound().sentence();            // "computed in the view of QEMU 7.2 (the QEMU of h1); ..."
 * }</pre>
 *
 * <p>An incremental index gets the same answer from its counts: the common features masked by the view's known
 * features, the cap over the reduced definitions, the IBC bounds; see {@link #summaryInView}.
 */
public final class MixedReleaseGcm {

    /**
     * @param view         the release the GCM is computed in
     * @param gcm          the GCM (in the view's catalog) or why there is none
     * @param reducedHosts the hosts as the view sees them (limits and comparisons use these)
     * @param bound        which release bounds the GCM and what it costs
     */
    public record Result(QemuView view, GcmResult gcm, List<GcmHost> reducedHosts, ReleaseBound bound) {
    }

    private MixedReleaseGcm() {
    }

    /**
     * @param newest  the newest catalog (hosts' models are resolved in the views of their own releases)
     * @param hosts   the hosts, each with its release where known (a host without one counts as the newest)
     * @param asked   a release to compute in even if every host is newer ({@code --qemu-version})
     * @param options strict IBC, deprecated features off
     */
    public static Result compute(Catalog newest, List<GcmHost> hosts, Optional<QemuVersion> asked, GcmOptions options) {
        List<QemuVersion> releases = new ArrayList<>();
        hosts.forEach(h -> h.qemu().ifPresent(releases::add));
        asked.ifPresent(releases::add);
        QemuView view = QemuView.oldestOf(newest, releases);
        Map<CpuModel, CpuModel> seen = new HashMap<>(); // hosts share a few dozen models: reduce each once
        List<GcmHost> reduced = hosts.stream().map(h -> h.withModel(seen.computeIfAbsent(h.model(), view::reduce)))
                .toList();
        GcmResult gcm = Gcm.compute(view.catalog(), reduced, options);
        return new Result(view, gcm, reduced, bound(newest, view, hosts, asked));
    }

    /** Which hosts bound the view and what it costs them; one pass over the hosts (FleetGcm's too). */
    static ReleaseBound bound(Catalog newest, QemuView view, List<GcmHost> hosts, Optional<QemuVersion> asked) {
        QemuVersion line = view.release();
        List<String> bounding = new ArrayList<>();
        Set<FeatureSet> newer = new LinkedHashSet<>(); // hosts that name no release count as the newest
        Map<String, String> reduced = new LinkedHashMap<>();
        Map<CpuDefinition, String> reductions = new HashMap<>();
        for (GcmHost h : hosts) {
            if (h.qemu().map(v -> v.release().equals(line)).orElse(false)) {
                bounding.add(h.id());
            } else {
                newer.add(h.model().features());
            }
            CpuDefinition d = h.model().definition();
            String reduction = reductions.computeIfAbsent(d, x -> view.knowsDefinition(x) ? ""
                    : x.name() + " → " + view.reduce(x).name());
            if (!reduction.isEmpty()) {
                reduced.put(h.id(), reduction);
            }
        }
        FeatureSet leftOut = newer.isEmpty() ? FeatureSet.empty() : view.unknownFeatures(FeatureSet.intersectionOf(newer));
        boolean wasAsked = asked.map(v -> v.release().equals(line)).orElse(false);
        return new ReleaseBound(line, bounding, wasAsked, newest.names(leftOut), reduced);
    }

    /**
     * A summary in the view of a release from what an incremental index keeps: the features every host has
     * (any view), the distinct definitions of the hosts (any view; reduced here), and the IBC bounds. Then
     * {@code Gcm.fromSummary(view.catalog(), summary, options)} equals {@link #compute}'s model.
     */
    public static GcmSummary summaryInView(QemuView view, int hostCount, FeatureSet common,
                                           Collection<CpuDefinition> definitions, Optional<Ibc> maxLowest,
                                           Optional<Ibc> minUnblocked) {
        GcmCap cap = new GcmCap();
        definitions.forEach(d -> cap.add(view.reduce(d)));
        return new GcmSummary(hostCount, common.and(view.catalog().knownFeatures()), cap.type(), cap.generation(),
                cap.ga(), maxLowest, minUnblocked);
    }
}
