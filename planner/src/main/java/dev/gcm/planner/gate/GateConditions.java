package dev.gcm.planner.gate;

import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.planner.index.Liveness;
import dev.gcm.planner.index.SoftFingerprint;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
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

    private static final java.util.Set<ReasonCode> IBC = java.util.EnumSet.of(ReasonCode.IBC_BELOW_LOWEST,
            ReasonCode.IBC_ABOVE_UNBLOCKED);

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

    /** The model part of {@link CpuFit}'s reasons (features, generation). */
    private static List<Reason> cpuModel(GateInput in) {
        return in.fit().reasons().stream().filter(r -> !IBC.contains(r.code())).toList();
    }

    /** The IBC part of {@link CpuFit}'s reasons. */
    private static List<Reason> ibcRange(GateInput in) {
        return in.fit().reasons().stream().filter(r -> IBC.contains(r.code())).toList();
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
