package dev.gcm.planner.gate;

import java.util.Optional;

/**
 * What a migration check knows of the guest beyond its CPU model.
 *
 * @param softFingerprint the fingerprint of the soft facilities the guest relies on, if it does
 * @param machineType     the guest's QEMU machine type ({@code s390-ccw-virtio-7.2}), if known: from the check's
 *                        body, or from the record of the host that reports the guest
 */
public record GateOptions(Optional<String> softFingerprint, Optional<String> machineType) {

    /** Nothing more than the model. */
    public static final GateOptions NONE = new GateOptions(Optional.empty(), Optional.empty());

    public GateOptions {
        softFingerprint = softFingerprint == null ? Optional.empty() : softFingerprint;
        machineType = machineType == null ? Optional.empty() : machineType;
    }

    public GateOptions(Optional<String> softFingerprint) {
        this(softFingerprint, Optional.empty());
    }
}
