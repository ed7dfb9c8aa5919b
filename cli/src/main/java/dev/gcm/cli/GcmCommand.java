package dev.gcm.cli;

import dev.gcm.cli.online.PlannerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gcm}: the admin and pipeline tool of GCM Planner (its subcommands: {@link Commands}). */
@Command(name = "gcm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        header = "Greatest common CPU models and migration checks for IBM Z (s390x) KVM hosts.",
        description = {"Offline commands (models, features, expand, baseline, compare, probe) work on files "
                + "and need no planner. Online commands ask a planner: give it with --planner, $GCM_PLANNER or "
                + "a context of the configuration file (gcm config); the connection options go before or after "
                + "the command."},
        footer = {"", "Examples:",
                "  gcm baseline examples/fleet.json         # the GCM of a fleet, offline",
                "  gcm compare z14 gen16a                   # may a z14 guest run on gen16a?",
                "  gcm --planner http://127.0.0.1:8080 hosts",
                "  gcm show --pool default                  # a pool's GCM and its limits",
                "  gcm check --guest vm1 --target host2     # exit 0 approved, 1 rejected",
                "", "Settings: each from its flag, else its environment variable ($GCM_PLANNER,",
                "$GCM_TOKEN, $GCM_CACERT; $GCM_CONTEXT names the context), else the context",
                "in ~/.config/gcm/config.yaml ($XDG_CONFIG_HOME, $GCM_CONFIG), else the default.",
                "", "Exit codes: 0 success or approved, 1 rejected or no common model, 2 usage or",
                "input error (also a request the planner refused, HTTP 4xx), 3 no planner",
                "reachable, 4 the planner failed (HTTP 5xx)."})
public final class GcmCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    PlannerOptions planner;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The global connection options, wherever on the command line they were given. */
    public static PlannerOptions plannerOptions(CommandSpec command) {
        if (command.root().userObject() instanceof GcmCommand g) {
            return g.planner;
        }
        throw new IllegalStateException(command.qualifiedName() + " runs outside gcm");
    }
}
