package dev.gcm.planner.gate;

import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.release.MachineTypeSupport;
import dev.gcm.hypervisor.record.HostRelease;
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
            condition("cpu-model", in -> in.fit().modelReasons()),
            condition("ibc-range", in -> in.fit().ibcReasons(), in -> in.fit().notices()),
            condition("fresh", GateConditions::fresh),
            condition("not-cordoned", in -> in.target().cordoned()
                    ? List.of(Reason.of(ReasonCode.TARGET_CORDONED, "host '" + in.id() + "' is cordoned")) : List.of()),
            condition("not-leaving", in -> in.target().leaving()
                    ? List.of(Reason.of(ReasonCode.TARGET_LEAVING, "the agent of host '" + in.id()
                    + "' said it is leaving (gcm.dev/leaving=true)")) : List.of()),
            condition("qemu-knows-model", GateConditions::qemuKnowsModel),
            condition("qemu-knows-machine-type", GateConditions::qemuKnowsMachineType),
            condition("soft-fingerprint", GateConditions::softFingerprint));

    private GateConditions() {
    }

    /** A condition from a function that lists the reasons against it (none: it holds). */
    static GateCondition condition(String name, Function<GateInput, List<Reason>> reasons) {
        return condition(name, reasons, in -> List.of());
    }

    /** A condition with notices too (which never reject). */
    static GateCondition condition(String name, Function<GateInput, List<Reason>> reasons,
                                   Function<GateInput, List<Reason>> notices) {
        ConditionResult holds = ConditionResult.holds(name); // most checks: the same answer, made once
        return new GateCondition() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ConditionResult check(GateInput in) {
                List<Reason> against = reasons.apply(in);
                List<Reason> said = notices.apply(in);
                return against.isEmpty() && said.isEmpty() ? holds : new ConditionResult(name, against.isEmpty(), against, said);
            }
        };
    }

    private static List<Reason> fresh(GateInput in) {
        Optional<Liveness> l = in.target().heard().get();
        long now = in.index().now();
        if (l.isPresent() && !l.get().stale(now, in.index().staleAfterMillis())) {
            return List.of();
        }
        String since = l.map(x -> (now - x.receivedAtMillis()) / 1000 + " s").orElse("a while");
        return List.of(Reason.of(ReasonCode.TARGET_STALE, "host '" + in.id() + "' has not reported for " + since));
    }

    /** The target's QEMU must know the guest's definition and every feature it uses (its release's view). */
    private static List<Reason> qemuKnowsModel(GateInput in) {
        HostRelease qemu = in.target().resolved().release();
        List<Reason> out = new ArrayList<>();
        if (!qemu.knowsDefinition(in.guest().definition())) {
            out.add(Reason.of(ReasonCode.MODEL_UNKNOWN_TO_TARGET_QEMU, "the QEMU of host '" + in.id() + "' (" + qemu
                    + ") does not know the CPU definition " + in.guest().definition().name()));
        }
        FeatureSet unknown = qemu.unknownFeatures(in.guest().features());
        if (!unknown.isEmpty()) {
            out.add(new Reason(ReasonCode.MODEL_UNKNOWN_TO_TARGET_QEMU, "the QEMU of host '" + in.id() + "' (" + qemu
                    + ") does not know " + unknown.size() + " feature(s) the guest uses", in.catalog().names(unknown)));
        }
        return out;
    }

    /**
     * The target's QEMU must run the guest's machine type, where the guest's is known: the target's reported list,
     * else its release's (s390-ccw-virtio, the alias of the default, runs everywhere). A release the catalog has
     * not seen is given the benefit of the doubt for machine types older than itself (it cannot be told whether
     * it retired them); the agent should report its machine types.
     */
    private static List<Reason> qemuKnowsMachineType(GateInput in) {
        if (in.options().machineType().isEmpty()) {
            return List.of();
        }
        String machine = in.options().machineType().get();
        HostRelease qemu = in.target().resolved().release();
        return qemu.machineTypeSupport(machine) != MachineTypeSupport.UNKNOWN ? List.of() : List.of(Reason.of(
                ReasonCode.MACHINE_TYPE_UNKNOWN_TO_TARGET, "the QEMU of host '" + in.id() + "' (" + qemu
                        + ") does not run machine type " + machine));
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
