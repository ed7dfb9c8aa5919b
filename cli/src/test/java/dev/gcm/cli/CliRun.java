package dev.gcm.cli;

import dev.gcm.cli.input.InputSource;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * One in-process run of gcm with captured output, for tests. The environment gcm sees is the test's own
 * (by default only a configuration file that does not exist), never the test JVM's or the user's.
 */
public record CliRun(int exitCode, String out, String err) {

    /** No configuration file: the user's ~/.config/gcm is never read or written by a test. */
    public static final Path NO_CONFIG = Path.of(System.getProperty("java.io.tmpdir"), "gcm-test-no-config",
            "none-" + ProcessHandle.current().pid() + ".yaml");

    public static CliRun of(String... args) {
        return withStdin("", args);
    }

    public static CliRun withStdin(String stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    /** With these environment variables (GCM_CONFIG defaults to a file that does not exist). */
    public static CliRun withEnv(Map<String, String> env, String... args) {
        return run(env, "", args);
    }

    private static CliRun run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new HashMap<>(Map.of("GCM_CONFIG", NO_CONFIG.toString()));
        all.putAll(env);
        Env.use(all::get);
        InputSource.useStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
