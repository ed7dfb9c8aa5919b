package dev.gcm.planner.query;

import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host list, a page at a time: the hosts of one index snapshot that match a {@link HostQuery}, ordered by
 * host id, starting after the id a continue token names. Each page is read from the snapshot current when it is
 * asked for, so a host present throughout a walk through the pages appears exactly once; one added or removed
 * meanwhile appears if its id lies beyond the page being read. The total is the count of matching hosts at the
 * page's version. Fleet-sized: run it on the worker pool.
 */
public final class HostList {

    /**
     * @param version       the index version the page was read at
     * @param hosts         the page's hosts, by id
     * @param total         how many hosts match the filters at this version (on every page)
     * @param continueToken where the next page starts; empty on the last page
     */
    public record Page(long version, List<IndexedHost> hosts, int total, Optional<String> continueToken) {
        public Page {
            hosts = List.copyOf(hosts);
        }
    }

    private final FleetIndex index;

    public HostList(FleetIndex index) {
        this.index = index;
    }

    /** The page, or empty when the query names a pool that does not exist. */
    public Optional<Page> page(HostQuery q) {
        IndexSnapshot snap = index.snapshot();
        if (q.pool().isPresent() && snap.pool(q.pool().get()).isEmpty()) {
            return Optional.empty();
        }
        List<IndexedHost> all = snap.hosts();
        int start = q.after().map(id -> firstAfter(all, id)).orElse(0);
        long limit = q.limit() == 0 ? Integer.MAX_VALUE : q.limit();
        List<IndexedHost> page;
        int total;
        boolean more;
        if (!q.filters()) {
            int end = (int) Math.min(all.size(), start + limit);
            page = all.subList(start, end);
            total = all.size();
            more = end < all.size();
        } else {
            page = new ArrayList<>();
            total = 0;
            more = false;
            for (int i = 0; i < all.size(); i++) {
                IndexedHost h = all.get(i);
                if (!matches(snap, q, h)) {
                    continue;
                }
                total++;
                if (i >= start) {
                    if (page.size() < limit) {
                        page.add(h);
                    } else {
                        more = true;
                    }
                }
            }
        }
        Optional<String> next = more ? Optional.of(ContinueToken.encode(q, page.get(page.size() - 1).id()))
                : Optional.empty();
        return Optional.of(new Page(snap.version(), page, total, next));
    }

    /** For every pool, how many of the hosts it counts are stale: O(hosts). */
    public Map<String, Integer> staleByPool() {
        IndexSnapshot snap = index.snapshot();
        Map<String, Integer> stale = new HashMap<>();
        snap.pools().forEach(p -> stale.put(p.name(), 0));
        for (IndexedHost h : snap.hosts()) {
            if (index.stale(h.heard())) {
                snap.poolsOf(h.id()).forEach(p -> stale.merge(p, 1, Integer::sum));
            }
        }
        return stale;
    }

    private boolean matches(IndexSnapshot snap, HostQuery q, IndexedHost h) {
        if (q.pool().isPresent() && !snap.counts(q.pool().get(), h.id())) {
            return false;
        }
        if (!q.states().isEmpty()) {
            HostState.Facts facts = new HostState.Facts(index.stale(h.heard()), h.cordoned(), h.leaving());
            if (q.states().stream().noneMatch(s -> s.holds(facts))) {
                return false;
            }
        }
        return q.selector().matches(h.resolved().record().labels());
    }

    /** The position of the first host whose id sorts after {@code id} (ids are unique and sorted). */
    static int firstAfter(List<IndexedHost> sorted, String id) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).id().compareTo(id) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
