package dev.gcm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gcm __man} (hidden): prints the manual page gcm(1) in roff; the build saves it as target/gcm.1. */
@Command(name = "__man", hidden = true, description = "Print the manual page gcm(1) (roff).")
public final class ManPageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ManPage.of(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
