package dev.gcm.cli.online;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How to reach the planner: where, with which token, how long to wait, which certificates to trust. */
public final class PlannerOptions {

    @Option(names = "--planner", paramLabel = "URL", split = ",",
            description = "Planner URL, e.g. https://gcm.example:8443 (repeat or comma-separate to try several"
                    + " in turn; default: $GCM_PLANNER, else http://127.0.0.1:8080).")
    List<String> planners = new ArrayList<>();

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "API token (default: $GCM_TOKEN). Prefer the variable or --token-file: arguments show in ps.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the API token from this file.")
    Path tokenFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Time allowed per request, e.g. 500ms, 10s, 1m (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--cacert", paramLabel = "PEM",
            description = "Trust the planner certificates signed by these CA certificates (PEM), besides the"
                    + " system's (default: $GCM_CACERT).")
    Path cacert;

    /** The options, with the environment filling what the command line left out. */
    public PlannerClient.Settings settings(java.util.function.Function<String, String> env) {
        List<String> urls = new ArrayList<>(planners);
        if (urls.isEmpty()) {
            String fromEnv = env.apply("GCM_PLANNER");
            urls.addAll(fromEnv == null || fromEnv.isBlank() ? List.of("http://127.0.0.1:8080")
                    : List.of(fromEnv.split(",")));
        }
        String tok = token;
        if (tok == null && tokenFile != null) {
            try {
                tok = java.nio.file.Files.readString(tokenFile).strip();
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read --token-file " + tokenFile + ": " + e.getMessage());
            }
        }
        if (tok == null) {
            tok = env.apply("GCM_TOKEN");
        }
        Path ca = cacert;
        if (ca == null && env.apply("GCM_CACERT") != null && !env.apply("GCM_CACERT").isBlank()) {
            ca = Path.of(env.apply("GCM_CACERT"));
        }
        return new PlannerClient.Settings(urls.stream().map(String::strip).filter(u -> !u.isEmpty()).toList(),
                tok == null || tok.isBlank() ? null : tok.strip(), duration(timeout, "--timeout"), ca);
    }

    /** A positive duration such as 500ms, 10s, 5m, 2h or 1d. */
    static Duration duration(String text, String option) {
        Duration d = dev.gcm.hypervisor.env.EnvValues.duration(java.util.Map.of(option, text), option, Duration.ZERO);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(option + " must be positive, got '" + text + "'");
        }
        return d;
    }
}
