package dev.gcm.planner.grid;

import com.hazelcast.map.IMap;
import dev.gcm.planner.grid.AdminProcessor.Action;
import dev.gcm.planner.model.AdminResult;
import dev.gcm.planner.model.HostAdmin;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Cordons and decommission tombstones in the grid (hard state, a backup on every member). */
public final class HzAdminStore {

    private final HzGrid grid;
    private final IMap<String, HostAdmin> map;

    public HzAdminStore(HzGrid grid) {
        this.grid = grid;
        this.map = grid.instance().getMap(HzGrid.ADMIN);
    }

    public CompletableFuture<AdminResult> cordon(String hostId, boolean cordoned) {
        return act(hostId, new AdminProcessor(cordoned ? Action.CORDON : Action.UNCORDON, 0));
    }

    /** Leaves a tombstone; does not apply when there is one already. */
    public CompletableFuture<AdminResult> decommission(String hostId, long nowMillis) {
        return act(hostId, new AdminProcessor(Action.DECOMMISSION, nowMillis));
    }

    /** Clears the tombstone; does not apply when there is none. */
    public CompletableFuture<AdminResult> recommission(String hostId) {
        return act(hostId, new AdminProcessor(Action.RECOMMISSION, 0));
    }

    /** Clears a tombstone older than the limit (GCM_TOMBSTONE_TTL); blocking. */
    public AdminResult expireTombstone(String hostId, long olderThanMillis) {
        return GridCalls.await(map.submitToKey(hostId, new AdminProcessor(Action.EXPIRE_TOMBSTONE, olderThanMillis)));
    }

    /** Puts an entry read from a journal unless the grid has it at the same or a newer revision; blocking. */
    public boolean mergeIfNewer(String hostId, HostAdmin entry) {
        return GridCalls.await(map.submitToKey(hostId, new MergeIfNewerProcessor<>(entry)));
    }

    /** Every entry; blocking. */
    public Map<String, HostAdmin> all() {
        try {
            return new HashMap<>(map);
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
    }

    /** Calls back on every change anywhere in the cluster. */
    public void listen(BiConsumer<String, HostAdmin> onChange) {
        map.addEntryListener(new EntryListener<HostAdmin>(onChange, (id, old) -> { }), true);
    }

    private CompletableFuture<AdminResult> act(String hostId, AdminProcessor p) {
        return GridCalls.write(grid, () -> map.submitToKey(hostId, p));
    }
}
