package dev.gcm.planner.index;

import java.util.Optional;

/**
 * When one host last reported: the writer's slot for the host and every snapshot that shows the host hold the
 * same one, so a heartbeat is seen at once without a new snapshot, and the gate reads it from the host it
 * already has (no second lookup among 100,000 hosts). Written by the index's writer only; read by any thread.
 */
public final class LastHeard {

    private volatile Liveness liveness;

    LastHeard() {
    }

    /** The last report's time, boot and seq; empty when the host has none (never heard from, or cleared). */
    public Optional<Liveness> get() {
        return Optional.ofNullable(liveness);
    }

    Liveness orNull() {
        return liveness;
    }

    void set(Liveness l) {
        liveness = l;
    }
}
