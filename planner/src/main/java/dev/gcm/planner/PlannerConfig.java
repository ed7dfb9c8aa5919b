package dev.gcm.planner;

import java.nio.file.Path;
import dev.gcm.hypervisor.env.EnvValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The planner's configuration, from environment variables (see planner/README.md).
 *
 * @param expectedMembers members the cluster is meant to have; the grid needs a majority of them
 * @param hzHost          the one address the Hazelcast member port is bound to (and advertised)
 * @param stateDir        where this member keeps its hard-state journal (and, by default, its audit file)
 * @param auditDir        where this member appends the decisions it returned
 * @param tombstoneTtl    how long a decommissioned host's reports are refused unless it is recommissioned
 * @param clusterSecretFile the secret members prove to each other
 * @param api             the HTTP front door's sizes and limits
 */
public record PlannerConfig(int httpPort, String httpHost, String clusterName, int hzPort, List<String> members,
                            Optional<String> k8sServiceDns, Optional<Path> tokensFile, boolean insecure,
                            Optional<Path> tlsCert, Optional<Path> tlsKey, Duration staleAfter, Duration expireAfter,
                            Duration reconcileEvery, int expectedMembers, int decisionLogSize, String hzHost,
                            Optional<Path> stateDir, Optional<Path> auditDir, Duration tombstoneTtl,
                            Optional<Path> clusterSecretFile, ApiConfig api) {

    /** Every environment variable the planner reads (the Helm chart's tests hold the chart to this list). */
    public static final List<String> VARIABLES = Stream.concat(Stream.of("GCM_HTTP_PORT", "GCM_HTTP_HOST", "GCM_CLUSTER_NAME",
            "GCM_HZ_PORT", "GCM_MEMBERS", "GCM_K8S_SERVICE_DNS", "GCM_TOKENS_FILE", "GCM_INSECURE", "GCM_TLS_CERT",
            "GCM_TLS_KEY", "GCM_STALE_AFTER", "GCM_EXPIRE_AFTER", "GCM_RECONCILE_EVERY", "GCM_EXPECTED_MEMBERS",
            "GCM_DECISION_LOG_SIZE", "GCM_HZ_HOST", "GCM_STATE_DIR", "GCM_AUDIT_DIR", "GCM_TOMBSTONE_TTL",
            "GCM_CLUSTER_SECRET_FILE"), ApiConfig.VARIABLES.stream()).toList();

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_HZ_PORT = 5701;

    /** Whether this member is meant to have company (a member list or Kubernetes discovery). */
    public boolean clustered() {
        return !members.isEmpty() || k8sServiceDns.isPresent();
    }

    /** Builds the configuration from a map of environment variables; bad values are errors that name them. */
    public static PlannerConfig buildFromMap(Map<String, String> env) {
        List<String> members = Arrays.stream(env.getOrDefault("GCM_MEMBERS", "").split(","))
                .map(String::trim).filter(m -> !m.isEmpty()).toList();
        Optional<Path> cert = path(env, "GCM_TLS_CERT");
        Optional<Path> key = path(env, "GCM_TLS_KEY");
        if (cert.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException("GCM_TLS_CERT and GCM_TLS_KEY go together");
        }
        int expected = integer(env, "GCM_EXPECTED_MEMBERS", members.size() + 1);
        Optional<String> dns = Optional.ofNullable(env.get("GCM_K8S_SERVICE_DNS")).filter(s -> !s.isBlank());
        Optional<String> hzHost = Optional.ofNullable(env.get("GCM_HZ_HOST")).map(String::trim).filter(s -> !s.isEmpty());
        if (hzHost.isEmpty() && (!members.isEmpty() || dns.isPresent())) {
            throw new IllegalArgumentException("GCM_HZ_HOST is required with GCM_MEMBERS or GCM_K8S_SERVICE_DNS: the one"
                    + " address the member port is bound to (the pod IP in Kubernetes)");
        }
        Optional<Path> stateDir = path(env, "GCM_STATE_DIR");
        Optional<Path> auditDir = path(env, "GCM_AUDIT_DIR").or(() -> stateDir.map(d -> d.resolve("audit")));
        return new PlannerConfig(
                port(env, "GCM_HTTP_PORT", DEFAULT_HTTP_PORT),
                env.getOrDefault("GCM_HTTP_HOST", "0.0.0.0"),
                env.getOrDefault("GCM_CLUSTER_NAME", "gcm"),
                port(env, "GCM_HZ_PORT", DEFAULT_HZ_PORT),
                members,
                dns,
                path(env, "GCM_TOKENS_FILE"),
                Boolean.parseBoolean(env.getOrDefault("GCM_INSECURE", "false")),
                cert, key,
                EnvValues.duration(env, "GCM_STALE_AFTER", Duration.ofSeconds(90)),
                EnvValues.duration(env, "GCM_EXPIRE_AFTER", Duration.ofDays(7)),
                EnvValues.duration(env, "GCM_RECONCILE_EVERY", Duration.ofSeconds(30)),
                expected,
                integer(env, "GCM_DECISION_LOG_SIZE", 10_000),
                hzHost.orElse("127.0.0.1"),
                stateDir, auditDir,
                EnvValues.duration(env, "GCM_TOMBSTONE_TTL", Duration.ofDays(7)),
                path(env, "GCM_CLUSTER_SECRET_FILE"),
                ApiConfig.buildFromMap(env));
    }

    /** The effective configuration for the start-up log; holds no secret (the tokens file is only named). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("GCM_HTTP_PORT", httpPort);
        m.put("GCM_HTTP_HOST", httpHost);
        m.put("GCM_CLUSTER_NAME", clusterName);
        m.put("GCM_HZ_PORT", hzPort);
        m.put("GCM_MEMBERS", String.join(",", members));
        m.put("GCM_K8S_SERVICE_DNS", k8sServiceDns.orElse(""));
        m.put("GCM_TOKENS_FILE", tokensFile.map(Path::toString).orElse(""));
        m.put("GCM_INSECURE", insecure);
        m.put("GCM_TLS_CERT", tlsCert.map(Path::toString).orElse(""));
        m.put("GCM_STALE_AFTER", staleAfter);
        m.put("GCM_EXPIRE_AFTER", expireAfter);
        m.put("GCM_EXPECTED_MEMBERS", expectedMembers);
        m.put("GCM_HZ_HOST", hzHost);
        m.put("GCM_STATE_DIR", stateDir.map(Path::toString).orElse(""));
        m.put("GCM_AUDIT_DIR", auditDir.map(Path::toString).orElse(""));
        m.put("GCM_TOMBSTONE_TTL", tombstoneTtl);
        m.put("GCM_CLUSTER_SECRET_FILE", clusterSecretFile.map(Path::toString).orElse(""));
        m.put("GCM_RECONCILE_EVERY", reconcileEvery);
        m.put("GCM_DECISION_LOG_SIZE", decisionLogSize);
        m.put("GCM_TLS_KEY", tlsKey.map(Path::toString).orElse(""));
        api.describe(m);
        return m;
    }

    private static Optional<Path> path(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(s -> !s.isBlank()).map(Path::of);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        int p = integer(env, name, fallback);
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(name + " must be a port (0-65535), got " + p);
        }
        return p;
    }

    static int integer(Map<String, String> env, String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

}
