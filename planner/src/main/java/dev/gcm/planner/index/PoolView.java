package dev.gcm.planner.index;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.catalog.CpuDefinition;
import dev.gcm.facilitydb.catalog.QemuVersion;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmSummary;
import dev.gcm.facilitydb.gcm.MixedReleaseGcm;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.model.FeatureSet;
import dev.gcm.facilitydb.model.Ibc;
import dev.gcm.facilitydb.model.IbcRange;
import dev.gcm.facilitydb.release.QemuView;
import dev.gcm.planner.model.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One pool's index, immutable: per-feature host counts, a multiset of definitions, multisets of the
 * IBC bounds and of the members' QEMU releases (so the oldest, whose view the GCM is computed in, is known
 * at once), the member hosts and the quarantined ones. Adding or removing a host gives a new view in
 * O(features of that host + catalog size); the GCM is read off the counters in O(catalog size) and
 * kept with the view, as is the explanation (O(hosts)) once someone asks for it.
 */
final class PoolView {

    /** A member host and its model as the pool counts it. */
    record Member(IndexedHost host, CpuModel model) {
    }

    private final Pool pool;
    private final FeatureCounts counts;
    private final SortedCounts<Integer> definitions;
    private final SortedCounts<Ibc> lowest;
    private final SortedCounts<Ibc> unblocked;
    /** The QEMU releases the members name (a member that names none counts as the newest and is left out). */
    private final SortedCounts<QemuVersion> releases;
    private final PersistentMap<String, Member> members;
    private final PersistentMap<String, String> quarantined;
    private volatile FeatureSet common;
    private volatile QemuView view;
    private volatile GcmSummary summary;
    private volatile Optional<CpuModel> model;
    private volatile PoolGcm explanation;

    private PoolView(Pool pool, FeatureCounts counts, SortedCounts<Integer> definitions, SortedCounts<Ibc> lowest,
                     SortedCounts<Ibc> unblocked, SortedCounts<QemuVersion> releases,
                     PersistentMap<String, Member> members, PersistentMap<String, String> quarantined,
                     FeatureSet common) {
        this.pool = pool;
        this.counts = counts;
        this.definitions = definitions;
        this.lowest = lowest;
        this.unblocked = unblocked;
        this.releases = releases;
        this.members = members;
        this.quarantined = quarantined;
        this.common = common;
    }

    static PoolView empty(Pool pool, int indexLimit) {
        return new PoolView(pool, FeatureCounts.zero(indexLimit), SortedCounts.empty(), SortedCounts.empty(), SortedCounts.empty(),
                SortedCounts.empty(), PersistentMap.empty(), PersistentMap.empty(), FeatureSet.empty());
    }

    Pool pool() {
        return pool;
    }

    int size() {
        return members.size();
    }

    Member member(String id) {
        return members.get(id);
    }

    boolean holds(String id) {
        return members.get(id) != null || quarantined.get(id) != null;
    }

    /** The members (not the quarantined hosts). */
    List<Member> members() {
        return members.values();
    }

    /** With a host counted as {@code model} (replacing what the view had of it). */
    PoolView with(IndexedHost h, CpuModel model) {
        return replace(h.id(), new Member(h, model), quarantined.remove(h.id()));
    }

    /** With a host held out of the GCM, and why. */
    PoolView quarantine(String id, String reason) {
        return replace(id, null, quarantined.put(id, reason));
    }

    /** Without a host; this view itself when it has none. */
    PoolView without(String id) {
        if (members.get(id) == null && quarantined.get(id) == null) {
            return this;
        }
        return replace(id, null, quarantined.remove(id));
    }

    /** The view with one member replaced (null: none), counters adjusted in one copy. */
    private PoolView replace(String id, Member fresh, PersistentMap<String, String> newQuarantined) {
        Object[] previous = new Object[1];
        PersistentMap<String, Member> newMembers = fresh == null ? members.remove(id) : members.put(id, fresh, previous);
        Member old = fresh == null ? members.get(id) : (Member) previous[0];
        if (old == null && fresh == null) {
            return new PoolView(pool, counts, definitions, lowest, unblocked, releases, members, newQuarantined, common);
        }
        FeatureCounts.Editor c = counts.edit();
        FeatureSet newCommon = countChange(c, old, fresh);
        SortedCounts<Integer> defs = definitions;
        int oldDef = old == null ? -1 : old.model().definition().index();
        int newDef = fresh == null ? -1 : fresh.model().definition().index();
        if (oldDef != newDef) {
            defs = oldDef < 0 ? defs : defs.remove(oldDef);
            defs = newDef < 0 ? defs : defs.add(newDef);
        }
        Optional<IbcRange> was = old == null ? Optional.empty() : old.host().resolved().ibcRange();
        Optional<IbcRange> is = fresh == null ? Optional.empty() : fresh.host().resolved().ibcRange();
        return new PoolView(pool, c.done(), defs, swap(lowest, was.map(IbcRange::lowest), is.map(IbcRange::lowest)),
                swap(unblocked, was.map(IbcRange::unblocked), is.map(IbcRange::unblocked)),
                swap(releases, release(old), release(fresh)), newMembers, newQuarantined, newCommon);
    }

