package dev.gcm.planner.index;

/** When a host last reported, with which boot and seq: changes with every heartbeat, apart from the index. */
public record Liveness(long receivedAtMillis, String bootId, long seq) {

    public boolean stale(long nowMillis, long staleAfterMillis) {
        return nowMillis - receivedAtMillis > staleAfterMillis;
    }
}
