package dev.gcm.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gcm completion bash}: a completion script for the shell. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print the shell completion script (bash; zsh through bashcompinit).",
        description = {"Completes commands, options, each command's -o forms, and the names of hosts, pools, "
                + "CPU models and contexts (asked of the planner, the catalog and the configuration as you type)."},
        footer = {"", "Examples:", "  source <(gcm completion bash)                       # this shell",
                "  gcm completion bash > ~/.local/share/bash-completion/completions/gcm   # every new shell",
                "  autoload -U bashcompinit && bashcompinit && source <(gcm completion zsh)   # zsh"})
public final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh", completionCandidates = Shells.class)
    String shell;

    /** The shells offered. */
    static final class Shells extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Shells() {
            super(java.util.List.of("bash", "zsh"));
        }
    }

    @Override
    public Integer call() {
        if (!"bash".equals(shell) && !"zsh".equals(shell)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "completion is offered for bash (and zsh through bashcompinit), not '" + shell + "'");
        }
        spec.commandLine().getOut().print(BashCompletion.script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
