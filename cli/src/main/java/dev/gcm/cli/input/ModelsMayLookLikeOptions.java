package dev.gcm.cli.input;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lets a command's positional models start with a dash, so that {@code gcm compare "$(gcm baseline F -o args)"
 * gen16a} reads {@code -cpu z14-base,...} as model A instead of an unknown option. Picocli then passes any
 * argument it cannot match to an option as a positional; {@link ModelArgument} refuses one that is no model.
 */
public final class ModelsMayLookLikeOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.parser().unmatchedOptionsArePositionalParams(true);
        return spec;
    }
}
