package dev.gcm.planner.gate;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.qemu.CompareResult;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.GridHealth;
import dev.gcm.planner.model.Reason;
import dev.gcm.planner.model.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migration rule (DESIGN.md section 3), the one place it lives: may a guest of a given CPU model move
 * to a target host? The answer is derived from conditions, each evaluated into a {@link ConditionResult}:
 * this member sees a majority and no member it cannot verify; the target is known (not decommissioned);
 * and every condition of {@link GateConditions#ALL} about it (CPU model, IBC range, freshness, cordon,
 * leaving, its QEMU knowing the model and the machine type, soft fingerprint). A guest below the target's lowest
 * IBC is approved with the notice {@code IBC_RAISED}, unless the target is in a pool with {@code strictIbc}. Approved iff every condition holds. The gate,
 * what-if, evacuation and every integration call {@link #check}.
 */
public final class MigrationGate {

    /**
     * The answer for one guest and target: every condition evaluated, and the comparison when there was one.
     * Whether it is approved (every condition holds; there is always at least one), why not (the reasons of
     * the conditions that fail) and what is worth saying although it does not reject are worked out once,
     * when it is made, as every check's answer and log line read them.
     */
    public static final class Verdict {

        private final List<ConditionResult> conditions;
        private final Optional<Comparison.Result> comparison;
        private final boolean approved;
        private final List<Reason> reasons;
        private final List<Reason> notices;

        public Verdict(List<ConditionResult> conditions, Optional<Comparison.Result> comparison) {
            this.conditions = List.copyOf(conditions);
            this.comparison = comparison;
            this.approved = allHold(this.conditions);
            this.reasons = gather(this.conditions, true);
            this.notices = gather(this.conditions, false);
        }

        public List<ConditionResult> conditions() {
            return conditions;
        }

        public Optional<Comparison.Result> comparison() {
            return comparison;
        }

        public boolean approved() {
            return approved;
        }

        public List<Reason> reasons() {
            return reasons;
        }

        public List<Reason> notices() {
            return notices;
        }

        private static boolean allHold(List<ConditionResult> conditions) {
            for (ConditionResult c : conditions) {
                if (!c.holds()) {
                    return false;
                }
            }
            return !conditions.isEmpty();
        }

        private static List<Reason> gather(List<ConditionResult> conditions, boolean reasons) {
            List<Reason> out = null;
            for (ConditionResult c : conditions) {
                List<Reason> some = reasons ? c.reasons() : c.notices();
                if (!some.isEmpty()) {
                    out = out == null ? new ArrayList<>() : out;
                    out.addAll(some);
                }
            }
            return out == null ? List.of() : List.copyOf(out);
        }
    }

    private static final ConditionResult QUORUM = ConditionResult.holds("quorum");
    private static final ConditionResult NO_QUORUM = ConditionResult.fails("quorum", List.of(Reason.of(
            ReasonCode.NO_QUORUM, "this planner member cannot see a majority of the cluster; it approves nothing"
                    + " until it can")));
    private static final ConditionResult VERIFIED = ConditionResult.holds("verified-members");
    private static final ConditionResult UNVERIFIED = ConditionResult.fails("verified-members", List.of(Reason.of(
            ReasonCode.UNVERIFIED_MEMBER, "this planner member sees a member that cannot prove the cluster secret;"
                    + " it approves nothing until that member is gone")));
    private static final ConditionResult TARGET_KNOWN = ConditionResult.holds("target-known");

    private final FleetIndex index;
    private final GridHealth health;

    public MigrationGate(FleetIndex index, GridHealth health) {
        this.index = index;
        this.health = health;
    }

    /** The rule for one guest model and target, on what the index shows now. */
    public Verdict check(String targetId, CpuModel guest, GateOptions options) {
        return check(index.snapshot(), targetId, guest, options);
    }

    /** The rule on a given snapshot (an evacuation plan checks every target against one). */
    public Verdict check(IndexSnapshot snapshot, String targetId, CpuModel guest, GateOptions options) {
        List<ConditionResult> results = new ArrayList<>(3 + GateConditions.ALL.size());
        results.add(health.hasQuorum() ? QUORUM : NO_QUORUM);
        results.add(health.unverifiedMembers() == 0 ? VERIFIED : UNVERIFIED);
        Optional<IndexedHost> target = snapshot.host(targetId);
        if (target.isEmpty()) {
            Reason why = snapshot.decommissionedAt(targetId).isPresent()
                    ? Reason.of(ReasonCode.TARGET_DECOMMISSIONED, "host '" + targetId + "' is decommissioned")
                    : Reason.of(ReasonCode.TARGET_UNKNOWN, "no record of host '" + targetId + "'");
            results.add(ConditionResult.fails("target-known", List.of(why)));
            return new Verdict(results, Optional.empty());
        }
        results.add(TARGET_KNOWN);
        CpuFit fit = CpuFit.of(index.catalog(), guest, targetId, target.get().model(), target.get().resolved().ibcRange(),
                snapshot.inStrictIbcPool(targetId));
        Comparison.Result cmp = fit.comparison();
        GateInput in = new GateInput(target.get(), guest, options, fit, index);
        for (GateCondition c : GateConditions.ALL) {
            results.add(c.check(in));
        }
        return new Verdict(results, Optional.of(cmp));
    }

    /**
     * The CPU part of {@link #check} alone ({@link CpuFit}), for a host given by its model and IBC range:
     * what-if asks it of hosts that exist only in the question.
     */
    public CpuFit cpuFit(CpuModel guest, String host, CpuModel model, Optional<IbcRange> range) {
        return CpuFit.of(index.catalog(), guest, host, model, range);
    }

    /** As {@link #cpuFit(CpuModel, String, CpuModel, Optional)} for a host of a pool with {@code strictIbc}. */
    public CpuFit cpuFit(CpuModel guest, String host, CpuModel model, Optional<IbcRange> range, boolean strictIbc) {
        return CpuFit.of(index.catalog(), guest, host, model, range, strictIbc);
    }

    /** A ranking key for approved targets: identical first, then the fewest extra features. */
    public static int fit(Verdict v) {
        return v.comparison().map(c -> (c.result() == CompareResult.IDENTICAL ? 0 : 1_000) + c.added().size())
                .orElse(Integer.MAX_VALUE);
    }
}
