package dev.gcm.cli;

import dev.gcm.cli.config.ConfigCommand;
import dev.gcm.cli.input.ModelsMayLookLikeOptions;
import dev.gcm.cli.offline.BaselineCommand;
import dev.gcm.cli.offline.CompareCommand;
import dev.gcm.cli.offline.ExpandCommand;
import dev.gcm.cli.offline.FeaturesCommand;
import dev.gcm.cli.offline.ModelsCommand;
import dev.gcm.cli.offline.ProbeCommand;
import dev.gcm.cli.online.CheckCommand;
import dev.gcm.cli.online.DecisionsCommand;
import dev.gcm.cli.online.GcmShowCommand;
import dev.gcm.cli.online.HostsCommand;
import dev.gcm.cli.online.PlanCommand;
import dev.gcm.cli.online.PlannerOptions;
import dev.gcm.cli.online.PoolsCommand;
import dev.gcm.cli.online.WatchCommand;
import dev.gcm.cli.online.WhatIfCommand;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * The subcommands of gcm, in help order, and how the command line is built from them. Building a command
 * costs picocli a reflective walk of its class; a run needs one command, so only that one is built
 * (start-up time is most of an offline call). Help, completion and the manual page need them all.
 */
final class Commands {

    /** Visible commands, in the order help lists them; then the hidden ones. */
    static final List<String> NAMES = List.of("models", "features", "expand", "baseline", "compare", "probe", "hosts",
            "pools", "show", "check", "what-if", "plan", "decisions", "watch", "demo", "config", "completion", "version",
            "help", "gcm", "__complete", "__man");

    /** Commands that describe the others, and so need every one built. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion", "__man");

    private Commands() {
    }

    static Object create(String name) {
        return switch (name) {
            case "models" -> new ModelsCommand();
            case "features" -> new FeaturesCommand();
            case "expand" -> new ExpandCommand();
            case "baseline" -> new BaselineCommand();
            case "compare" -> new CompareCommand();
            case "probe" -> new ProbeCommand();
            case "hosts" -> new HostsCommand();
            case "pools" -> new PoolsCommand();
            case "show" -> new GcmShowCommand();
            case "gcm" -> new GcmShowCommand.OldName();
            case "check" -> new CheckCommand();
            case "what-if" -> new WhatIfCommand();
            case "plan" -> new PlanCommand();
            case "decisions" -> new DecisionsCommand();
            case "watch" -> new WatchCommand();
            case "demo" -> new DemoLauncherCommand();
            case "config" -> new ConfigCommand();
            case "completion" -> new CompletionCommand();
            case "version" -> new VersionCommand();
            case "help" -> new CommandLine.HelpCommand();
            case "__complete" -> new CompleteCommand();
            case "__man" -> new ManPageCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** Adds the command the arguments name, or every command when they name none (or need them all). */
    static CommandLine addTo(CommandLine root, String... args) {
        String named = commandWord(args);
        if (named != null && NAMES.contains(named) && !NEED_ALL.contains(named)) {
            add(root, named);
            return root;
        }
        for (String name : NAMES) {
            add(root, name);
        }
        return root;
    }

    private static void add(CommandLine root, String name) {
        root.addSubcommand(name, create(name));
        ModelsMayLookLikeOptions.applyTo(root.getSubcommands().get(name));
    }

    /** The first argument that is not a global option or its value: the command's name, or null. */
    static String commandWord(String... args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                return a;
            }
            if (PlannerOptions.VALUED.contains(a)) {
                i++;
            } else if ("--".equals(a)) {
                return null;
            }
        }
        return null;
    }
}
