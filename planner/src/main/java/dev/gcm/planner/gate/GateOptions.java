package dev.gcm.planner.gate;

import java.util.Optional;

/**
 * What a migration check knows of the guest beyond its CPU model.
 *
 * @param softFingerprint the fingerprint of the soft facilities the guest relies on, if it does
 */
public record GateOptions(Optional<String> softFingerprint) {

    /** Nothing more than the model. */
    public static final GateOptions NONE = new GateOptions(Optional.empty());

    public GateOptions {
        softFingerprint = softFingerprint == null ? Optional.empty() : softFingerprint;
    }
}
