package dev.gcm.cli.config;

import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.GcmCommand;
import dev.gcm.cli.Suggest;
import dev.gcm.cli.online.PlannerOptions;
import dev.gcm.cli.output.Table;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gcm config}: the contexts of the configuration file, as {@code kubectl config} has them. A context
 * names a planner (one or more URLs), a token file and a CA; {@code use-context} makes one current.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        header = "Show and change the contexts of the configuration file (planner, token file, CA).",
        description = {"The configuration file is $GCM_CONFIG, else $XDG_CONFIG_HOME/gcm/config.yaml, else "
                + "~/.config/gcm/config.yaml. A setting comes from its flag, else its environment variable "
                + "($GCM_PLANNER, $GCM_TOKEN, $GCM_CACERT), else the context (--context, $GCM_CONTEXT, else "
                + "the current context), else the default. Tokens are not stored in the file, only the path of "
                + "a token file."},
        subcommands = {ConfigCommand.GetContexts.class, ConfigCommand.CurrentContext.class, ConfigCommand.UseContext.class,
                ConfigCommand.SetContext.class, ConfigCommand.DeleteContext.class},
        footer = {"", "Examples:",
                "  gcm config set-context prod --planner https://gcm.example:8443 --token-file "
                        + "~/.config/gcm/prod.token",
                "  gcm config use-context prod", "  gcm config get-contexts", "  GCM_CONTEXT=lab gcm hosts"})
public final class ConfigCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ConfigFile file() {
        return ConfigFile.locate(dev.gcm.cli.Env::get);
    }

    static GcmConfig.Context require(GcmConfig config, String name, ConfigFile file) {
        return config.context(name).orElseThrow(() -> new IllegalArgumentException("no context '" + name + "' in "
                + file.path() + Suggest.hint(name, config.names())));
    }

    @Command(name = "get-contexts", mixinStandardHelpOptions = true, header = "List the contexts; * marks the "
            + "current one.",
            footer = {"", "Example:", "  gcm config get-contexts"})
    static final class GetContexts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ConfigFile file = file();
            GcmConfig config = file.read();
            PrintWriter out = spec.commandLine().getOut();
            if (config.contexts().isEmpty()) {
                out.println("No contexts in " + file.path() + "; add one with gcm config set-context NAME --planner URL.");
                out.flush();
                return ExitCodes.OK;
            }
            Table table = new Table("CURRENT", "NAME", "PLANNER", "TOKEN-FILE", "CACERT", "TIMEOUT");
            for (GcmConfig.Context c : config.contexts()) {
                table.row(c.name().equals(config.currentContext()) ? "*" : "", c.name(), dash(c.planner()),
                        dash(c.tokenFile()), dash(c.cacert()), dash(c.timeout()));
            }
            table.print(out);
            return ExitCodes.OK;
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }

    @Command(name = "current-context", mixinStandardHelpOptions = true, header = "Print the name of the "
            + "current context.",
            footer = {"", "Example:", "  gcm config current-context"})
    static final class CurrentContext implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            GcmConfig config = file().read();
            if (config.currentContext() == null) {
                throw new IllegalArgumentException("no current context; choose one with gcm config use-context NAME");
            }
            spec.commandLine().getOut().println(config.currentContext());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** A change to one existing context, and what is said when it is made. */
    abstract static class ContextChange implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CONTEXT", description = "The context's name.")
        String name;

        abstract GcmConfig change(GcmConfig config);

        abstract String done(ConfigFile file);

        @Override
        public Integer call() {
            ConfigFile file = file();
            GcmConfig config = file.read();
            require(config, name, file);
            file.write(change(config));
            spec.commandLine().getOut().println(done(file));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "use-context", mixinStandardHelpOptions = true, header = "Make a context the current one.",
            footer = {"", "Example:", "  gcm config use-context prod"})
    static final class UseContext extends ContextChange {
        @Override
        GcmConfig change(GcmConfig config) {
            return config.using(name);
        }

        @Override
        String done(ConfigFile file) {
            return "Switched to context \"" + name + "\".";
        }
    }

    @Command(name = "set-context", mixinStandardHelpOptions = true,
            header = "Add a context, or change the settings given of an existing one.",
            description = {"Takes the connection options as the settings: --planner, --token-file, --cacert, "
                    + "--timeout. Settings not given keep their value. --token is refused: store the token in a file."},
            footer = {"", "Examples:", "  gcm config set-context lab --planner http://127.0.0.1:8080",
                    "  gcm config set-context prod --planner https://a:8443,https://b:8443 --token-file "
                            + "~/.gcm/prod.token"
                            + " --cacert ~/.gcm/ca.pem"})
    static final class SetContext implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CONTEXT", description = "The context's name: letters, digits, '.', '_' and '-'.")
        String name;

        @Override
        public Integer call() {
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("context name '" + name + "': use 1 to 64 letters, digits, '.', '_' or '-'");
            }
            PlannerOptions given = GcmCommand.plannerOptions(spec);
            if (given.tokenGiven()) {
                throw new IllegalArgumentException(
                        "set-context stores no token: store the token in a file and give --token-file");
            }
            String planner = given.plannerFlag().isEmpty() ? null : String.join(",", given.plannerFlag());
            if (planner != null) {
                new dev.gcm.cli.online.PlannerClient.Settings(given.plannerFlag(), null, java.time.Duration.ofSeconds(1), null);
            }
            if (given.timeoutFlag() != null) {
                PlannerOptions.duration(given.timeoutFlag(), "--timeout");
            }
            ConfigFile file = file();
            GcmConfig config = file.read();
            GcmConfig.Context old = config.context(name).orElse(new GcmConfig.Context(name, null, null, null, null));
            GcmConfig.Context now = old.merge(planner, absolute(given.tokenFileFlag()), absolute(given.cacertFlag()),
                    given.timeoutFlag());
            file.write(config.with(now));
            spec.commandLine().getOut().printf("Context \"%s\" %s in %s.%n", name,
                    config.context(name).isPresent() ? "modified" : "created", file.path());
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }

        private static String absolute(java.nio.file.Path p) {
            return p == null ? null : p.toAbsolutePath().normalize().toString();
        }
    }

    @Command(name = "delete-context", mixinStandardHelpOptions = true, header = "Remove a context.",
            footer = {"", "Example:", "  gcm config delete-context lab"})
    static final class DeleteContext extends ContextChange {
        @Override
        GcmConfig change(GcmConfig config) {
            return config.without(name);
        }

        @Override
        String done(ConfigFile file) {
            return "Context \"" + name + "\" deleted from " + file.path() + ".";
        }
    }
}
