package dev.gcm.planner.grid;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import dev.gcm.planner.model.HostReport;
import java.io.IOException;
import java.util.Map;

/**
 * Removes a host's report only if it is still the one that was found (same revision): a report that
 * arrived between the check and the removal keeps the host. Used for expiry (no report for
 * GCM_EXPIRE_AFTER) and to clear the report of a decommissioned host. Answers whether it removed it.
 */
final class ExpireProcessor extends GridProcessor<HostReport, Boolean> {

    private static final long serialVersionUID = 1L;

    private long revision;

    ExpireProcessor() {
    }

    ExpireProcessor(long revision) {
        this.revision = revision;
    }

    @Override
    public Boolean process(Map.Entry<String, HostReport> entry) {
        HostReport current = entry.getValue();
        if (current == null || current.revision() != revision) {
            return false;
        }
        write(entry, null);
        return true;
    }

    @Override
    public int getClassId() {
        return GridSerialization.EXPIRE_PROCESSOR;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(revision);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        revision = in.readLong();
    }
}
