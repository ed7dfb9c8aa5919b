package dev.gcm.planner.plan;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmResult;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a pool's GCM and its guests would become with some hosts removed and hypothetical ones added;
 * nothing changes. Whether a guest runs on a host is the gate's CPU rule ({@link MigrationGate#cpuFit}),
 * asked once per distinct guest model and distinct host (model, IBC range): a fleet has a few dozen of
 * each however many hosts it has, so the answer costs O(hosts + guests) plus that small product.
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

    /** A question: the pool, the ids of its hosts to remove, the hypothetical hosts to add. */
    public record Question(String pool, Set<String> remove, List<GcmHost> add) {
        public Question {
            remove = Set.copyOf(remove);
            add = List.copyOf(add);
        }
    }

    /** A guest on a host; {@code addedHost} names the hypothetical host it could not run on, when that is the point. */
    public record GuestOnHost(String guest, String host, Optional<String> addedHost) {
    }

    /**
     * @param losingLastTarget guests that could move somewhere in the pool before and nowhere after (or
     *                         whose host is removed and have nowhere to go)
     * @param cannotRunOnAdded for each added host, the pool's guests that could not run there
     */
    public record Answer(String pool, long version, GcmResult before, GcmResult after,
                         Capped<GuestOnHost> losingLastTarget, Capped<GuestOnHost> cannotRunOnAdded) {
    }

    /** A kind of target: every host with the same model and IBC range takes the same guests. */
    private record Kind(CpuModel model, Optional<IbcRange> range) {
        static Kind of(GcmHost h) {
            return new Kind(h.model(), h.ibcRange());
        }
    }

    private final FleetIndex index;
    private final MigrationGate gate;

    public WhatIf(FleetIndex index, MigrationGate gate) {
        this.index = index;
        this.gate = gate;
    }

    /** The answer, or empty when there is no such pool. */
    public Optional<Answer> answer(Question q) {
        Optional<Pool> pool = index.pool(q.pool());
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        long version = index.version();
        List<IndexedHost> hosts = index.hostsOf(q.pool());
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
        after.addAll(q.add());
        Catalog catalog = index.catalog();
        Fits fits = new Fits(hosts, before);
        return Optional.of(new Answer(q.pool(), version, Gcm.compute(catalog, before), Gcm.compute(catalog, after),
                fits.losingLastTarget(after, q.remove()), fits.cannotRunOnAdded(q.add())));
    }

    /**
     * The pool's guests by distinct model and its hosts by kind, numbered once, and the gate's CPU rule
     * asked once per (model, kind) pair that matters: every later question is an array lookup.
     */
    private final class Fits {
        private final List<IndexedHost> hosts;
        private final List<GcmHost> before;
        private final Map<CpuModel, Integer> modelIds = new HashMap<>();
        private final List<CpuModel> models = new ArrayList<>();
        private final Map<Kind, Integer> kindIds = new HashMap<>();
        private final List<Kind> kinds = new ArrayList<>();
        /** Per host (in pool order): its kind and the model of each of its guests. */
        private final int[] hostKind;
        private final int[][] guestModel;
        /** 0: not asked yet, 1: runs, 2: does not. */
        private byte[][] runs = new byte[0][0];

        Fits(List<IndexedHost> hosts, List<GcmHost> before) {
            this.hosts = hosts;
            this.before = before;
            hostKind = new int[hosts.size()];
            guestModel = new int[hosts.size()][];
            for (int i = 0; i < hosts.size(); i++) {
                hostKind[i] = kindId(Kind.of(before.get(i)));
                var resolved = hosts.get(i).resolved();
                var guests = resolved.record().guests();
                guestModel[i] = new int[guests.size()];
                for (int g = 0; g < guests.size(); g++) {
                    CpuModel m = resolved.guestModels().get(guests.get(g).name());
                    guestModel[i][g] = modelIds.computeIfAbsent(m, x -> {
                        models.add(x);
                        return models.size() - 1;
                    });
                }
            }
            if ((long) models.size() * (kinds.size() + MAX_ADDED) > MAX_PAIRS) {
                throw new InvalidQuestion("PLAN_TOO_LARGE", "$", "the pool's guests run " + models.size()
                        + " distinct CPU models on " + kinds.size() + " kinds of host: more than a what-if weighs");
            }
        }

        Capped<GuestOnHost> losingLastTarget(List<GcmHost> after, Set<String> removed) {
            int[] nBefore = counts(before);
            int[] nAfter = counts(after);
            int[] targetsBefore = targets(nBefore);
            int[] targetsAfter = targets(nAfter);
            Capped.Builder<GuestOnHost> out = new Capped.Builder<>(MAX_LISTED);
            for (int i = 0; i < hosts.size(); i++) {
                boolean gone = removed.contains(before.get(i).id());
                var guests = hosts.get(i).resolved().record().guests();
                for (int g = 0; g < guests.size(); g++) {
                    int m = guestModel[i][g];
                    boolean here = runs(m, hostKind[i]);
                    boolean had = targetsBefore[m] - (here ? 1 : 0) > 0;
                    boolean has = targetsAfter[m] - (here && !gone ? 1 : 0) > 0;
                    if (!has && (had || gone)) {
                        out.add(new GuestOnHost(guests.get(g).name(), before.get(i).id(), Optional.empty()));
                    }
                }
            }
            return out.build();
        }

        Capped<GuestOnHost> cannotRunOnAdded(List<GcmHost> added) {
            Capped.Builder<GuestOnHost> out = new Capped.Builder<>(MAX_LISTED);
            for (GcmHost target : added) {
                int kind = kindId(Kind.of(target));
                for (int i = 0; i < hosts.size(); i++) {
                    var guests = hosts.get(i).resolved().record().guests();
                    for (int g = 0; g < guests.size(); g++) {
                        if (!runs(guestModel[i][g], kind)) {
                            out.add(new GuestOnHost(guests.get(g).name(), hosts.get(i).id(), Optional.of(target.id())));
                        }
                    }
                }
            }
            return out.build();
        }

        private int kindId(Kind k) {
            return kindIds.computeIfAbsent(k, x -> {
                kinds.add(x);
                return kinds.size() - 1;
            });
        }

        /** Hosts per kind id. */
        private int[] counts(List<GcmHost> list) {
            List<Integer> ids = list.stream().map(h -> kindId(Kind.of(h))).toList();
            int[] n = new int[kinds.size()];
            ids.forEach(k -> n[k]++);
            return n;
        }

        /** For each guest model, how many of the counted hosts it runs on. */
        private int[] targets(int[] perKind) {
            int[] t = new int[models.size()];
            for (int m = 0; m < models.size(); m++) {
                for (int k = 0; k < perKind.length; k++) {
                    if (perKind[k] > 0 && runs(m, k)) {
                        t[m] += perKind[k];
                    }
                }
            }
            return t;
        }

        private boolean runs(int model, int kind) {
            if (model >= runs.length || kind >= runs[model].length) {
                grow();
            }
            if (runs[model][kind] == 0) {
                Kind k = kinds.get(kind);
                boolean fits = gate.cpuFit(models.get(model), "(" + k.model().definition().name() + ")", k.model(),
                        k.range()).runs();
                runs[model][kind] = (byte) (fits ? 1 : 2);
            }
            return runs[model][kind] == 1;
        }

        private void grow() {
            byte[][] bigger = new byte[models.size()][kinds.size()];
            for (int m = 0; m < runs.length; m++) {
                System.arraycopy(runs[m], 0, bigger[m], 0, runs[m].length);
            }
            runs = bigger;
        }
    }
}
