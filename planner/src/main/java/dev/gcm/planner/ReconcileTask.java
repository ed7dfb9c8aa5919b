package dev.gcm.planner;

import dev.gcm.planner.grid.HzAdminStore;
import dev.gcm.planner.grid.HzGrid;
import dev.gcm.planner.grid.HzHostStore;
import dev.gcm.planner.grid.HzPoolStore;
import dev.gcm.planner.index.FleetIndex;
import dev.gcm.planner.index.HostContent;
import dev.gcm.planner.index.IndexFeed;
import dev.gcm.planner.index.IndexSnapshot;
import dev.gcm.planner.index.IndexedHost;
import dev.gcm.planner.index.Reconciler;
import dev.gcm.planner.model.HostAdmin;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.PoolEntry;
import dev.gcm.planner.state.HardStateJournal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of this member's housekeeping, every GCM_RECONCILE_EVERY and after a split brain heals: merges
 * the journal into the grid (once, as soon as there is a majority), reads the grid and has the index
 * match it ({@link Reconciler}), copies the hard state into the journal, and, with a majority, expires
 * silent hosts and old tombstones and clears reports of decommissioned hosts. Runs on a worker thread.
 */
final class ReconcileTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileTask.class);
    private static final int FETCH = 2000;
    private static final long SLOW_ROUND_MILLIS = 1000;

    private final PlannerConfig config;
    private final HzGrid grid;
    private final HzHostStore hosts;
    private final HzAdminStore admin;
    private final HzPoolStore pools;
    private final FleetIndex index;
    private final IndexFeed feed;
    private final Optional<HardStateJournal> journal;
    private volatile boolean built;
    private volatile boolean journalMerged;
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    ReconcileTask(PlannerConfig config, HzGrid grid, HzHostStore hosts, HzAdminStore admin, HzPoolStore pools,
                  FleetIndex index, IndexFeed feed, Optional<HardStateJournal> journal) {
        this.config = config;
        this.grid = grid;
        this.hosts = hosts;
        this.admin = admin;
        this.pools = pools;
        this.index = index;
        this.feed = feed;
        this.journal = journal;
        this.journalMerged = journal.isEmpty();
    }

    /** Whether the index was built from the grid at least once, and the journal merged. */
    boolean done() {
        return built && journalMerged;
    }

    /** Whether a round is running. */
    boolean busy() {
        return running.get();
    }

    @Override
    public void run() {
        tryRun();
    }

    /** Runs a round unless one is running; answers whether it ran. */
    boolean tryRun() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            round();
            return true;
        } finally {
            running.set(false);
        }
    }

    private void round() {
        if (!journalMerged && grid.hasQuorum()) {
            mergeJournal();
        }
        long mark = feed.mark();
        long start = System.nanoTime();
        Map<String, HostReport> metas = hosts.metas();
        long metasRead = System.nanoTime();
        Map<String, HostAdmin> admins = admin.all();
        Map<String, PoolEntry> poolMap = pools.all();
        Map<String, HostContent> contents = readChanged(metas, admins);
        int fixed;
        try {
            fixed = feed.reconcile(new Reconciler.Truth(mark, metas, contents, admins, poolMap)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reconcile did not finish: " + e.getMessage(), e);
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        if (took >= SLOW_ROUND_MILLIS) {
            // at 100,000 hosts a round takes 0.25 to 1.2 s, most of it waiting on the other members (README, Speed)
            LOG.info("reconcile round: {} hosts, their revisions read in {} ms, the round {} ms", metas.size(),
                    (metasRead - start) / 1_000_000, took);
        } else {
            LOG.debug("reconcile round: {} hosts in {} ms", metas.size(), took);
        }
        if (fixed > 0 && built) {
            LOG.warn("reconcile fixed {} host or pool entries that listeners had missed", fixed);
        }
        built = true;
        journal.ifPresent(j -> {
            admins.forEach(j::admin);
            poolMap.values().forEach(j::pool);
        });
        if (grid.trusted()) {
            cleanUp(metas, admins);
        }
    }

    /** The records of hosts whose content the index does not show (tombstoned hosts aside), read ahead. */
    private Map<String, HostContent> readChanged(Map<String, HostReport> metas, Map<String, HostAdmin> admins) {
        IndexSnapshot shown = index.snapshot();
        List<String> needed = new ArrayList<>();
        metas.forEach((id, m) -> {
            HostAdmin a = admins.get(id);
            IndexedHost h = shown.host(id).orElse(null);
            if ((a == null || !a.decommissioned()) && (h == null || h.contentRevision() != m.contentRevision())) {
                needed.add(id);
            }
        });
        Map<String, HostContent> out = new HashMap<>();
        for (int i = 0; i < needed.size(); i += FETCH) {
            Set<String> chunk = new HashSet<>(needed.subList(i, Math.min(needed.size(), i + FETCH)));
            hosts.getAll(chunk).forEach((id, r) -> {
                try {
                    out.put(id, index.read(r));
                } catch (RuntimeException e) {
                    LOG.warn("host {}: stored record does not resolve, left out of the index: {}", id, e.getMessage());
                }
            });
        }
        return out;
    }

    private void mergeJournal() {
        HardStateJournal.State s = journal.orElseThrow().snapshot();
        int merged = 0;
        for (var e : s.admin().entrySet()) {
            merged += admin.mergeIfNewer(e.getKey(), e.getValue()) ? 1 : 0;
        }
        for (PoolEntry p : s.pools().values()) {
            merged += pools.mergeIfNewer(p) ? 1 : 0;
        }
        journalMerged = true;
        LOG.info("journal merged into the grid: {} of {} entries were newer than the grid's", merged,
                s.admin().size() + s.pools().size());
    }

    private void cleanUp(Map<String, HostReport> metas, Map<String, HostAdmin> admins) {
        long now = index.now();
        long silentSince = now - config.expireAfter().toMillis();
        metas.forEach((id, m) -> {
            HostAdmin a = admins.get(id);
            boolean tombstoned = a != null && a.decommissioned();
            if ((tombstoned || m.receivedAtMillis() < silentSince) && hosts.removeIfUnchanged(id, m.revision())) {
                LOG.info(tombstoned ? "host {}: report of a decommissioned host cleared"
                        : "host {} expired: no report for more than " + config.expireAfter(), id);
            }
        });
        long tombstonesBefore = now - config.tombstoneTtl().toMillis();
        admins.forEach((id, a) -> {
            if (a.decommissioned() && a.decommissionedAtMillis() < tombstonesBefore
                    && admin.expireTombstone(id, tombstonesBefore).applied()) {
                LOG.info("host {}: decommission tombstone expired (older than {}); its agent may report again", id,
                        config.tombstoneTtl());
            }
        });
    }
}
