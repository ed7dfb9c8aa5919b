package dev.gcm.planner.model;

/**
 * The grid could not do what was asked, for a reason the caller can act on (retry elsewhere or later);
 * nothing was changed, or the change is not acknowledged.
 */
public final class GridUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        /** This member cannot see a majority of the cluster. */
        NO_QUORUM,
        /** A member the operation needs did not answer in time (paused, cut off). */
        TIMEOUT,
        /** This member sees a member that cannot prove the cluster secret. */
        UNVERIFIED_MEMBER,
        /** The grid is shutting down or rearranging itself. */
        UNAVAILABLE
    }

    private final Kind kind;

    public GridUnavailableException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
