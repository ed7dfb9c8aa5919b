package dev.gcm.planner.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.function.BiConsumer;

/**
 * Every change of one map, anywhere in the cluster, as two callbacks: a new value (added, updated,
 * merged after a split) and a removal (with the value removed, whose revision orders the removal).
 */
final class EntryListener<V> implements EntryAddedListener<String, V>, EntryUpdatedListener<String, V>,
        EntryRemovedListener<String, V>, EntryEvictedListener<String, V>, EntryExpiredListener<String, V>,
        EntryMergedListener<String, V> {

    private final BiConsumer<String, V> onValue;
    private final BiConsumer<String, V> onRemoved;

    EntryListener(BiConsumer<String, V> onValue, BiConsumer<String, V> onRemoved) {
        this.onValue = onValue;
        this.onRemoved = onRemoved;
    }

    @Override
    public void entryAdded(EntryEvent<String, V> e) {
        onValue.accept(e.getKey(), e.getValue());
    }

    @Override
    public void entryUpdated(EntryEvent<String, V> e) {
        onValue.accept(e.getKey(), e.getValue());
    }

    @Override
    public void entryMerged(EntryEvent<String, V> e) {
        if (e.getValue() != null) {
            onValue.accept(e.getKey(), e.getValue());
        }
    }

    @Override
    public void entryRemoved(EntryEvent<String, V> e) {
        removed(e);
    }

    @Override
    public void entryEvicted(EntryEvent<String, V> e) {
        removed(e);
    }

    @Override
    public void entryExpired(EntryEvent<String, V> e) {
        removed(e);
    }

    private void removed(EntryEvent<String, V> e) {
        if (e.getOldValue() != null) {
            onRemoved.accept(e.getKey(), e.getOldValue());
        }
    }
}
