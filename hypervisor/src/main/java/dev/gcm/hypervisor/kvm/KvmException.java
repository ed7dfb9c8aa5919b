package dev.gcm.hypervisor.kvm;

/** A KVM call that failed with an errno. */
public class KvmException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int errno;

    public KvmException(String operation, int errno) {
        super(operation + " failed: " + name(errno) + " (errno " + errno + ")");
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    private static String name(int errno) {
        return switch (errno) {
            case KvmS390.EBUSY -> "EBUSY";
            case KvmS390.ENXIO -> "ENXIO";
            case KvmS390.EINVAL -> "EINVAL";
            default -> "error";
        };
    }
}
