package dev.gcm.planner.plan;

import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.gate.MigrationGate;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.model.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pool's guests by distinct model and its hosts by kind (model, IBC range), numbered once, and the gate's CPU
 * rule asked once per (model, kind) pair that matters: every later question is an array lookup. The gate's reasons
 * are worked out only for the guests an answer lists, once per (model, kind).
 */
final class GuestFits {

    /** A kind of target: every host with the same model and IBC range takes the same guests. */
    private record Kind(CpuModel model, Optional<IbcRange> range) {
        static Kind of(GcmHost h) {
            return new Kind(h.model(), h.ibcRange());
        }
    }

    private final MigrationGate gate;
    private final boolean strictIbc;
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
    /** The positions of the removed hosts, found once. */
    private List<Integer> removedAt;
    /** The gate's reasons by guest model, kind of host and the host they name. */
    private final Map<String, List<Reason>> reasons = new HashMap<>();

    /** @param strictIbc the pool's option: a guest below a host's lowest IBC does not fit there (else KVM raises it) */
    GuestFits(MigrationGate gate, List<IndexedHost> hosts, List<GcmHost> before, boolean strictIbc) {
        this.strictIbc = strictIbc;
        this.gate = gate;
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
        if ((long) models.size() * (kinds.size() + WhatIf.MAX_ADDED) > WhatIf.MAX_PAIRS) {
            throw new InvalidQuestion("PLAN_TOO_LARGE", "$", "the pool's guests run " + models.size()
                    + " distinct CPU models on " + kinds.size() + " kinds of host: more than a what-if weighs");
        }
    }

    Capped<WhatIf.GuestOnHost> losingLastTarget(List<GcmHost> after, Set<String> removed) {
        int[] nBefore = counts(before);
        int[] nAfter = counts(after);
        int[] targetsBefore = targets(nBefore);
        int[] targetsAfter = targets(nAfter);
        KindHosts afterHosts = new KindHosts(after);
        Capped.Builder<WhatIf.GuestOnHost> out = new Capped.Builder<>(WhatIf.MAX_LISTED);
        for (int i = 0; i < hosts.size(); i++) {
            boolean gone = removed.contains(before.get(i).id());
            List<HostRecord.Guest> guests = hosts.get(i).resolved().record().guests();
            for (int g = 0; g < guests.size(); g++) {
                int m = guestModel[i][g];
                boolean here = runs(m, hostKind[i]);
                boolean had = targetsBefore[m] - (here ? 1 : 0) > 0;
                boolean has = targetsAfter[m] - (here && !gone ? 1 : 0) > 0;
                if (!has && (had || gone)) {
                    boolean listed = out.keeps();
                    out.add(new WhatIf.GuestOnHost(guests.get(g).name(), before.get(i).id(), Optional.empty(),
                            listed ? refusedBy(m, afterHosts) : Capped.empty(),
                            listed ? removedTargets(m, i, removed) : Capped.empty()));
                }
            }
        }
        return out.build();
    }

    Capped<WhatIf.GuestOnHost> cannotRunOnAdded(List<GcmHost> added) {
        Capped.Builder<WhatIf.GuestOnHost> out = new Capped.Builder<>(WhatIf.MAX_LISTED);
        for (GcmHost target : added) {
            int kind = kindId(Kind.of(target));
            for (int i = 0; i < hosts.size(); i++) {
                var guests = hosts.get(i).resolved().record().guests();
                for (int g = 0; g < guests.size(); g++) {
                    int m = guestModel[i][g];
                    if (!runs(m, kind)) {
                        Capped<WhatIf.Refusal> why = out.keeps()
                                ? new Capped<>(List.of(refusal(m, kind, List.of(target.id()), 1)), 1) : Capped.empty();
                        out.add(new WhatIf.GuestOnHost(guests.get(g).name(), hosts.get(i).id(), Optional.of(target.id()),
                                why, Capped.empty()));
                    }
                }
            }
        }
        return out.build();
    }

    /** The kinds of host left that would refuse a guest model, each with the gate's reasons. */
    private Capped<WhatIf.Refusal> refusedBy(int model, KindHosts after) {
        Capped.Builder<WhatIf.Refusal> out = new Capped.Builder<>(WhatIf.MAX_REFUSING_KINDS);
        for (int k : after.kinds()) {
            if (!runs(model, k)) {
                if (out.keeps()) {
                    out.add(refusal(model, k, after.first(k), after.count(k)));
                } else {
                    out.skip();
                }
            }
        }
        return out.build();
    }

    /**
     * Removed hosts that would have taken the guest (not its own host): per guest model, a pass over the removed
     * hosts only (at most {@value WhatIf#MAX_REMOVED}), once.
     */
    private Capped<String> removedTargets(int model, int own, Set<String> removed) {
        if (removedAt == null) {
            removedAt = new ArrayList<>();
            for (int i = 0; i < hosts.size() && !removed.isEmpty(); i++) {
                if (removed.contains(before.get(i).id())) {
                    removedAt.add(i);
                }
            }
        }
        Capped.Builder<String> out = new Capped.Builder<>(WhatIf.MAX_REMOVED_TARGETS);
        for (int i : removedAt) {
            if (i != own && runs(model, hostKind[i])) {
                out.add(before.get(i).id());
            }
        }
        return out.build();
    }

    private WhatIf.Refusal refusal(int model, int kind, List<String> first, int count) {
        List<Reason> why = reasons.computeIfAbsent(model + "/" + kind + "/" + first.get(0), x -> {
            Kind k = kinds.get(kind);
            return gate.cpuFit(models.get(model), first.get(0), k.model(), k.range(), strictIbc).reasons();
        });
        return new WhatIf.Refusal(first, count, why);
    }

    /** The hosts of a list by kind: the first few ids and how many, in order of first appearance. */
    private final class KindHosts {
        private final Map<Integer, List<String>> first = new java.util.LinkedHashMap<>();
        private final Map<Integer, Integer> count = new HashMap<>();

        KindHosts(List<GcmHost> list) {
            for (GcmHost h : list) {
                int k = kindId(Kind.of(h));
                List<String> ids = first.computeIfAbsent(k, x -> new ArrayList<>());
                if (ids.size() < WhatIf.HOSTS_PER_KIND) {
                    ids.add(h.id());
                }
                count.merge(k, 1, Integer::sum);
            }
        }

        Iterable<Integer> kinds() {
            return first.keySet();
        }

        List<String> first(int kind) {
            return first.get(kind);
        }

        int count(int kind) {
            return count.get(kind);
        }
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
                    k.range(), strictIbc).runs();
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
