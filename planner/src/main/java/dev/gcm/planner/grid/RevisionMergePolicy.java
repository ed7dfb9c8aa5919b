package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;
import dev.gcm.planner.model.Revisioned;

/**
 * After a split brain heals, the smaller side's entries merge into the larger side's: of two versions
 * of an entry the higher revision wins (ties keep what the larger side has). An entry the larger side
 * does not have is kept for hard state (a cordon, tombstone or pool written on one side only must not
 * be lost) and dropped for soft state (it was removed on the larger side, by decommission or expiry, or
 * written in the moments before the smaller side noticed it had lost its majority; the host's agent
 * reports it again).
 */
abstract class RevisionMergePolicy implements SplitBrainMergePolicy<Object, MergingValue<Object>, Object>,
        IdentifiedDataSerializable {

    /** Whether an entry that only the merging side has survives the merge. */
    abstract boolean keepOneSided();

    @Override
    public Object merge(MergingValue<Object> merging, MergingValue<Object> existing) {
        if (existing == null || existing.getRawValue() == null) {
            return keepOneSided() ? merging.getRawValue() : null;
        }
        return revision(merging.getDeserializedValue()) > revision(existing.getDeserializedValue())
                ? merging.getRawValue() : existing.getRawValue();
    }

    private static long revision(Object value) {
        return value instanceof Revisioned r ? r.revision() : -1;
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // no state
    }

    @Override
    public void readData(ObjectDataInput in) {
        // no state
    }

    /** For host reports. */
    public static final class Soft extends RevisionMergePolicy {
        @Override
        boolean keepOneSided() {
            return false;
        }

        @Override
        public int getClassId() {
            return GridSerialization.SOFT_MERGE_POLICY;
        }
    }

    /** For cordons, tombstones and pools. */
    public static final class Hard extends RevisionMergePolicy {
        @Override
        boolean keepOneSided() {
            return true;
        }

        @Override
        public int getClassId() {
            return GridSerialization.HARD_MERGE_POLICY;
        }
    }
}
