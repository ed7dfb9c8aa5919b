package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.gcm.planner.model.PoolEntry;
import dev.gcm.planner.model.Revisions;
import java.io.IOException;
import java.util.Map;

/** Defines or redefines a pool with a new revision; answers the stored entry. */
final class PoolPutProcessor extends GridProcessor<PoolEntry, PoolEntry> {

    private static final long serialVersionUID = 1L;

    private String name;
    private String json;

    PoolPutProcessor() {
    }

    PoolPutProcessor(String name, String json) {
        this.name = name;
        this.json = json;
    }

    @Override
    public PoolEntry process(Map.Entry<String, PoolEntry> entry) {
        PoolEntry current = entry.getValue();
        PoolEntry stored = new PoolEntry(name, json, Revisions.next(current == null ? 0 : current.revision()));
        write(entry, stored);
        return stored;
    }

    @Override
    public int getClassId() {
        return GridSerialization.POOL_PUT_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(name);
        out.writeString(json);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        name = in.readString();
        json = in.readString();
    }
}
