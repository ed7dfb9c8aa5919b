package dev.gcm.planner.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The host records in the grid. Hazelcast types stay in this package. */
public final class HzHostStore {

    private final IMap<String, StoredHost> map;

    public HzHostStore(HzGrid grid) {
        this.map = grid.instance().getMap(HzGrid.HOSTS);
    }

    /** Stores a report if it is newer than the stored one; completes with whether it did. */
    public CompletionStage<Boolean> putIfNewer(String hostId, StoredHost report) {
        return map.submitToKey(hostId, new ReportProcessor(report));
    }

    /** Sets the cordon flag; completes with false for an unknown host. */
    public CompletionStage<Boolean> cordon(String hostId, boolean cordoned) {
        return map.submitToKey(hostId, new CordonProcessor(cordoned));
    }

    /** Removes a host for good; completes with whether it was there. */
    public CompletionStage<Boolean> decommission(String hostId) {
        return map.removeAsync(hostId).thenApply(v -> v != null);
    }

    /**
     * Removes a host only if its entry is still exactly this one (a report that arrived since keeps it);
     * completes with whether it removed it.
     */
    public CompletionStage<Boolean> removeIfUnchanged(String hostId, StoredHost entry) {
        return map.submitToKey(hostId, new ExpireProcessor(entry.seq(), entry.receivedAtMillis()));
    }

    public Optional<StoredHost> get(String hostId) {
        return Optional.ofNullable(map.get(hostId));
    }

    /** Every stored host (for reconciling the index). */
    public Map<String, StoredHost> all() {
        return Map.copyOf(map);
    }

    /** Calls back on every change anywhere in the cluster (value null on removal). */
    public void listen(BiConsumer<String, StoredHost> onUpsert, Consumer<String> onRemove) {
        map.addEntryListener(new Listener(onUpsert, onRemove), true);
    }

    private record Listener(BiConsumer<String, StoredHost> onUpsert, Consumer<String> onRemove)
            implements EntryAddedListener<String, StoredHost>, EntryUpdatedListener<String, StoredHost>,
            EntryRemovedListener<String, StoredHost>, EntryEvictedListener<String, StoredHost>,
            EntryExpiredListener<String, StoredHost> {

        @Override
        public void entryAdded(EntryEvent<String, StoredHost> e) {
            onUpsert.accept(e.getKey(), e.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, StoredHost> e) {
            onUpsert.accept(e.getKey(), e.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, StoredHost> e) {
            onRemove.accept(e.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, StoredHost> e) {
            onRemove.accept(e.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, StoredHost> e) {
            onRemove.accept(e.getKey());
        }
    }
}
