package dev.gcm.planner.plan;

import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.gate.GateOptions;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each guest of a host could go: every other host, asked of the gate ({@link MigrationGate#check})
 * as a migration request would be, approved targets first (identical models, then the fewest extra
 * features). Guests with the same CPU model share one pass over the fleet; a plan may cost at most
 * {@value #MAX_CHECKS} gate checks (distinct guest models times hosts), beyond which the caller names
 * the guests to plan.
 */
public final class Evacuation {

    /** Gate checks one plan may cost. */
    public static final long MAX_CHECKS = 2_000_000;
    /** Targets and rejections listed per guest (the counts say how many there were). */
    public static final int MAX_LISTED = 100;

    /** A rejected target and why. */
    public record Rejection(String host, List<Reason> reasons) {
    }

    /** One guest's targets and rejections. */
    public record GuestPlan(String guest, Capped<String> targets, Capped<Rejection> rejected) {
    }

    /** The plan for a host. */
    public record Plan(String host, List<GuestPlan> guests) {
    }

    private record Candidate(String host, MigrationGate.Verdict verdict) {
    }

    private final FleetIndex index;
    private final MigrationGate gate;

    public Evacuation(FleetIndex index, MigrationGate gate) {
        this.index = index;
        this.gate = gate;
    }

    /**
     * The plan for the named guests of a host (every guest when none are named), or empty when there is
     * no such host.
     */
    public Optional<Plan> plan(String hostId, Set<String> onlyGuests) {
        IndexSnapshot snap = index.snapshot();
        Optional<IndexedHost> found = snap.host(hostId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IndexedHost host = found.get();
        List<HostRecord.Guest> guests = host.resolved().record().guests().stream()
                .filter(g -> onlyGuests.isEmpty() || onlyGuests.contains(g.name())).toList();
        Set<String> unknown = new LinkedHashSet<>(onlyGuests);
        guests.forEach(g -> unknown.remove(g.name()));
        if (!unknown.isEmpty()) {
            throw new InvalidQuestion("GUEST_UNKNOWN", "$.guests", "host '" + hostId + "' reports no guest named "
                    + String.join(", ", unknown.stream().limit(20).toList()));
        }
        List<IndexedHost> fleet = snap.hosts();
        long models = guests.stream().map(g -> host.resolved().guestModels().get(g.name())).distinct().count();
        if (models * fleet.size() > MAX_CHECKS) {
            throw new InvalidQuestion("PLAN_TOO_LARGE", "$.guests", "planning " + models + " guest CPU models over "
                    + fleet.size() + " hosts is more than " + MAX_CHECKS + " gate checks; name fewer guests");
        }
        Map<CpuModel, GuestPlan> byModel = new HashMap<>();
        List<GuestPlan> out = new ArrayList<>();
        for (HostRecord.Guest g : guests) {
            CpuModel model = host.resolved().guestModels().get(g.name());
            GuestPlan plan = byModel.computeIfAbsent(model, m -> planFor(m, hostId, snap, fleet));
            out.add(new GuestPlan(g.name(), plan.targets(), plan.rejected()));
        }
        return Optional.of(new Plan(hostId, out));
    }

    private GuestPlan planFor(CpuModel model, String source, IndexSnapshot snap, List<IndexedHost> fleet) {
        List<Candidate> candidates = new ArrayList<>(fleet.size());
        for (IndexedHost t : fleet) {
            if (!t.id().equals(source)) {
                candidates.add(new Candidate(t.id(), gate.check(snap, t.id(), model, GateOptions.NONE)));
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.verdict().approved())
                .thenComparingInt(c -> MigrationGate.fit(c.verdict())).thenComparing(Candidate::host));
        Capped.Builder<String> ok = new Capped.Builder<>(MAX_LISTED);
        Capped.Builder<Rejection> no = new Capped.Builder<>(MAX_LISTED);
        for (Candidate c : candidates) {
            if (c.verdict().approved()) {
                ok.add(c.host());
            } else {
                no.add(new Rejection(c.host(), c.verdict().reasons()));
            }
        }
        return new GuestPlan(null, ok.build(), no.build());
    }
}
