package dev.gcm.planner.gate;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.index.Liveness;
import dev.gcm.planner.index.SoftFingerprint;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The conditions of the migration rule about a known target, in the order answers list them. Adding a
 * condition is one entry in {@link #ALL} (with its reason codes in {@link ReasonCode}).
 */
final class GateConditions {

    /** Every condition about the target; the gate approves when all hold (and the cluster conditions too). */
    static final List<GateCondition> ALL = List.of(
            condition("cpu-model", GateConditions::cpuModel),
            condition("ibc-range", GateConditions::ibcRange),
            condition("fresh", GateConditions::fresh),
            condition("not-cordoned", in -> in.target().cordoned()
                    ? List.of(Reason.of(ReasonCode.TARGET_CORDONED, "host '" + in.id() + "' is cordoned")) : List.of()),
            condition("not-leaving", in -> in.target().leaving()
                    ? List.of(Reason.of(ReasonCode.TARGET_LEAVING, "the agent of host '" + in.id()
                    + "' said it is leaving (gcm.dev/leaving=true)")) : List.of()),
            condition("qemu-knows-model", GateConditions::qemuKnowsModel),
            condition("soft-fingerprint", GateConditions::softFingerprint));

    private GateConditions() {
    }

    /** A condition from a function that lists the reasons against it (none: it holds). */
    static GateCondition condition(String name, Function<GateInput, List<Reason>> reasons) {
        return new GateCondition() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ConditionResult check(GateInput in) {
                return ConditionResult.of(name, reasons.apply(in));
            }
        };
    }

    private static List<Reason> cpuModel(GateInput in) {
        Comparison.Result cmp = in.comparison();
        if (cmp.result().runnable()) {
            return List.of();
        }
        List<Reason> out = new ArrayList<>();
        CpuModel guest = in.guest();
        CpuModel host = in.target().model();
        if (!cmp.missing().isEmpty()) {
            out.add(new Reason(ReasonCode.MISSING_FEATURES, "host '" + in.id() + "' lacks " + cmp.missing().size()
                    + " feature(s) the guest uses", in.catalog().names(cmp.missing())));
        }
        if (host.definition().isOlderThan(guest.definition())) {
            out.add(Reason.of(ReasonCode.MODEL_TOO_NEW, "the guest's model " + guest.definition().name()
                    + " is newer than host '" + in.id() + "' (" + host.definition().name() + ")"));
        }
        if (out.isEmpty()) {
            out.add(new Reason(ReasonCode.MISSING_FEATURES, "the guest's model is " + cmp.result().qemuName()
                    + " to host '" + in.id() + "'", cmp.responsibleProperties()));
        }
        return out;
    }

    private static List<Reason> ibcRange(GateInput in) {
        Optional<IbcRange> range = in.target().resolved().ibcRange();
        CpuModel guest = in.guest();
        if (range.isEmpty()) {
            return List.of();
        }
        IbcRange r = range.get();
        if (guest.ibc().isNone()) {
            return r.lowest().isNone() ? List.of() : List.of(Reason.of(ReasonCode.IBC_BELOW_LOWEST, "the guest's model "
                    + guest.definition().name() + " has no IBC; host '" + in.id() + "' runs IBC " + r));
        }
        if (guest.ibc().compareTo(r.lowest()) < 0) {
            return List.of(Reason.of(ReasonCode.IBC_BELOW_LOWEST, "the guest's IBC " + guest.ibc()
                    + " is below host '" + in.id() + "' lowest IBC " + r.lowest()));
        }
        if (guest.ibc().compareTo(r.unblocked()) > 0) {
            return List.of(Reason.of(ReasonCode.IBC_ABOVE_UNBLOCKED, "the guest's IBC " + guest.ibc()
                    + " is above host '" + in.id() + "' unblocked IBC " + r.unblocked()));
        }
        return List.of();
    }

    private static List<Reason> fresh(GateInput in) {
        Optional<Liveness> l = in.index().liveness(in.id());
        long now = in.index().now();
        if (l.isPresent() && !l.get().stale(now, in.index().staleAfterMillis())) {
            return List.of();
        }
        String since = l.map(x -> (now - x.receivedAtMillis()) / 1000 + " s").orElse("a while");
        return List.of(Reason.of(ReasonCode.TARGET_STALE, "host '" + in.id() + "' has not reported for " + since));
    }

    private static List<Reason> qemuKnowsModel(GateInput in) {
        var hv = in.target().resolved().record().hypervisor();
        List<String> known = hv == null ? null : hv.cpuDefinitions();
        String name = in.guest().definition().staticName();
        return known == null || known.contains(name) ? List.of() : List.of(Reason.of(
                ReasonCode.MODEL_UNKNOWN_TO_TARGET_QEMU, "the QEMU of host '" + in.id() + "' does not know " + name));
    }

    private static List<Reason> softFingerprint(GateInput in) {
        if (in.options().softFingerprint().isEmpty()) {
            return List.of();
        }
        String wanted = in.options().softFingerprint().get();
        FeatureSet soft = in.target().softFeatures().and(in.guest().features());
        String offered = SoftFingerprint.of(in.catalog(), soft);
        return offered.equals(wanted) ? List.of() : List.of(Reason.of(ReasonCode.SOFT_FINGERPRINT_MISMATCH,
                "the guest's soft facilities (" + wanted + ") differ from those host '" + in.id() + "' emulates ("
                        + offered + ")"));
    }
}
