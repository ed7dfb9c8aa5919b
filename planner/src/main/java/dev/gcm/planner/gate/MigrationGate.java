package dev.gcm.planner.gate;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CompareResult;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.index.SoftFingerprint;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * May a guest of a given CPU model run on a target host? Approved iff the guest's model compares
 * identical or subset to the target's host model, its IBC lies in the target's range, the target's
 * record is fresh and the target is not cordoned, its QEMU knows the guest's definition, and, when the
 * guest relies on soft facilities, their fingerprint matches the target's. Every rejection says why.
 */
public final class MigrationGate {

    /** The answer for one guest and target. */
    public record Verdict(boolean approved, List<Reason> reasons, Optional<Comparison.Result> comparison) {
    }

    private final FleetIndex index;

    public MigrationGate(FleetIndex index) {
        this.index = index;
    }

    /**
     * @param softFingerprint the guest's soft-facility fingerprint, if it relies on soft facilities
     * @param hasQuorum       whether this member sees a majority of the cluster
     */
    public Verdict check(CpuModel guest, String targetId, Optional<String> softFingerprint, boolean hasQuorum) {
        List<Reason> reasons = new ArrayList<>();
        if (!hasQuorum) {
            reasons.add(Reason.of(ReasonCode.NO_QUORUM,
                    "this planner member cannot see a majority of the cluster; it approves nothing until it can"));
        }
        Optional<IndexedHost> found = index.host(targetId);
        if (found.isEmpty()) {
            reasons.add(Reason.of(ReasonCode.TARGET_UNKNOWN, "no record of host '" + targetId + "'"));
            return new Verdict(false, reasons, Optional.empty());
        }
        IndexedHost target = found.get();
        Catalog catalog = index.catalog();
        CpuFit fit = CpuFit.of(catalog, guest, targetId, target.model(), target.resolved().ibcRange());
        reasons.addAll(fit.reasons());
        Comparison.Result cmp = fit.comparison();
        if (target.stale(index.now(), index.staleAfterMillis())) {
            reasons.add(Reason.of(ReasonCode.TARGET_STALE, "host '" + targetId + "' has not reported for "
                    + (index.now() - target.stored().receivedAtMillis()) / 1000 + " s"));
        }
        if (target.stored().cordoned()) {
            reasons.add(Reason.of(ReasonCode.TARGET_CORDONED, "host '" + targetId + "' is cordoned"));
        }
        List<String> known = target.resolved().record().hypervisor() == null ? null
                : target.resolved().record().hypervisor().cpuDefinitions();
        if (known != null && !known.contains(guest.definition().staticName())) {
            reasons.add(Reason.of(ReasonCode.MODEL_UNKNOWN_TO_TARGET_QEMU, "the QEMU of host '" + targetId
                    + "' does not know " + guest.definition().staticName()));
        }
        if (softFingerprint.isPresent()) {
            FeatureSet soft = target.softFeatures().and(guest.features());
            String offered = SoftFingerprint.of(catalog, soft);
            if (!offered.equals(softFingerprint.get())) {
                reasons.add(Reason.of(ReasonCode.SOFT_FINGERPRINT_MISMATCH, "the guest's soft facilities ("
                        + softFingerprint.get() + ") differ from those host '" + targetId + "' emulates (" + offered + ")"));
            }
        }
        return new Verdict(reasons.isEmpty(), reasons, Optional.of(cmp));
    }

    /**
     * The CPU part of {@link #check} alone ({@link CpuFit}), for a host given by its model and IBC range:
     * what-if asks it of hosts that exist only in the question.
     */
    public CpuFit cpuFit(CpuModel guest, String host, CpuModel model, Optional<IbcRange> range) {
        return CpuFit.of(index.catalog(), guest, host, model, range);
    }

    /** A ranking key for approved targets: identical first, then the fewest extra features. */
    public static int fit(Verdict v) {
        return v.comparison().map(c -> (c.result() == CompareResult.IDENTICAL ? 0 : 1_000) + c.added().size())
                .orElse(Integer.MAX_VALUE);
    }
}
