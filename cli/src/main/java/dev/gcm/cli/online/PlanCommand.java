package dev.gcm.cli.online;

import picocli.CommandLine.Command;

/** {@code gcm plan}: plans that change nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true, header = "Plans that change nothing: evacuate a host.",
        subcommands = EvacuateCommand.class, footer = {"", "Example:", "  gcm plan evacuate lpar-03"})
public final class PlanCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say which plan: evacuate HOST");
    }
}
