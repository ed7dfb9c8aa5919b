package dev.gcm.cli;

import dev.gcm.cli.online.OnlineCommand;
import dev.gcm.cli.online.Output;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Entry point of {@code gcm}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // no option takes a date or SQL type: spare picocli registering (and the JVM loading) their converters
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.time\\..*,java\\.sql\\..*");
        }
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line for these arguments: the root and the one command they name (all when none). */
    public static CommandLine commandLine(String... args) {
        return configure(Commands.addTo(new CommandLine(new GcmCommand()), args));
    }

    /**
     * The error handling and conventions every gcm command line shares (the demo's too): plain words and
     * the documented exit codes, lower-case enum values in any case, each command's own {@code -o} forms
     * in its help and completion.
     */
    public static CommandLine configure(CommandLine cli) {
        ErrorHandler errors = new ErrorHandler();
        cli.setExecutionExceptionHandler(errors);
        cli.setParameterExceptionHandler(errors);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        decorate(cli);
        return cli;
    }

    private static void decorate(CommandLine command) {
        CommandLine.Model.CommandSpec spec = command.getCommandSpec();
        for (OptionSpec o : List.copyOf(spec.options())) {
            List<String> values = null;
            String[] description = o.description();
            if (spec.userObject() instanceof OnlineCommand online && "-o".equals(o.shortestName())) {
                values = online.forms().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
                description = new String[] {formsSentence(online.forms())};
            } else if (o.type().isEnum()) {
                values = java.util.Arrays.stream(o.type().getEnumConstants())
                        .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).toList();
            }
            if (values != null) {
                spec.remove(o);
                spec.addOption(o.toBuilder().completionCandidates(values).description(description).build());
            }
        }
        HelpSections.install(command);
        command.getSubcommands().values().stream().distinct().forEach(Main::decorate);
    }

    private static String formsSentence(List<Output> forms) {
        List<String> names = forms.stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1)
                + " (default: table); wide and the machine forms never cut anything.";
    }
}
