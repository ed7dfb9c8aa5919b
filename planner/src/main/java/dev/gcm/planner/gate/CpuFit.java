package dev.gcm.planner.gate;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CPU part of the migration rule: does a guest's CPU model run on a host's model and IBC range?
 * The model must compare identical or subset, and the guest's IBC must lie in the host's range (a guest
 * without IBC only on a host whose lowest IBC is none). {@link MigrationGate} applies it to every
 * decision; what-if applies the same rule to hosts that exist only in the question.
 *
 * @param runs       whether the guest runs there, from the conditions themselves
 * @param comparison the model comparison
 * @param reasons    why not, when it does not
 */
public record CpuFit(boolean runs, Comparison.Result comparison, List<Reason> reasons) {

    public CpuFit {
        reasons = List.copyOf(reasons);
    }

    /** The fit of a guest on a host; {@code host} names it in the reasons. */
    public static CpuFit of(Catalog catalog, CpuModel guest, String host, CpuModel model, Optional<IbcRange> range) {
        List<Reason> reasons = new ArrayList<>();
        Comparison.Result cmp = Comparisons.compare(catalog, guest, model);
        if (!cmp.result().runnable()) {
            if (!cmp.missing().isEmpty()) {
                reasons.add(new Reason(ReasonCode.MISSING_FEATURES, "host '" + host + "' lacks "
                        + cmp.missing().size() + " feature(s) the guest uses", catalog.names(cmp.missing())));
            }
            if (model.definition().isOlderThan(guest.definition())) {
                reasons.add(Reason.of(ReasonCode.MODEL_TOO_NEW, "the guest's model " + guest.definition().name()
                        + " is newer than host '" + host + "' (" + model.definition().name() + ")"));
            }
            if (reasons.isEmpty()) {
                reasons.add(new Reason(ReasonCode.MISSING_FEATURES, "the guest's model is " + cmp.result().qemuName()
                        + " to host '" + host + "'", cmp.responsibleProperties()));
            }
        }
        boolean ibcFits = true;
        if (range.isPresent() && !guest.ibc().isNone()) {
            if (guest.ibc().compareTo(range.get().lowest()) < 0) {
                ibcFits = false;
                reasons.add(Reason.of(ReasonCode.IBC_BELOW_LOWEST, "the guest's IBC " + guest.ibc()
                        + " is below host '" + host + "' lowest IBC " + range.get().lowest()));
            } else if (guest.ibc().compareTo(range.get().unblocked()) > 0) {
                ibcFits = false;
                reasons.add(Reason.of(ReasonCode.IBC_ABOVE_UNBLOCKED, "the guest's IBC " + guest.ibc()
                        + " is above host '" + host + "' unblocked IBC " + range.get().unblocked()));
            }
        } else if (range.isPresent() && !range.get().lowest().isNone()) {
            ibcFits = false;
            reasons.add(Reason.of(ReasonCode.IBC_BELOW_LOWEST, "the guest's model " + guest.definition().name()
                    + " has no IBC; host '" + host + "' runs IBC " + range.get()));
        }
        return new CpuFit(cmp.result().runnable() && ibcFits, cmp, reasons);
    }
}