    private static Optional<QemuVersion> release(Member m) {
        return m == null ? Optional.empty() : m.host().resolved().release().version();
    }

    /**
     * Adjusts the counts for one member's change (only the features its models differ in, when it stays a
     * member); answers the new set of features every member offers when it follows from this view's (the
     * member count is the same), else null.
     */
    private FeatureSet countChange(FeatureCounts.Editor c, Member old, Member fresh) {
        if (old == null || fresh == null) {
            if (old != null) {
                old.model().features().forEach(i -> c.add(i, -1));
            } else {
                fresh.model().features().forEach(i -> c.add(i, 1));
            }
            return null;
        }
        FeatureSet was = old.model().features();
        FeatureSet is = fresh.model().features();
        FeatureSet known = common;
        if (was.equals(is)) {
            return known;
        }
        was.forEachNotIn(is, i -> c.add(i, -1));
        is.forEachNotIn(was, i -> c.add(i, 1));
        if (known == null) {
            return null;
        }
        int n = members.size();
        // most changes leave the common set as it was: no feature it holds is gone, none newly everywhere
        boolean[] changes = {false};
        was.forEachNotIn(is, i -> changes[0] |= known.contains(i));
        is.forEachNotIn(was, i -> changes[0] |= c.get(i) == n);
        if (!changes[0]) {
            return known;
        }
        FeatureSet.Builder b = known.toBuilder();
        was.forEachNotIn(is, b::remove);
        is.forEachNotIn(was, i -> {
            if (c.get(i) == n) {
                b.add(i);
            }
        });
        return b.build();
    }

    /** A multiset with one member's value replaced (an IBC bound, a release): O(distinct values). */
    private static <K extends Comparable<K>> SortedCounts<K> swap(SortedCounts<K> counts, Optional<K> was, Optional<K> is) {
        if (was.equals(is)) {
            return counts;
        }
        SortedCounts<K> out = was.isPresent() ? counts.remove(was.get()) : counts;
        return is.isPresent() ? out.add(is.get()) : out;
    }

    /** The features every member offers, read off the counters (or carried over from the view before). */
    private FeatureSet common() {
        FeatureSet known = common;
        if (known == null) {
            int n = members.size();
            FeatureSet.Builder b = FeatureSet.builder();
            for (int i = 0; i < counts.size(); i++) {
                if (n > 0 && counts.get(i) == n) {
                    b.add(i);
                }
            }
            known = b.build();
            common = known;
        }
        return known;
    }

    /** The QEMU release the GCM is computed in: the oldest a member names, else the newest the catalog knows. */
    QemuView qemuView(Catalog catalog) {
        QemuView v = view;
        if (v == null) {
            v = QemuView.oldestOf(catalog, releases.first().stream().toList());
            view = v;
        }
        return v;
    }

    /** What the GCM needs, read off the counters once per view, in the view of the oldest release. */
    GcmSummary summary(Catalog catalog) {
        GcmSummary s = summary;
        if (s == null) {
            List<CpuDefinition> defs = new ArrayList<>();
            definitions.forEachDistinct(d -> defs.add(catalog.definitions().get(d)));
            s = MixedReleaseGcm.summaryInView(qemuView(catalog), members.size(), common(), defs, lowest.last(),
                    unblocked.first());
            summary = s;
        }
        return s;
    }

    /**
     * The pool's GCM, read off the counters once per view: computed in the view of the oldest release, with the
     * pool's options, then named in the newest catalog (the same definition and features) so that it compares
     * with every other model the planner holds.
     */
    Optional<CpuModel> gcmModel(Catalog catalog) {
        Optional<CpuModel> m = model;
        if (m == null) {
            m = Gcm.fromSummary(qemuView(catalog).catalog(), summary(catalog), pool.gcmOptions())
                    .map(x -> new CpuModel(catalog.definition(x.definition().name()).orElseThrow(), x.features()));
            model = m;
        }
        return m;
    }

    /** The GCM with its explanation (limiting hosts, conflicts, fingerprint, release), worked out once per view. */
    PoolGcm explain(Catalog catalog) {
        PoolGcm e = explanation;
        if (e == null) {
            Map<String, String> q = new TreeMap<>();
            quarantined.forEach(q::put);
            e = PoolExplanation.of(catalog, pool, members(), gcmModel(catalog), Map.copyOf(q));
            explanation = e;
        }
        return e;
    }
}
