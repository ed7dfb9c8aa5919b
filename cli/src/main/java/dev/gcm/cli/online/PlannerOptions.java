package dev.gcm.cli.online;

import dev.gcm.cli.Suggest;
import dev.gcm.cli.config.ConfigFile;
import dev.gcm.cli.config.GcmConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * How to reach the planner, given before or after any command ({@code gcm --planner URL hosts} and
 * {@code gcm hosts --planner URL} are the same). Each setting comes from, first to last: the flag, the
 * environment variable, the context ({@code --context}, {@code $GCM_CONTEXT}, or the configuration's
 * current context), the default.
 */
public final class PlannerOptions {

    /** The options that take a value (what the command line builder skips to find the command's name). */
    public static final java.util.Set<String> VALUED = java.util.Set.of("--planner", "--token", "--token-file",
            "--timeout", "--cacert", "--context");

    static final String DEFAULT_PLANNER = "http://127.0.0.1:8080";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--planner", paramLabel = "URL", split = ",", scope = ScopeType.INHERIT,
            description = "Planner URL, e.g. https://gcm.example:8443 (repeat or comma-separate to try several in turn;"
                    + " default: $GCM_PLANNER, the context's, else " + DEFAULT_PLANNER + ").")
    List<String> planners = new ArrayList<>();

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "API token (default: $GCM_TOKEN, else the context's token file). Prefer --token-file or the"
                    + " variable: arguments show in ps.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the API token from this file.")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "Time allowed per request, e.g. 500ms, 10s, 1m (default: the context's, else 10s; "
                    + "for gcm probe,"
                    + " the time allowed QEMU and QMP: 30s).")
    String timeout;

    @Option(names = "--cacert", paramLabel = "PEM", scope = ScopeType.INHERIT,
            description = "Trust planner certificates signed by these CA certificates (PEM), besides the system's"
                    + " (default: $GCM_CACERT, else the context's).")
    Path cacert;

    @Option(names = "--context", paramLabel = "CONTEXT", scope = ScopeType.INHERIT,
            description = "Use this context of the configuration file (default: $GCM_CONTEXT, else its current "
                    + "context).")
    String context;

    /** The planner URLs given with --planner (for commands that store them, such as config set-context). */
    public List<String> plannerFlag() {
        return List.copyOf(planners);
    }

    public Path tokenFileFlag() {
        return tokenFile;
    }

    public Path cacertFlag() {
        return cacert;
    }

    public String timeoutFlag() {
        return timeout;
    }

    public boolean tokenGiven() {
        return token != null;
    }

    /** The settings, from the flags, then the environment, then the context. */
    public PlannerClient.Settings settings(Function<String, String> env) {
        ConfigFile file = ConfigFile.locate(env);
        Optional<GcmConfig.Context> ctx = context(env, file);
        List<String> urls = new ArrayList<>(planners);
        if (urls.isEmpty()) {
            String fromEnv = env.apply("GCM_PLANNER");
            String fromContext = ctx.map(GcmConfig.Context::planner).orElse(null);
            String chosen = present(fromEnv) ? fromEnv : present(fromContext) ? fromContext : DEFAULT_PLANNER;
            urls.addAll(List.of(chosen.split(",")));
        }
        String tok = token;
        if (tok == null && tokenFile != null) {
            tok = readToken(tokenFile, "--token-file");
        }
        if (tok == null && present(env.apply("GCM_TOKEN"))) {
            tok = env.apply("GCM_TOKEN");
        }
        if (tok == null && ctx.isPresent() && present(ctx.get().tokenFile())) {
            tok = readToken(file.resolve(ctx.get().tokenFile()), "the token file of context '" + ctx.get().name() + "'");
        }
        Path ca = cacert;
        if (ca == null && present(env.apply("GCM_CACERT"))) {
            ca = Path.of(env.apply("GCM_CACERT"));
        }
        if (ca == null && ctx.isPresent() && present(ctx.get().cacert())) {
            ca = file.resolve(ctx.get().cacert());
        }
        String time = timeout != null ? timeout : ctx.map(GcmConfig.Context::timeout).orElse(null);
        return new PlannerClient.Settings(urls.stream().map(String::strip).filter(u -> !u.isEmpty()).toList(),
                tok == null || tok.isBlank() ? null : tok.strip(),
                time == null ? DEFAULT_TIMEOUT : duration(time, "--timeout"), ca);
    }

    /** The context asked for (flag, then $GCM_CONTEXT), else the configuration's current one, if any. */
    private Optional<GcmConfig.Context> context(Function<String, String> env, ConfigFile file) {
        String asked = context != null ? context : env.apply("GCM_CONTEXT");
        GcmConfig config = file.read();
        if (!present(asked)) {
            return config.currentContext() == null ? Optional.empty() : config.context(config.currentContext());
        }
        return Optional.of(config.context(asked).orElseThrow(() -> new IllegalArgumentException("no context '" + asked
                + "' in " + file.path() + Suggest.hint(asked, config.names())
                + (config.names().isEmpty() ? " (it has none; add one with gcm config set-context)"
                : " (its contexts: " + String.join(", ", config.names()) + ")"))));
    }

    private static String readToken(Path file, String what) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** A positive duration such as 500ms, 10s, 5m, 2h or 1d. */
    public static Duration duration(String text, String option) {
        Duration d = dev.gcm.hypervisor.env.EnvValues.duration(Map.of(option, text), option, Duration.ZERO);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, got '" + text + "'");
        }
        return d;
    }
}
