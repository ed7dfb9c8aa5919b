package dev.gcm.cli;

import dev.gcm.cli.demo.DemoCommand;
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
import dev.gcm.cli.online.PoolsCommand;
import dev.gcm.cli.online.WatchCommand;
import dev.gcm.cli.online.WhatIfCommand;
import picocli.CommandLine.Command;

/** {@code gcm}: the admin and pipeline tool of GCM Planner. */
@Command(name = "gcm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Greatest common CPU models and migration checks for IBM Z (s390x) KVM hosts.",
        subcommands = {ModelsCommand.class, FeaturesCommand.class, ExpandCommand.class, BaselineCommand.class,
                CompareCommand.class, ProbeCommand.class, HostsCommand.class, PoolsCommand.class, GcmShowCommand.class,
                CheckCommand.class, WhatIfCommand.class, PlanCommand.class, DecisionsCommand.class, WatchCommand.class,
                DemoCommand.class, CompletionCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Online commands find the planner through --planner or $GCM_PLANNER and authenticate with"
                + " --token, --token-file or $GCM_TOKEN.",
                "", "Exit codes: 0 success/approved, 1 rejected or no common model, 2 usage or input error,"
                + " 3 planner unreachable."})
public final class GcmCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
