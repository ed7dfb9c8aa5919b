package dev.gcm.planner.auth;

import java.util.Optional;

/**
 * Who is asking: a role and, for an agent, the one host it may write. {@code name} identifies the token
 * in logs and decisions without revealing it.
 */
public record Caller(Role role, Optional<String> host, String name) {

    public static final Caller INSECURE = new Caller(Role.ADMIN, Optional.empty(), "insecure");

    public boolean canRead() {
        return role != Role.AGENT;
    }

    public boolean canDecide() {
        return role == Role.GATE || role == Role.ADMIN;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * Whether this caller may ask whether a guest may move to the given host: gate and admin tokens for any
     * host, an agent token only for its own host (its libvirt hook asks before an incoming migration).
     */
    public boolean mayCheckMigrationTo(String targetHostId) {
        return canDecide() || (role == Role.AGENT && host.map(targetHostId::equals).orElse(false));
    }

    /** Whether this caller may write the record of the given host. */
    public boolean mayWriteHost(String hostId) {
        return role == Role.ADMIN || (role == Role.AGENT && host.map(hostId::equals).orElse(false));
    }
}
