package dev.gcm.planner.grid;

import com.hazelcast.map.IMap;
import dev.gcm.planner.model.GridUnavailableException;
import dev.gcm.planner.model.HostReport;
import dev.gcm.planner.model.ReportResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/** Host reports in the grid (soft state). Hazelcast types stay in this package. */
public final class HzHostStore {

    private final HzGrid grid;
    private final IMap<String, HostReport> map;

    public HzHostStore(HzGrid grid) {
        this.grid = grid;
        this.map = grid.instance().getMap(HzGrid.HOSTS);
    }

    /** Stores a report if it is newer than the stored one (see {@link ReportProcessor}). */
    public CompletableFuture<ReportResult> report(HostReport report) {
        return GridCalls.write(grid, () -> map.submitToKey(report.hostId(), new ReportProcessor(report)));
    }

    /** A host's report; refused (NO_QUORUM) on a member that cannot see a majority, whose copy may be old. */
    public CompletableFuture<Optional<HostReport>> get(String hostId) {
        if (!grid.hasQuorum()) {
            return CompletableFuture.failedFuture(new GridUnavailableException(GridUnavailableException.Kind.NO_QUORUM,
                    "this planner member cannot see a majority of the cluster; ask another member", null));
        }
        return GridCalls.read(() -> map.getAsync(hostId)).thenApply(Optional::ofNullable);
    }

    /** Removes a host's report whatever it is (after a decommission). */
    public CompletableFuture<Boolean> remove(String hostId) {
        return GridCalls.write(grid, () -> map.deleteAsync(hostId));
    }

    /** Removes a host's report only if it is still at this revision (expiry, clean-up); blocking. */
    public boolean removeIfUnchanged(String hostId, long revision) {
        return GridCalls.await(map.submitToKey(hostId, new ExpireProcessor(revision)));
    }

    /** Every report without its record (for reconcile); blocking, O(hosts). */
    public Map<String, HostReport> metas() {
        Map<String, HostReport> out = new HashMap<>();
        try {
            map.project(new MetaProjection()).forEach(r -> out.put(r.hostId(), r));
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
        return out;
    }

    /** The full reports of some hosts; blocking. */
    public Map<String, HostReport> getAll(Set<String> hostIds) {
        try {
            return hostIds.isEmpty() ? Map.of() : map.getAll(hostIds);
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
    }

    /**
     * Calls back on every change anywhere in the cluster, and with the partition whose reports were lost
     * (every replica gone): the index must forget those hosts rather than keep approving from memory.
     */
    public void listen(BiConsumer<String, HostReport> onReport, BiConsumer<String, HostReport> onRemoved,
                       IntConsumer onPartitionLost) {
        map.addEntryListener(new EntryListener<>(onReport, onRemoved), true);
        map.addPartitionLostListener(e -> onPartitionLost.accept(e.getPartitionId()));
    }
}
