package dev.gcm.planner.plan;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmLimits;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Pool;
import dev.gcm.planner.model.Reason;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a pool's GCM and its guests would become with some hosts removed and hypothetical ones added;
 * nothing changes. The answer explains itself: what limits the GCM after (as the pool's own GCM is explained),
 * and for every guest that loses its place, the gate's reasons from each kind of host that would refuse it.
 * Whether a guest runs on a host is the gate's CPU rule ({@link MigrationGate#cpuFit}), asked once per distinct
 * guest model and distinct host (model, IBC range): a fleet has a few dozen of each however many hosts it has,
 * so the answer costs O(hosts + guests) plus that small product ({@link GuestFits}).
 */
public final class WhatIf {

    /** The most hypothetical hosts one question may add. */
    public static final int MAX_ADDED = 100;
    /** The most hosts one question may remove. */
    public static final int MAX_REMOVED = 10_000;
    /** Guests listed in each answer list (the count says how many there were). */
    public static final int MAX_LISTED = 1000;
    /** Distinct guest models times distinct kinds of host one question may weigh (a real pool: a few thousand). */
    public static final long MAX_PAIRS = 4_000_000;
    /** Kinds of refusing host listed per guest (each with its first {@value #HOSTS_PER_KIND} hosts). */
    public static final int MAX_REFUSING_KINDS = 5;
    public static final int HOSTS_PER_KIND = 3;
    /** Removed hosts listed per guest that would have taken it. */
    public static final int MAX_REMOVED_TARGETS = 10;

    /** A question: the pool, the ids of its hosts to remove, the hypothetical hosts to add. */
    public record Question(String pool, Set<String> remove, List<HypotheticalHost> add) {
        public Question {
            remove = Set.copyOf(remove);
            add = List.copyOf(add);
        }
    }

    /**
     * A kind of host that would refuse a guest, and the gate's reasons (naming the first of the hosts).
     *
     * @param hosts     the first few hosts of the kind, by id
     * @param hostCount how many hosts of the kind there are
     */
    public record Refusal(List<String> hosts, int hostCount, List<Reason> reasons) {
        public Refusal {
            hosts = List.copyOf(hosts);
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * A guest that loses its place, on its host; {@code addedHost} names the hypothetical host it could not run on,
     * when that is the point.
     *
     * @param refusedBy      the kinds of host that would refuse it, with the gate's reasons
     * @param removedTargets removed hosts it could have moved to (for a guest losing its last target)
     */
    public record GuestOnHost(String guest, String host, Optional<String> addedHost, Capped<Refusal> refusedBy,
                              Capped<String> removedTargets) {
    }

    /** A hypothetical host as weighed, and where it came from. */
    public record Added(GcmHost host, String origin) {
    }

    /**
     * @param afterLimits      the hosts that limit the GCM after (empty without a common model)
     * @param losingLastTarget guests that could move somewhere in the pool before and nowhere after (or
     *                         whose host is removed and have nowhere to go)
     * @param cannotRunOnAdded for each added host, the pool's guests that could not run there
     */
    public record Answer(String pool, long version, GcmResult before, GcmResult after, List<GcmLimits.Limit> afterLimits,
                         List<Added> added, Capped<GuestOnHost> losingLastTarget, Capped<GuestOnHost> cannotRunOnAdded) {
    }

    private final FleetIndex index;
    private final MigrationGate gate;
    private final HypotheticalHost.Resolver resolver;

    public WhatIf(FleetIndex index, MigrationGate gate) {
        this.index = index;
        this.gate = gate;
        this.resolver = new HypotheticalHost.Resolver(index.catalog(), index.validator());
    }

    /** The answer, or empty when there is no such pool. */
    public Optional<Answer> answer(Question q) {
        IndexSnapshot snap = index.snapshot();
        Optional<Pool> pool = snap.pool(q.pool());
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        List<IndexedHost> hosts = snap.hostsOf(q.pool());
        List<GcmHost> before = new ArrayList<>();
        List<GcmHost> after = new ArrayList<>();
        for (IndexedHost h : hosts) {
            GcmHost g = new GcmHost(h.id(), h.modelFor(pool.get().soft()), h.resolved().ibcRange());
            before.add(g);
            if (!q.remove().contains(g.id())) {
                after.add(g);
            }
        }
        if (after.size() + q.remove().size() != before.size()) {
            Set<String> ids = new HashSet<>(before.stream().map(GcmHost::id).toList());
            throw new InvalidQuestion("INVALID_JSON", "$.remove", "not hosts of pool '" + q.pool() + "': "
                    + String.join(", ", q.remove().stream().filter(id -> !ids.contains(id)).sorted().limit(20).toList()));
        }
        List<Added> added = new ArrayList<>();
        for (int i = 0; i < q.add().size(); i++) {
            HypotheticalHost h = q.add().get(i);
            added.add(new Added(resolver.resolve(h, snap, "$.add[" + i + "]"), h.origin()));
        }
        List<GcmHost> addedHosts = added.stream().map(Added::host).toList();
        after.addAll(addedHosts);
        Catalog catalog = index.catalog();
        GcmResult afterGcm = Gcm.compute(catalog, after);
        List<GcmLimits.Limit> limits = afterGcm.model().map(m -> GcmLimits.of(catalog, after, m)).orElse(List.of());
        GuestFits fits = new GuestFits(gate, hosts, before, Boolean.TRUE.equals(pool.get().strictIbc()));
        return Optional.of(new Answer(q.pool(), snap.version(), Gcm.compute(catalog, before), afterGcm, limits, added,
                fits.losingLastTarget(after, q.remove()), fits.cannotRunOnAdded(addedHosts)));
    }
}
