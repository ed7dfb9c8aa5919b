package dev.gcm.cli.online;

import picocli.CommandLine.Option;

/** {@code -o} and {@code --no-headers}, shared by the online commands. */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, wide, json or yaml; where a model is printed also qemu, args or libvirt"
                    + " (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--no-headers", description = "Leave out table headers.")
    boolean noHeaders;
}
