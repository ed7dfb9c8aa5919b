package dev.gcm.facilitydb.json;

/** JSON that does not have the expected shape; the message names the field at fault. */
public class InvalidJsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidJsonException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code $[3].props.vx}. */
    public String field() {
        return field;
    }
}
