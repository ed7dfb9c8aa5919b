package dev.gcm.planner.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/**
 * Removes a host's entry if it is still the report that was found too old (same seq, same arrival):
 * a report that arrives between the check and the removal keeps the host. Runs on the entry's owner.
 */
final class ExpireProcessor implements EntryProcessor<String, StoredHost, Boolean> {

    private static final long serialVersionUID = 1L;
    private final long seq;
    private final long receivedAtMillis;

    ExpireProcessor(long seq, long receivedAtMillis) {
        this.seq = seq;
        this.receivedAtMillis = receivedAtMillis;
    }

    @Override
    public Boolean process(Map.Entry<String, StoredHost> entry) {
        StoredHost current = entry.getValue();
        if (current == null || current.seq() != seq || current.receivedAtMillis() != receivedAtMillis) {
            return false;
        }
        entry.setValue(null);
        return true;
    }
}
