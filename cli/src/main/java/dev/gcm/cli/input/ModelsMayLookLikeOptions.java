package dev.gcm.cli.input;

import picocli.CommandLine;

/**
 * Marks a command whose positional models may start with a dash, so that {@code gcm compare "$(gcm baseline F
 * -o args)" gen16a} reads {@code -cpu z14-base,...} as model A instead of an unknown option. Picocli then
 * passes any argument it cannot match to an option as a positional; {@link ModelArgument} refuses one that is
 * no model. Picocli copies a parent's parser settings onto every subcommand it adds, so the setting is made
 * after the command joins its parent ({@link #applyTo}).
 */
public interface ModelsMayLookLikeOptions {

    /** Lets the command's unmatched dashed arguments through as positionals, when it is one of ours that wants it. */
    static void applyTo(CommandLine command) {
        if (command.getCommandSpec().userObject() instanceof ModelsMayLookLikeOptions) {
            command.getCommandSpec().parser().unmatchedOptionsArePositionalParams(true);
        }
    }
}
