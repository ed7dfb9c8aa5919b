package dev.gcm.hypervisor.qmp;

/** QEMU answered a command with an error; carries QEMU's error class and description. */
public class QmpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorClass;

    public QmpException(String command, String errorClass, String description) {
        super(command + ": " + description + " (" + errorClass + ")");
        this.errorClass = errorClass;
    }

    public QmpException(String message, Throwable cause) {
        super(message, cause);
        this.errorClass = "Transport";
    }

    /** QEMU's error class, e.g. GenericError; "Transport" for a broken connection or timeout. */
    public String errorClass() {
        return errorClass;
    }
}
