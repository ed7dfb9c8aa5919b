package dev.gcm.planner.grid;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.Map;

/** Sets a backup entry to exactly what its primary wrote (null: removes it). */
final class SetValueProcessor<V, R> implements EntryProcessor<String, V, R>, IdentifiedDataSerializable {

    private static final long serialVersionUID = 1L;

    private V value;

    SetValueProcessor() {
    }

    SetValueProcessor(V value) {
        this.value = value;
    }

    @Override
    public R process(Map.Entry<String, V> entry) {
        entry.setValue(value);
        return null;
    }

    @Override
    public EntryProcessor<String, V, R> getBackupProcessor() {
        return this;
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.SET_VALUE_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeObject(value);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        value = in.readObject();
    }
}
