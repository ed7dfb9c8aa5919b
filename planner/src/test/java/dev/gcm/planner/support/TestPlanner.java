package dev.gcm.planner.support;

import dev.gcm.planner.Planner;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.auth.TokenStore;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One real planner member in this JVM, alone in a cluster of its own, with a token per role. */
public final class TestPlanner implements AutoCloseable {

    public static final String AGENT_H1 = "agent-h1-token-0123456789";
    public static final String AGENT_H2 = "agent-h2-token-0123456789";
    public static final String READER = "reader-token-0123456789";
    public static final String GATE = "gate-token-0123456789";
    public static final String ADMIN = "admin-token-0123456789";

    private final Planner planner;
    private final Http http;

    private TestPlanner(Planner planner) {
        this.planner = planner;
        this.http = new Http(planner.httpPort());
    }

    public static TestPlanner start(Map<String, String> extraEnv) throws Exception {
        return start(extraEnv, Optional.empty());
    }

    /** A member with this environment over the defaults (which give it a cluster of its own) and this cluster secret. */
    public static TestPlanner start(Map<String, String> extraEnv, Optional<byte[]> secret) throws Exception {
        Path tokens = Files.createTempFile("gcm-tokens", ".json");
        Files.writeString(tokens, "{\"tokens\": ["
                + "{\"token\": \"" + AGENT_H1 + "\", \"role\": \"agent\", \"host\": \"h1\"},"
                + "{\"token\": \"" + AGENT_H2 + "\", \"role\": \"agent\", \"host\": \"h2\"},"
                + "{\"token\": \"" + READER + "\", \"role\": \"reader\"},"
                + "{\"token\": \"" + GATE + "\", \"role\": \"gate\"},"
                + "{\"token\": \"" + ADMIN + "\", \"role\": \"admin\"}]}");
        Map<String, String> env = new HashMap<>();
        env.put("GCM_HTTP_PORT", "0");
        env.put("GCM_HTTP_HOST", "127.0.0.1");
        env.put("GCM_HZ_PORT", String.valueOf(freePort()));
        env.put("GCM_CLUSTER_NAME", "test-" + UUID.randomUUID());
        env.put("GCM_TOKENS_FILE", tokens.toString());
        env.putAll(extraEnv);
        PlannerConfig config = PlannerConfig.buildFromMap(env);
        return new TestPlanner(Planner.start(config, Optional.of(TokenStore.load(tokens)), secret));
    }

    /** Ports this JVM's tests were given: the kernel may offer a port just closed again, before anyone binds it. */
    private static final Set<Integer> GIVEN = new HashSet<>();

    /**
     * A port free now and not given before in this JVM (three members' ports asked for in a row once came back
     * as two alike, and the cluster never formed).
     */
    public static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (GIVEN.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

    public Http http() {
        return http;
    }

    /** The member itself (its services, a reconcile on demand). */
    public Planner planner() {
        return planner;
    }

    /** The HTTP port (for clients other than {@link #http()}). */
    public int port() {
        return planner.httpPort();
    }

    @Override
    public void close() {
        planner.close();
    }
}
