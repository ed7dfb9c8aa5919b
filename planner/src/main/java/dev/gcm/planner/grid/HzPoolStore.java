package dev.gcm.planner.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Pool definitions (as JSON) in the grid. */
public final class HzPoolStore {

    private final IMap<String, String> map;

    public HzPoolStore(HzGrid grid) {
        this.map = grid.instance().getMap(HzGrid.POOLS);
    }

    public CompletionStage<String> put(String name, String json) {
        return map.putAsync(name, json);
    }

    public Map<String, String> all() {
        return Map.copyOf(map);
    }

    /** Calls back with every pool change anywhere in the cluster. */
    public void listen(Runnable onChange) {
        map.addEntryListener(new Listener(onChange), false);
    }

    private record Listener(Runnable onChange) implements EntryAddedListener<String, String>,
            EntryUpdatedListener<String, String>, EntryRemovedListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> e) {
            onChange.run();
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> e) {
            onChange.run();
        }

        @Override
        public void entryRemoved(EntryEvent<String, String> e) {
            onChange.run();
        }
    }
}
