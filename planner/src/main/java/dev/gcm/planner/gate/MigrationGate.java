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
        Comparison.Result cmp = Comparison.compare(catalog, guest, target.model());
        if (!cmp.result().runnable()) {
            if (!cmp.missing().isEmpty()) {
                reasons.add(new Reason(ReasonCode.MISSING_FEATURES, "host '" + targetId + "' lacks "
                        + cmp.missing().size() + " feature(s) the guest uses", catalog.names(cmp.missing())));
            }
            if (target.model().definition().isOlderThan(guest.definition())) {
                reasons.add(Reason.of(ReasonCode.MODEL_TOO_NEW, "the guest's model " + guest.definition().name()
                        + " is newer than host '" + targetId + "' (" + target.model().definition().name() + ")"));
            }
        }
        Optional<IbcRange> range = target.resolved().ibcRange();
        if (range.isPresent() && !guest.ibc().isNone()) {
            if (guest.ibc().compareTo(range.get().lowest()) < 0) {
                reasons.add(Reason.of(ReasonCode.IBC_BELOW_LOWEST, "the guest's IBC " + guest.ibc()
                        + " is below host '" + targetId + "' lowest IBC " + range.get().lowest()));
            } else if (guest.ibc().compareTo(range.get().unblocked()) > 0) {
                reasons.add(Reason.of(ReasonCode.IBC_ABOVE_UNBLOCKED, "the guest's IBC " + guest.ibc()
                        + " is above host '" + targetId + "' unblocked IBC " + range.get().unblocked()));
            }
        } else if (range.isPresent() && !range.get().lowest().isNone()) {
            reasons.add(Reason.of(ReasonCode.IBC_BELOW_LOWEST, "the guest's model " + guest.definition().name()
                    + " has no IBC; host '" + targetId + "' runs IBC " + range.get()));
        }
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

    /** A ranking key for approved targets: identical first, then the fewest extra features. */
    public static int fit(Verdict v) {
        return v.comparison().map(c -> (c.result() == CompareResult.IDENTICAL ? 0 : 1_000) + c.added().size())
                .orElse(Integer.MAX_VALUE);
    }
}
