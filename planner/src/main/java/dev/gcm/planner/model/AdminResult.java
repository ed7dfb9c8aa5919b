package dev.gcm.planner.model;

/** An admin action's outcome: whether it applied (its precondition held) and the host's admin state after it. */
public record AdminResult(boolean applied, HostAdmin state) {
}
