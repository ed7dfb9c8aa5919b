package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.projection.Projection;
import dev.gcm.planner.model.HostReport;
import java.util.Map;

/**
 * A host's report without its record: what reconcile compares (revisions, boot, seq, arrival); the
 * records themselves are fetched only for hosts whose content the index does not have.
 */
final class MetaProjection implements Projection<Map.Entry<String, HostReport>, HostReport>, IdentifiedDataSerializable {

    private static final long serialVersionUID = 1L;
    private static final byte[] NONE = new byte[0];

    @Override
    public HostReport transform(Map.Entry<String, HostReport> e) {
        HostReport r = e.getValue();
        return new HostReport(r.hostId(), NONE, r.bootId(), r.seq(), r.receivedAtMillis(), r.revision(),
                r.contentRevision(), r.contentHash());
    }

    @Override
    public int getFactoryId() {
        return GridSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return GridSerialization.META_PROJECTION;
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
