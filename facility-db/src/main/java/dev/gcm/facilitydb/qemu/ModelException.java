package dev.gcm.facilitydb.qemu;

/** A CPU model that cannot be built as asked, with QEMU's reason in words a person can act on. */
public class ModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }
}
