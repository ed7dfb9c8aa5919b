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

    /** Whether this caller may write the record of the given host. */
    public boolean mayWriteHost(String hostId) {
        return role == Role.ADMIN || (role == Role.AGENT && host.map(hostId::equals).orElse(false));
    }
}
