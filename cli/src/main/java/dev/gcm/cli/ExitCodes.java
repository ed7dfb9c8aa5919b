package dev.gcm.cli;

/** The exit codes pipelines rely on (documented in cli/README.md and docs/design.md). */
public final class ExitCodes {

    /** Success; the migration is approved; the models are compatible. */
    public static final int OK = 0;
    /** Rejected, incompatible, or no common model. */
    public static final int REJECTED = 1;
    /** Usage or input error, including a request the planner refused (4xx: unknown host, missing rights). */
    public static final int USAGE = 2;
    /** No planner could be reached (refused, timed out, TLS failed, every member unavailable). */
    public static final int UNREACHABLE = 3;
    /** The planner failed (answered 5xx other than 503): not the caller's mistake; try again or tell its operator. */
    public static final int PLANNER_ERROR = 4;

    private ExitCodes() {
    }
}
