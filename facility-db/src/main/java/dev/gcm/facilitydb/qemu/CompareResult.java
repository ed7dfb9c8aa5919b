package dev.gcm.facilitydb.qemu;

import java.util.Locale;

/** How a CPU model A relates to a model B, in QEMU's terms. */
public enum CompareResult {
    /** A and B are the same. */
    IDENTICAL,
    /** A is contained in B: a guest of A runs where B runs. */
    SUBSET,
    /** A contains B. */
    SUPERSET,
    /** Neither contains the other. */
    INCOMPATIBLE;

    /** QEMU's spelling: identical, subset, superset, incompatible. */
    public String qemuName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a guest of model A can run on a host offering B. */
    public boolean runnable() {
        return this == IDENTICAL || this == SUBSET;
    }
}
