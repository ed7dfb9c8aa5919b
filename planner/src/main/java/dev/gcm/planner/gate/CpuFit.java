package dev.gcm.planner.gate;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcCheck;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CPU part of the migration rule: does a guest's CPU model run on a host's model and IBC range?
 * The model must compare identical or subset, and the guest's IBC must not be above the host's unblocked IBC.
 * Below the host's lowest IBC the guest runs with its IBC raised (DESIGN section 3): a notice
 * {@code IBC_RAISED}, unless the host is in a pool with {@code strictIbc}, where it is rejected
 * ({@code IBC_BELOW_LOWEST}). {@link MigrationGate} applies it to every decision; what-if applies the same rule
 * to hosts that exist only in the question.
 *
 * @param runs         whether the guest runs there, from the conditions themselves
 * @param comparison   the model comparison
 * @param modelReasons why the model does not run there (features, generation), when it does not
 * @param ibcReasons   why the guest's IBC does not fit the host's range, when it does not
 * @param notices      what is worth saying although it does not reject ({@code IBC_RAISED})
 */
public record CpuFit(boolean runs, Comparison.Result comparison, List<Reason> modelReasons, List<Reason> ibcReasons,
                     List<Reason> notices) {

    public CpuFit {
        modelReasons = List.copyOf(modelReasons);
        ibcReasons = List.copyOf(ibcReasons);
        notices = List.copyOf(notices);
    }

    /** Every reason it does not run: the model's, then the IBC's. */
    public List<Reason> reasons() {
        if (ibcReasons.isEmpty()) {
            return modelReasons;
        }
        List<Reason> all = new ArrayList<>(modelReasons);
        all.addAll(ibcReasons);
        return List.copyOf(all);
    }

    /** The fit of a guest on a host outside any strict pool; {@code host} names it in the reasons. */
    public static CpuFit of(Catalog catalog, CpuModel guest, String host, CpuModel model, Optional<IbcRange> range) {
        return of(catalog, guest, host, model, range, false);
    }

    /** The fit of a guest on a host; {@code strictIbc}: the host is in a pool that demands identical blocking. */
    public static CpuFit of(Catalog catalog, CpuModel guest, String host, CpuModel model, Optional<IbcRange> range,
                            boolean strictIbc) {
        List<Reason> reasons = new ArrayList<>();
        Comparisons.Compared compared = Comparisons.compared(catalog, guest, model);
        Comparison.Result cmp = compared.result();
        if (!cmp.result().runnable()) {
            if (!compared.missingNames().isEmpty()) {
                // the features are listed once, in the reason's features (a sentence naming dozens helped no one)
                reasons.add(new Reason(ReasonCode.MISSING_FEATURES, "host '" + host + "' lacks "
                        + compared.missingNames().size() + " feature(s) the guest uses" + compared.deprecationNote(),
                        compared.missingNames()));
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
        List<Reason> notices = new ArrayList<>();
        List<Reason> ibcReasons = new ArrayList<>();
        IbcCheck ibc = range.map(r -> IbcCheck.of(guest.ibc(), r, strictIbc)).orElse(IbcCheck.NONE);
        // worded only when there is something to say (most checks have nothing)
        String words = ibc == IbcCheck.NONE ? "" : "host '" + host + "': " + ibc.describe(guest.ibc(), range.get());
        switch (ibc) {
            case RAISED -> notices.add(Reason.of(ReasonCode.IBC_RAISED, words));
            case BELOW_LOWEST -> ibcReasons.add(Reason.of(ReasonCode.IBC_BELOW_LOWEST, words));
            case ABOVE_UNBLOCKED -> ibcReasons.add(Reason.of(ReasonCode.IBC_ABOVE_UNBLOCKED, words));
            case NONE -> { }
        }
        return new CpuFit(cmp.result().runnable() && !ibc.rejects(), cmp, reasons, ibcReasons, notices);
    }
}
