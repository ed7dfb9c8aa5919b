package dev.gcm.planner.support;

import dev.gcm.planner.Planner;
import dev.gcm.planner.PlannerConfig;
import dev.gcm.planner.auth.TokenStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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

    /** Ports this JVM's tests were given: never given twice. */
    private static final Set<Integer> GIVEN = new HashSet<>();
    private static final int LOWEST = 10_000;
    private static final Random RANDOM = new Random();

    /**
     * A port free now, never given before in this JVM, and outside the kernel's range for ephemeral ports. A
     * port the kernel handed out (bind to 0) can come back as the next one handed out (three members once got
     * two alike), and while a killed member is down, its port may become the local end of any outgoing
     * connection on the machine, so that the member cannot bind it when it starts again; ports below that
     * range are taken only by those who ask for them by number.
     */
    public static synchronized int freePort() throws IOException {
        int below = ephemeralLow();
        for (int tries = 0; tries < 1000; tries++) {
            int port = LOWEST + RANDOM.nextInt(below - LOWEST);
            if (!GIVEN.contains(port) && bindable(port)) {
                GIVEN.add(port);
                return port;
            }
        }
        throw new IOException("no free port in " + LOWEST + ".." + (below - 1) + " after 1000 tries");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lowest port the kernel gives to outgoing connections (Linux; 32768 when it cannot be read). */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
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
