package dev.gcm.planner.grid;

import com.hazelcast.map.IMap;
import dev.gcm.planner.model.PoolEntry;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** Pool definitions in the grid (hard state, a backup on every member). */
public final class HzPoolStore {

    private final HzGrid grid;
    private final IMap<String, PoolEntry> map;

    public HzPoolStore(HzGrid grid) {
        this.grid = grid;
        this.map = grid.instance().getMap(HzGrid.POOLS);
    }

    /** Defines or redefines a pool; completes with the stored entry (and its revision). */
    public CompletableFuture<PoolEntry> put(String name, String json) {
        return GridCalls.write(grid, () -> map.submitToKey(name, new PoolPutProcessor(name, json)));
    }

    /** Puts an entry read from a journal unless the grid has it at the same or a newer revision; blocking. */
    public boolean mergeIfNewer(PoolEntry entry) {
        return GridCalls.await(map.submitToKey(entry.name(), new MergeIfNewerProcessor<>(entry)));
    }

    /** Every pool; blocking. */
    public Map<String, PoolEntry> all() {
        try {
            return new HashMap<>(map);
        } catch (RuntimeException e) {
            throw GridCalls.map(e);
        }
    }

    /** Calls back on every change anywhere in the cluster: a new definition, or a removed one. */
    public void listen(BiConsumer<String, PoolEntry> onChange, BiConsumer<String, PoolEntry> onRemoved) {
        map.addEntryListener(new EntryListener<>(onChange, onRemoved), true);
    }
}
