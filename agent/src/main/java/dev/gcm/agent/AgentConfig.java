package dev.gcm.agent;

import dev.gcm.hypervisor.probe.ProbeSpec;
import java.net.URI;
import java.nio.file.Path;
import dev.gcm.hypervisor.env.EnvValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's configuration, from environment variables (see agent/README.md).
 *
 * @param tokenFile   where the token came from, read again when it changes
 * @param backoffMax  the longest wait between attempts after failures (and after a refusal)
 * @param hook        the migration hook: the agent's socket for it and the hook's own settings
 */
public record AgentConfig(List<URI> plannerUrls, Optional<String> token, String hostId, Map<String, String> labels,
                          ProbeSpec probe, Duration probeInterval, Duration heartbeatInterval, int port,
                          Duration requestTimeout, Optional<Path> cacert, Optional<Path> tokenFile, Duration backoffMax,
                          HookSettings hook) {

    /** Every environment variable the agent reads (the Helm chart's tests hold the chart to this list). */
    public static final List<String> VARIABLES = List.of("GCM_PLANNER_URLS", "GCM_TOKEN", "GCM_TOKEN_FILE",
            "GCM_CACERT", "GCM_HOST_ID", "NODE_NAME", "GCM_LABELS", "GCM_PROBE", "GCM_QEMU_BINARY", "GCM_QMP_SOCKET_DIR",
            "GCM_PROC_ROOT", "GCM_SIM_MODEL", "GCM_SIM_MASK", "GCM_SIM_SOFT", "GCM_SIM_IBC", "GCM_PROBE_INTERVAL",
            "GCM_HEARTBEAT_INTERVAL", "GCM_AGENT_PORT", "GCM_TIMEOUT", "GCM_LIBVIRT_URI", "GCM_LIBVIRT_MASK_FEATURES",
            "GCM_BACKOFF_MAX", "GCM_HOOK_SOCKET", "GCM_HOOK_TIMEOUT", "GCM_HOOK_ON_ERROR");

    /** The variables without which the agent does not start. */
    public static final List<String> REQUIRED = List.of("GCM_PLANNER_URLS");

    /**
     * Where libvirt's read-write socket is on a host that runs it (libvirtd, or virtqemud where libvirt runs
     * modular daemons): the libvirt probe is the default there.
     */
    public static final List<Path> LIBVIRT_SOCKETS = List.of(Path.of("/run/libvirt/libvirt-sock"),
            Path.of("/run/libvirt/virtqemud-sock"), Path.of("/var/run/libvirt/libvirt-sock"));

    public static AgentConfig buildFromMap(Map<String, String> env) {
        String urls = env.getOrDefault("GCM_PLANNER_URLS", "").trim();
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("GCM_PLANNER_URLS is required (comma-separated planner URLs)");
        }
        List<URI> planners = Arrays.stream(urls.split(",")).map(String::trim).filter(u -> !u.isEmpty()).map(u -> {
            URI uri = URI.create(u.endsWith("/") ? u.substring(0, u.length() - 1) : u);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("GCM_PLANNER_URLS: not an http(s) URL: " + u);
            }
            return uri;
        }).toList();
        String host = Optional.ofNullable(env.get("GCM_HOST_ID")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get("NODE_NAME")).filter(s -> !s.isBlank()))
                .orElseGet(AgentConfig::hostName);
        Duration timeout = EnvValues.duration(env, "GCM_TIMEOUT", Duration.ofSeconds(30));
        Optional<String> libvirtUri = text(env, "GCM_LIBVIRT_URI");
        ProbeSpec probe = new ProbeSpec(probeKind(env.get("GCM_PROBE"), libvirtUri),
                env.getOrDefault("GCM_QEMU_BINARY", "qemu-system-s390x"),
                Optional.ofNullable(env.get("GCM_QMP_SOCKET_DIR")).filter(s -> !s.isBlank()).map(Path::of),
                Path.of(env.getOrDefault("GCM_PROC_ROOT", "/proc")), env.getOrDefault("GCM_SIM_MODEL", "gen16a"),
                list(env.get("GCM_SIM_MASK")), list(env.get("GCM_SIM_SOFT")).stream().map(Integer::valueOf).toList(),
                Optional.ofNullable(env.get("GCM_SIM_IBC")).filter(s -> !s.isBlank()), timeout,
                new ProbeSpec.Libvirt(libvirtUri.orElse(ProbeSpec.DEFAULT_LIBVIRT_URI),
                        list(env.get("GCM_LIBVIRT_MASK_FEATURES"))));
        int port;
        try {
            port = Integer.parseInt(env.getOrDefault("GCM_AGENT_PORT", "9090"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("GCM_AGENT_PORT must be a port number");
        }
        Duration backoffMax = EnvValues.duration(env, "GCM_BACKOFF_MAX", Duration.ofMinutes(5));
        if (backoffMax.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("GCM_BACKOFF_MAX must be at least 1s, got " + backoffMax);
        }
        return new AgentConfig(planners, token(env), host,
                labels(env.getOrDefault("GCM_LABELS", "")), probe,
                EnvValues.duration(env, "GCM_PROBE_INTERVAL", Duration.ofMinutes(5)),
                EnvValues.duration(env, "GCM_HEARTBEAT_INTERVAL", Duration.ofSeconds(30)), port, timeout,
                Optional.ofNullable(env.get("GCM_CACERT")).filter(s -> !s.isBlank()).map(Path::of),
                text(env, "GCM_TOKEN_FILE").map(Path::of), backoffMax,
                HookSettings.fromEnv(env, probe.kind().equals("libvirt")));
    }

    /** GCM_PROBE, or where it is unset (or {@code auto}) libvirt wherever libvirtd's socket is, else qemu. */
    static String probeKind(String given, Optional<String> libvirtUri) {
        if (given != null && !given.isBlank() && !given.trim().equalsIgnoreCase("auto")) {
            return given.trim();
        }
        return libvirtUri.isPresent() || LIBVIRT_SOCKETS.stream().anyMatch(java.nio.file.Files::exists) ? "libvirt"
                : "qemu";
    }

    private static Optional<String> text(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** GCM_TOKEN, or the first line of the file GCM_TOKEN_FILE names (as a mounted Secret or host file). */
    private static Optional<String> token(Map<String, String> env) {
        Optional<String> file = Optional.ofNullable(env.get("GCM_TOKEN_FILE")).filter(s -> !s.isBlank());
        Optional<String> direct = Optional.ofNullable(env.get("GCM_TOKEN")).filter(s -> !s.isBlank());
        if (file.isPresent() && direct.isPresent()) {
            throw new IllegalArgumentException("set GCM_TOKEN or GCM_TOKEN_FILE, not both");
        }
        if (file.isEmpty()) {
            return direct;
        }
        try {
            String token = java.nio.file.Files.readString(Path.of(file.get())).strip();
            if (token.isEmpty()) {
                throw new IllegalArgumentException("GCM_TOKEN_FILE " + file.get() + " is empty");
            }
            return Optional.of(token);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("GCM_TOKEN_FILE: cannot read " + file.get() + ": " + e.getMessage());
        }
    }

    /** For the start-up log: everything but the token. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("GCM_PLANNER_URLS", plannerUrls);
        m.put("GCM_TOKEN", token.isPresent() ? "(set)" : "(none)");
        m.put("GCM_HOST_ID", hostId);
        m.put("GCM_LABELS", labels);
        m.put("GCM_PROBE", probe.kind());
        m.put("GCM_PROBE_INTERVAL", probeInterval);
        m.put("GCM_HEARTBEAT_INTERVAL", heartbeatInterval);
        m.put("GCM_AGENT_PORT", port);
        m.put("GCM_CACERT", cacert.map(Path::toString).orElse(""));
        m.put("GCM_TOKEN_FILE", tokenFile.map(Path::toString).orElse(""));
        if (probe.kind().equals("libvirt")) {
            m.put("GCM_LIBVIRT_URI", probe.libvirt().uri());
            if (!probe.libvirt().maskedFeatures().isEmpty()) {
                m.put("GCM_LIBVIRT_MASK_FEATURES", probe.libvirt().maskedFeatures() + " (for tests only)");
            }
        }
        m.put("GCM_BACKOFF_MAX", backoffMax);
        m.put("GCM_HOOK_SOCKET", hook.socket().map(Path::toString).orElse("off"));
        m.put("GCM_HOOK_TIMEOUT", hook.timeoutText());
        m.put("GCM_HOOK_ON_ERROR", hook.onError());
        return m;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    static Map<String, String> labels(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : list(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("GCM_LABELS: want k=v,k=v; got '" + pair + "'");
            }
            out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return out;
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

}
