package dev.gcm.facilitydb.forms;

/** Text that is not a CPU model in any form this project reads; the message says what was expected. */
public class FormException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FormException(String message) {
        super(message);
    }

    public FormException(String message, Throwable cause) {
        super(message, cause);
    }
}
