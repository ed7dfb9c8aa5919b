package dev.gcm.cli.online;

/** No planner answered (connection refused, timeout, TLS failure, or every member unavailable): exit 3. */
public final class PlannerUnreachableException extends RuntimeException {

    public PlannerUnreachableException(String message) {
        super(message);
    }
}
