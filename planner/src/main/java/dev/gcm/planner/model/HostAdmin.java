package dev.gcm.planner.model;

/**
 * What admins decided about one host (hard state: never lost, see planner/DESIGN.md): a cordon, and a
 * decommission tombstone (when it was decommissioned; 0 for none), with the revision of the last change.
 * Entries are never removed, only emptied, so their revision keeps growing. Immutable.
 */
public record HostAdmin(boolean cordoned, long decommissionedAtMillis, long revision) implements Revisioned {

    /** No cordon, no tombstone, never written. */
    public static final HostAdmin NONE = new HostAdmin(false, 0, 0);

    public boolean decommissioned() {
        return decommissionedAtMillis > 0;
    }

    /** Whether nothing is decided about the host. */
    public boolean empty() {
        return !cordoned && !decommissioned();
    }

    public HostAdmin withCordoned(boolean value, long newRevision) {
        return new HostAdmin(value, decommissionedAtMillis, newRevision);
    }

    public HostAdmin withDecommissioned(long atMillis, long newRevision) {
        return new HostAdmin(cordoned, atMillis, newRevision);
    }
}
