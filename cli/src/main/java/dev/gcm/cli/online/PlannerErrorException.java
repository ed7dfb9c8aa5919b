package dev.gcm.cli.online;

/** The planner answered with an error (bad request, unknown host, missing rights): exit 2. */
public final class PlannerErrorException extends RuntimeException {

    private final int status;
    private final String code;

    public PlannerErrorException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
