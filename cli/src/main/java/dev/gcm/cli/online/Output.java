package dev.gcm.cli.online;

/** Output forms of the online commands; the model forms only where a model is printed. */
public enum Output {
    /** For people: a table that fits the terminal. */
    TABLE,
    /** A table with every column. */
    WIDE,
    /** Stable, versioned JSON ({@code apiVersion: gcm/v1} and a {@code kind}). */
    JSON,
    /** The same document as YAML. */
    YAML,
    /** Exactly the CpuModelInfo QEMU would answer. */
    QEMU,
    /** A QEMU {@code -cpu} argument. */
    ARGS,
    /** A libvirt {@code <cpu>} element. */
    LIBVIRT;

    boolean isModelForm() {
        return this == QEMU || this == ARGS || this == LIBVIRT;
    }

    boolean isDocument() {
        return this == JSON || this == YAML;
    }
}
