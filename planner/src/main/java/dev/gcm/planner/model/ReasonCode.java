package dev.gcm.planner.model;

/** Why a migration is rejected, or what a notice says; stable, machine-readable. */
public enum ReasonCode {
    /** The target lacks features the guest uses (listed). */
    MISSING_FEATURES,
    /** The guest's model is of a newer generation or GA level than the target's. */
    MODEL_TOO_NEW,
    /** The guest's IBC lies below the target's lowest IBC, and the target is in a pool with {@code strictIbc}. */
    IBC_BELOW_LOWEST,
    /**
     * A notice, never a rejection: the guest's IBC lies below the target's lowest IBC, so KVM raises it to the
     * lowest and the guest runs (a pool with {@code strictIbc} rejects it instead).
     */
    IBC_RAISED,
    /** The guest's IBC lies above the target's unblocked IBC. */
    IBC_ABOVE_UNBLOCKED,
    /** No record of the target host (never reported, expired, or its record was lost with a partition). */
    TARGET_UNKNOWN,
    /** The target was decommissioned (its tombstone stands until it is recommissioned or expires). */
    TARGET_DECOMMISSIONED,
    /** The target's record is older than the staleness limit. */
    TARGET_STALE,
    /** An admin cordoned the target. */
    TARGET_CORDONED,
    /** The target's agent said it is leaving (label {@code gcm.dev/leaving=true}). */
    TARGET_LEAVING,
    /** The soft facilities the guest relies on differ from what the target emulates. */
    SOFT_FINGERPRINT_MISMATCH,
    /** The target's QEMU does not know the guest's CPU definition, or a feature the guest uses (listed). */
    MODEL_UNKNOWN_TO_TARGET_QEMU,
    /** The target's QEMU does not run guests of the guest's machine type ({@code s390-ccw-virtio-X.Y}). */
    MACHINE_TYPE_UNKNOWN_TO_TARGET,
    /** This planner member is cut off from the majority of the cluster. */
    NO_QUORUM,
    /** This planner member sees a member that cannot prove the cluster secret. */
    UNVERIFIED_MEMBER,
    /** The guest is the target host's own (no move). */
    SAME_HOST
}
