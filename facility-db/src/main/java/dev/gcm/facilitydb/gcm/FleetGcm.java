package dev.gcm.facilitydb.gcm;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.release.QemuView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GCM of a large fleet and the hosts that limit it, computed once per distinct host rather than once per
 * host. Hosts that differ only in their id (the same model, IBC range and QEMU release) are one kind; a real fleet
 * of 100,000 hosts has a few dozen kinds. The answer is exactly that of {@link MixedReleaseGcm#compute} and
 * {@link GcmLimits#of} over every host (which the randomized test holds it to):
 * <ul>
 *   <li>the GCM depends only on the distinct feature sets, definitions and IBC ranges, so the kinds give it;</li>
 *   <li>a host's limit depends only on its kind and on what every kind together offers, so each kind's limit is
 *       computed once and given to its hosts, in their order;</li>
 *   <li>without a common model the conflicts name hosts, so that rare case computes over every host;</li>
 *   <li>which hosts bound the QEMU view is computed over every host (one cheap pass).</li>
 * </ul>
 *
 * <pre>{@code
 * FleetGcm.Result r = FleetGcm.compute(Catalog.load(), hosts, Optional.empty(), GcmOptions.DEFAULT);
 * r.gcm().model();   // as MixedReleaseGcm.compute(...).gcm().model()
 * r.limits();        // as GcmLimits.of(view catalog, reduced hosts, model, options)
 * }</pre>
 */
public final class FleetGcm {

    /**
     * @param view   the QEMU release the GCM is computed in
     * @param gcm    the GCM, or why there is none (counting every host)
     * @param bound  which release bounds the GCM and what it costs
     * @param limits the hosts that limit the GCM, in the hosts' order (empty without a common model)
     * @param kinds  how many distinct hosts there were
     */
    public record Result(QemuView view, GcmResult gcm, ReleaseBound bound, List<GcmLimits.Limit> limits, int kinds) {
    }

    /** A host without its id: what the GCM and a host's limit depend on. */
    private record Kind(CpuModel model, Optional<IbcRange> range, Optional<QemuVersion> qemu) {
    }

    private FleetGcm() {
    }

    public static Result compute(Catalog newest, List<GcmHost> hosts, Optional<QemuVersion> asked, GcmOptions options) {
        Map<Kind, Integer> index = new HashMap<>();
        List<GcmHost> kinds = new ArrayList<>();
        int[] kindOf = new int[hosts.size()];
        for (int i = 0; i < hosts.size(); i++) {
            GcmHost h = hosts.get(i);
            Kind kind = new Kind(h.model(), h.ibcRange(), h.qemu());
            Integer k = index.get(kind);
            if (k == null) {
                k = kinds.size();
                index.put(kind, k);
                // the kind's number is its id: unique, so that its limit is found again below
                kinds.add(new GcmHost(String.valueOf(k), h.model(), h.ibcRange(), h.qemu()));
            }
            kindOf[i] = k;
        }
        MixedReleaseGcm.Result perKind = MixedReleaseGcm.compute(newest, kinds, asked, options);
        if (!perKind.gcm().hasCommonModel()) {
            MixedReleaseGcm.Result all = MixedReleaseGcm.compute(newest, hosts, asked, options);
            return new Result(all.view(), all.gcm(), all.bound(), List.of(), kinds.size());
        }
        QemuView view = perKind.view();
        CpuModel model = perKind.gcm().model().orElseThrow();
        GcmLimits.Limit[] limitOfKind = new GcmLimits.Limit[kinds.size()];
        for (GcmLimits.Limit l : GcmLimits.of(view.catalog(), perKind.reducedHosts(), model, options)) {
            limitOfKind[Integer.parseInt(l.host())] = l;
        }
        List<GcmLimits.Limit> limits = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            GcmLimits.Limit l = limitOfKind[kindOf[i]];
            if (l != null) {
                limits.add(new GcmLimits.Limit(hosts.get(i).id(), l.removes(), l.deprecated(), l.capsGeneration(),
                        l.capsIbc(), l.definition()));
            }
        }
        return new Result(view, GcmResult.common(model, hosts.size()),
                MixedReleaseGcm.bound(newest, view, hosts, asked), limits, kinds.size());
    }
}
