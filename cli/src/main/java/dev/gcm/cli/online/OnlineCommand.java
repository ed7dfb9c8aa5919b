package dev.gcm.cli.online;

import dev.gcm.cli.output.Terminal;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command that talks to the planner shares: the connection, the output form, the printer. */
public abstract class OnlineCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected PlannerOptions planner;

    @Mixin
    protected OutputOptions outputOptions;

    private PlannerClient client;

    /** The output forms this command offers (the model forms only where a model is printed). */
    protected Set<Output> forms() {
        return Set.of(Output.TABLE, Output.WIDE, Output.JSON, Output.YAML);
    }

    @Override
    public final Integer call() throws Exception {
        if (!forms().contains(outputOptions.output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o " + outputOptions.output.name()
                    .toLowerCase(java.util.Locale.ROOT) + " is not offered here; use one of " + forms().stream()
                    .map(o -> o.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        }
        client = new PlannerClient(planner.settings(System::getenv));
        Printer printer = new Printer(spec.commandLine().getOut(), outputOptions.output, !outputOptions.noHeaders,
                Terminal.detect());
        return run(client, printer);
    }

    protected abstract int run(PlannerClient client, Printer printer) throws Exception;

    /** Path segments are ids and names; reject what would change the path. */
    protected static String segment(String value, String what) {
        if (value == null || value.isBlank() || !value.matches("[A-Za-z0-9._:@-]+")) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a valid id (letters, digits, . _ : @ -)");
        }
        return value;
    }
}
