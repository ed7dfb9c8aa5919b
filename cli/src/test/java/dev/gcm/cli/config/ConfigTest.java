package dev.gcm.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.cli.Main;
import dev.gcm.cli.online.PlannerClient;
import dev.gcm.cli.GcmCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Contexts in the configuration file, and the precedence of flag, environment and context. */
class ConfigTest {

    private static CliRun gcm(Path config, String... args) {
        return CliRun.withEnv(Map.of("GCM_CONFIG", config.toString()), args);
    }

    /** The settings a command line would use, with these environment variables. */
    private static PlannerClient.Settings settings(Map<String, String> env, String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.parseArgs(args);
        return GcmCommand.plannerOptions(cli.getCommandSpec()).settings(env::get);
    }

    @Test
    void contextsAreSetListedUsedAndDeleted(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gcm").resolve("config.yaml");
        Path token = dir.resolve("prod.token");
        Files.writeString(token, "prod-token-0123456789\n");
        CliRun set = gcm(config, "config", "set-context", "prod", "--planner", "https://a:8443,https://b:8443",
                "--token-file", token.toString(), "--timeout", "5s");
        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).contains("Context \"prod\" created");
        assertThat(Files.getPosixFilePermissions(config)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(gcm(config, "config", "set-context", "lab", "--planner", "http://127.0.0.1:8080").exitCode()).isZero();
        assertThat(gcm(config, "config", "current-context").exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(gcm(config, "config", "use-context", "prod").out()).contains("Switched to context \"prod\".");
        assertThat(gcm(config, "config", "current-context").out()).isEqualTo("prod\n");
        CliRun list = gcm(config, "config", "get-contexts");
        assertThat(list.out().lines()).anySatisfy(l -> assertThat(l).startsWith("*").contains("prod", "https://a:8443"));
        assertThat(list.out().lines()).anySatisfy(l -> assertThat(l).contains("lab", "http://127.0.0.1:8080")
                .doesNotStartWith("*"));

        CliRun typo = gcm(config, "config", "use-context", "prd");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(typo.err()).contains("no context 'prd'").contains("did you mean 'prod'?");
        assertThat(gcm(config, "config", "delete-context", "lab").exitCode()).isZero();
        assertThat(new ConfigFile(config).read().names()).containsExactly("prod");
    }

    @Test
    void aSettingComesFromTheFlagElseTheEnvironmentElseTheContext(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.yaml");
        Path token = dir.resolve("lab.token");
        Files.writeString(token, "lab-token-0123456789");
        new ConfigFile(config).write(GcmConfig.EMPTY
                .with(new GcmConfig.Context("lab", "http://lab:8080", "lab.token", null, "3s"))
                .with(new GcmConfig.Context("prod", "https://prod:8443", null, null, null)).using("lab"));
        Map<String, String> env = new HashMap<>(Map.of("GCM_CONFIG", config.toString()));

        PlannerClient.Settings fromContext = settings(env, "hosts");
        assertThat(fromContext.planners()).containsExactly("http://lab:8080");
        assertThat(fromContext.token()).isEqualTo("lab-token-0123456789");
        assertThat(fromContext.timeout()).hasSeconds(3);

        env.put("GCM_PLANNER", "http://env:8080");
        env.put("GCM_TOKEN", "env-token-0123456789");
        PlannerClient.Settings fromEnv = settings(env, "hosts");
        assertThat(fromEnv.planners()).containsExactly("http://env:8080");
        assertThat(fromEnv.token()).isEqualTo("env-token-0123456789");

        PlannerClient.Settings fromFlags = settings(env, "--planner", "http://flag:8080", "hosts", "--token",
                "flag-token-0123456789", "--timeout", "7s");
        assertThat(fromFlags.planners()).containsExactly("http://flag:8080");
        assertThat(fromFlags.token()).isEqualTo("flag-token-0123456789");
        assertThat(fromFlags.timeout()).hasSeconds(7);

        env.remove("GCM_PLANNER");
        env.put("GCM_CONTEXT", "prod");
        assertThat(settings(env, "hosts").planners()).containsExactly("https://prod:8443");
        assertThat(settings(env, "--context", "lab", "hosts").planners()).containsExactly("http://lab:8080");
        env.put("GCM_CONTEXT", "staging");
        CliRun unknown = CliRun.withEnv(env, "hosts");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no context 'staging'").contains("its contexts: lab, prod");
    }

    @Test
    void aTokenIsNeverStoredInTheFile(@TempDir Path dir) {
        CliRun run = gcm(dir.resolve("config.yaml"), "config", "set-context", "x", "--token", "secret-0123456789");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("store the token in a file", "--token-file");
        assertThat(dir.resolve("config.yaml")).doesNotExist();
        CliRun bad = gcm(dir.resolve("config.yaml"), "config", "set-context", "x", "--planner", "gcm.example:8443");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("must start with http:// or https://");
    }
}
