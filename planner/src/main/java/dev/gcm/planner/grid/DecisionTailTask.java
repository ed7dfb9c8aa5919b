package dev.gcm.planner.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Sent to every member by {@link HzDecisionLog#everywhere}: the newest entries of the member's own decision
 * source (its audit file), or none when it has none. The limit is bounded again where it runs.
 */
final class DecisionTailTask implements Callable<List<String>>, IdentifiedDataSerializable, HazelcastInstanceAware {

    /** Where a member keeps its {@link DecisionSource} in Hazelcast's user context. */
    static final String SOURCE = "gcm.decision-source";

    private int limit;
    private transient HazelcastInstance hz;

    DecisionTailTask() {
    }

    DecisionTailTask(int limit) {
        this.limit = limit;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public List<String> call() throws IOException {
        Object source = hz.getUserContext().get(SOURCE);
        int bounded = Math.max(0, Math.min(limit, HzDecisionLog.MAX_LATEST));
        // a list type the grid serializes natively (no Java serialization between members)
        return source instanceof DecisionSource s ? new ArrayList<>(s.newest(bounded)) : new ArrayList<>();
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.DECISION_TAIL_TASK;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeInt(limit);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        limit = in.readInt();
    }
}
