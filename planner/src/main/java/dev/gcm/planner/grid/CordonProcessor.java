package dev.gcm.planner.grid;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Sets or clears a host's cordon flag; answers false when the host is unknown. */
final class CordonProcessor implements EntryProcessor<String, StoredHost, Boolean> {

    private static final long serialVersionUID = 1L;

    private final boolean cordoned;

    CordonProcessor(boolean cordoned) {
        this.cordoned = cordoned;
    }

    @Override
    public Boolean process(Map.Entry<String, StoredHost> entry) {
        if (entry.getValue() == null) {
            return false;
        }
        entry.setValue(entry.getValue().withCordoned(cordoned));
        return true;
    }
}
