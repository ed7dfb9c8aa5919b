package dev.gcm.cli.online;

import picocli.CommandLine.Option;

/**
 * {@code -o} and {@code --no-headers}, shared by the online commands. Each command offers its own forms
 * ({@link OnlineCommand#forms()}); {@code Main} writes them into this option's help and completion.
 */
public final class OutputOptions {

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, wide, json or yaml (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--no-headers", description = "Leave out table headers and titles.")
    boolean noHeaders;
}
