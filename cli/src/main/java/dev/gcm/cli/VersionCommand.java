package dev.gcm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gcm version}: the same lines as {@code gcm --version}. */
@Command(name = "version", mixinStandardHelpOptions = true, header = "Print the version of gcm and of its CPU "
        + "model catalog.",
        description = "Print the version of gcm, the QEMU release its CPU model catalog describes, and the "
                + "Java runtime.",
        footer = {"", "Example:", "  gcm version"})
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : VersionProvider.lines()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
