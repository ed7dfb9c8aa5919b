package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.gcm.planner.model.Revisioned;
import java.io.IOException;
import java.util.Map;

/**
 * Puts a hard-state entry read back from a member's journal, unless the grid holds the same or a newer
 * revision; answers whether it did.
 */
final class MergeIfNewerProcessor<V extends Revisioned> extends GridProcessor<V, Boolean> {

    private static final long serialVersionUID = 1L;

    private V value;

    MergeIfNewerProcessor() {
    }

    MergeIfNewerProcessor(V value) {
        this.value = value;
    }

    @Override
    public Boolean process(Map.Entry<String, V> entry) {
        V current = entry.getValue();
        if (current != null && current.revision() >= value.revision()) {
            return false;
        }
        write(entry, value);
        return true;
    }

    @Override
    public int getClassId() {
        return GridSerialization.MERGE_IF_NEWER_PROCESSOR;
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
