package dev.gcm.planner.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.Map;

/**
 * An entry processor of ours: it runs on the entry's owner, and its backups receive the value it wrote
 * (not a second run of the processor, which would stamp another revision on the backup).
 */
abstract class GridProcessor<V, R> implements EntryProcessor<String, V, R>, IdentifiedDataSerializable {

    private static final long serialVersionUID = 1L;

    private transient boolean wrote;
    private transient V written;

    /** Sets the entry's value (null removes it) and remembers it for the backups. */
    protected final void write(Map.Entry<String, V> entry, V value) {
        entry.setValue(value);
        wrote = true;
        written = value;
    }

    @Override
    public final EntryProcessor<String, V, R> getBackupProcessor() {
        return wrote ? new SetValueProcessor<>(written) : null;
    }

    @Override
    public final int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }
}
