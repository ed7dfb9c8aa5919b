package dev.gcm.planner.plan;

/**
 * A planning question that cannot be answered as asked: a field names what does not exist, or the
 * question is larger than a plan may be. The caller's mistake (HTTP 400), never the planner's.
 */
public final class InvalidQuestion extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;

    public InvalidQuestion(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** A stable code for the answer, e.g. {@code INVALID_JSON} or {@code PLAN_TOO_LARGE}. */
    public String code() {
        return code;
    }

    /** The JSON path of the field at fault. */
    public String field() {
        return field;
    }
}
