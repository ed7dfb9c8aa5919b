package dev.gcm.facilitydb.release;

/** Whether a QEMU release runs guests of a machine type ({@code s390-ccw-virtio-X.Y}). */
public enum MachineTypeSupport {
    /** The release knows it. */
    KNOWN,
    /** The release does not know it (newer than the release, removed, or not an s390x machine type). */
    UNKNOWN,
    /**
     * The catalog has not seen the release and cannot tell: an older machine type may have been removed. The host
     * must report its machine types ({@code hypervisor.machineTypes}).
     */
    UNCERTAIN
}
