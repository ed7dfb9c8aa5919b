package dev.gcm.hypervisor.probe;

/** A probe that failed, or that cannot run on this machine; the message says which and why. */
public class ProbeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
        this.unavailable = false;
    }

    private ProbeException(String message, boolean unavailable) {
        super(message);
        this.unavailable = unavailable;
    }

    public static ProbeException failed(String message) {
        return new ProbeException(message, false);
    }

    /** The probe cannot run here at all (e.g. the KVM probe off s390x). */
    public static ProbeException unavailable(String message) {
        return new ProbeException(message, true);
    }

    public boolean isUnavailable() {
        return unavailable;
    }
}
