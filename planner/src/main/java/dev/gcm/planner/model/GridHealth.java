package dev.gcm.planner.model;

/** What this member knows of the cluster it is in, as the gate and the handlers need it. */
public interface GridHealth {

    /** Whether this member has heard from a majority of the expected members within the heartbeat tolerance. */
    boolean hasQuorum();

    /** Members that could not prove the cluster secret (see planner/README.md). */
    int unverifiedMembers();

    /** Whether this member may store and approve: a majority, and no member it cannot verify. */
    default boolean trusted() {
        return hasQuorum() && unverifiedMembers() == 0;
    }
}
