package dev.gcm.cli.offline;

import dev.gcm.cli.output.ModelFormat;

/** What {@code gcm baseline} prints: a model form, or for people the table, or the table naming every host. */
public enum BaselineOutput {
    /** For people: the model, and the limiting hosts grouped by cause (a few names per cause). */
    TABLE,
    /** The same, every limiting host named. */
    WIDE,
    /** The project's own form, with every limiting host. */
    JSON,
    /** Exactly the CpuModelInfo QEMU would answer. */
    QEMU,
    /** A QEMU {@code -cpu} argument. */
    ARGS,
    /** A libvirt {@code <cpu>} element. */
    LIBVIRT;

    /** How the model itself is printed. */
    ModelFormat model() {
        return this == WIDE ? ModelFormat.TABLE : ModelFormat.valueOf(name());
    }
}
