package dev.gcm.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gcm completion bash}: a completion script for the shell. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script. bash (and zsh with bashcompinit):",
                "  source <(gcm completion bash)"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash")
    String shell;

    @Override
    public Integer call() {
        if (!"bash".equals(shell) && !"zsh".equals(shell)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "completion is offered for bash (and zsh through bashcompinit), not '" + shell + "'");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("gcm", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
