package dev.gcm.planner.grid;

import java.io.Serializable;

/**
 * A host's entry in the grid: its last accepted record (JSON), the report identity that orders
 * writes, when the record arrived, and whether an admin cordoned the host.
 */
public record StoredHost(String recordJson, String bootId, long seq, long receivedAtMillis, boolean cordoned)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public StoredHost withCordoned(boolean value) {
        return new StoredHost(recordJson, bootId, seq, receivedAtMillis, value);
    }

    /** Whether this report is newer than the other; seq grows across an agent's boots. */
    public boolean isNewerThan(StoredHost other) {
        return other == null || seq > other.seq;
    }
}
