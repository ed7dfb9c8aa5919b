package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;

/** After a split brain heals, each host keeps the newer of the two reports (by seq). */
public final class NewerReportMergePolicy implements SplitBrainMergePolicy<StoredHost, MergingValue<StoredHost>, Object> {

    @Override
    public Object merge(MergingValue<StoredHost> merging, MergingValue<StoredHost> existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        StoredHost m = merging.getDeserializedValue();
        StoredHost e = existing.getDeserializedValue();
        return m != null && m.isNewerThan(e) ? merging.getRawValue() : existing.getRawValue();
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // no state
    }

    @Override
    public void readData(ObjectDataInput in) {
        // no state
    }
}
