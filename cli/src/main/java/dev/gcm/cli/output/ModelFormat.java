package dev.gcm.cli.output;

/** How a CPU model is printed. */
public enum ModelFormat {
    /** For people. */
    TABLE,
    /** The project's own form: definition, IBC, the full feature list. */
    JSON,
    /** Exactly the CpuModelInfo QEMU would answer (static: {@code <def>-base} plus deltas). */
    QEMU,
    /** A QEMU {@code -cpu} argument. */
    ARGS,
    /** A libvirt {@code <cpu>} element. */
    LIBVIRT
}
