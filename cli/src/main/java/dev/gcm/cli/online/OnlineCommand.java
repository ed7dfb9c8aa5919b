package dev.gcm.cli.online;

import dev.gcm.cli.GcmCommand;
import dev.gcm.cli.output.Terminal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to the planner shares: the connection (the global options of
 * {@link PlannerOptions}), the output form, the printer, and "did you mean" for hosts and pools the
 * planner does not know.
 */
public abstract class OnlineCommand implements Callable<Integer> {

    /** The forms most online commands print. */
    public static final List<Output> LIST_FORMS = List.of(Output.TABLE, Output.WIDE, Output.JSON, Output.YAML);

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected OutputOptions outputOptions;

    /** The output forms this command offers (the model forms only where a model is printed), in help order. */
    public List<Output> forms() {
        return LIST_FORMS;
    }

    @Override
    public final Integer call() throws Exception {
        if (!forms().contains(outputOptions.output)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o " + lower(outputOptions.output)
                    + " is not offered here; use one of " + String.join(", "
                    + "", forms().stream().map(OnlineCommand::lower).toList()));
        }
        PlannerClient client = new PlannerClient(GcmCommand.plannerOptions(spec).settings(dev.gcm.cli.Env::get));
        Printer printer = new Printer(spec.commandLine().getOut(), spec.commandLine().getErr(), outputOptions.output,
                !outputOptions.noHeaders,
                Terminal.detect());
        try {
            return run(client, printer);
        } catch (PlannerErrorException e) {
            throw NotFoundHints.withSuggestions(e, client);
        }
    }

    static String lower(Output o) {
        return o.name().toLowerCase(Locale.ROOT);
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
