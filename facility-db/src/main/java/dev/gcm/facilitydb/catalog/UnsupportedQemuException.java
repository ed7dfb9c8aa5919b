package dev.gcm.facilitydb.catalog;

/** A QEMU release older than the first with s390x CPU models: the catalog has no view of it. */
public class UnsupportedQemuException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedQemuException(QemuVersion version) {
        super("QEMU " + version + " has no s390x CPU models (they came with QEMU " + QemuVersion.FIRST_WITH_CPU_MODELS
                + "); name a release from " + QemuVersion.FIRST_WITH_CPU_MODELS + " on, e.g. 7.2");
    }
}
