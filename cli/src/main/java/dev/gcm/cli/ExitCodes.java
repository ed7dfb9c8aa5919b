package dev.gcm.cli;

/** The exit codes pipelines rely on. */
public final class ExitCodes {

    /** Success; the migration is approved; the models are compatible. */
    public static final int OK = 0;
    /** Rejected, incompatible, or no common model. */
    public static final int REJECTED = 1;
    /** Usage or input error. */
    public static final int USAGE = 2;
    /** The planner could not be reached. */
    public static final int UNREACHABLE = 3;

    private ExitCodes() {
    }
}
