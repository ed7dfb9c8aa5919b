package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.planner.support.TestPlanner;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's retries across its ticks, driven tick by tick with a clock of the test's (one tick a second,
 * ten simulated minutes) against a real planner, a closed port and a missing QEMU: attempts back off to
 * the cap, a refusal is logged once and tried again at the cap or at once when the token changes, and
 * messages say what failed.
 */
class AgentBackoffIT {

    private static final long SEED = Long.getLong("gcm.seed", System.nanoTime());
    private static final long START = 1_000_000_000L;

    private TestPlanner planner;
    private final AtomicLong now = new AtomicLong(START);
    private PrometheusMeterRegistry metrics;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void start() throws Exception {
        System.out.println("AgentBackoffIT seed " + SEED + " (replay with -Dgcm.seed=" + SEED + ")");
        planner = TestPlanner.start(Map.of());
        metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        stderr = System.err;
        System.setErr(new PrintStream(new TeeStream(log, stderr), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(stderr);
        planner.close();
    }

    private Agent agent(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("GCM_HOST_ID", "h1", "GCM_PROBE", "simulated",
                "GCM_SIM_MODEL", "gen15a", "GCM_HEARTBEAT_INTERVAL", "30s", "GCM_PROBE_INTERVAL", "1h",
                "GCM_BACKOFF_MAX", "5m"));
        all.putAll(env);
        AgentConfig c = AgentConfig.buildFromMap(all);
        return new Agent(c, c.probe().build(Catalog.load()),
                new Publisher(new PlannerCalls(c.plannerUrls(), TokenSource.of(c), c.cacert()), c.requestTimeout()),
                () -> "fixed", metrics, now::get, new Random(SEED));
    }

    /** Ticks once a second for {@code seconds} simulated seconds. */
    private void run(Agent a, int seconds) {
        for (int i = 0; i < seconds; i++) {
            a.tick();
            now.addAndGet(1000);
        }
    }

    private double count(String name, String tag, String value) {
        var c = Search.in(metrics).name(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void anUnreachablePlannerIsTriedLessAndLessOftenUpToTheCap() throws Exception {
        Agent a = agent(Map.of("GCM_PLANNER_URLS", "http://127.0.0.1:" + closedPort(), "GCM_TOKEN", TestPlanner.AGENT_H1));
        run(a, 600);
        double attempts = count("gcm.agent.publish", "outcome", "unreachable");
        // nominal waits 1, 2, 4, ... 256 s, then the 300 s cap, each drawn from its upper half: 10 to 15 tries
        assertThat(attempts).as("seed " + SEED).isBetween(9.0, 16.0);
        assertThat(a.problem()).contains("connection refused").doesNotContain("null");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("connection refused").doesNotContain(": null");
    }

    @Test
    void aRefusalIsLoggedOnceAndTriedAgainAtTheCapOrWhenTheTokenChanges(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, TestPlanner.AGENT_H2 + "\n");   // the token of another host: 403
        Agent a = agent(Map.of("GCM_PLANNER_URLS", planner.http().toString(), "GCM_TOKEN_FILE", token.toString()));
        run(a, 599);
        assertThat(count("gcm.agent.publish", "outcome", "refused")).isEqualTo(2);   // at 0 s and at the cap, 300 s
        assertThat(log.toString(StandardCharsets.UTF_8).split("refused the record of h1", -1)).hasSize(2);
        assertThat(a.problem()).contains("403");
        Files.writeString(token, TestPlanner.AGENT_H1 + "\n");
        run(a, 1);
        assertThat(count("gcm.agent.publish", "outcome", "stored")).isEqualTo(1);
        assertThat(a.problem()).isEmpty();
        assertThat(a.ready()).isTrue();
    }

    @Test
    void aFailingProbeBacksOffTheSameWay() throws Exception {
        Agent a = agent(Map.of("GCM_PLANNER_URLS", planner.http().toString(), "GCM_TOKEN", TestPlanner.AGENT_H1,
                "GCM_PROBE", "qemu", "GCM_QEMU_BINARY", "/no/such/qemu-system-s390x"));
        run(a, 600);
        assertThat(count("gcm.agent.probes", "result", "failed")).as("seed " + SEED).isBetween(9.0, 16.0);
        assertThat(count("gcm.agent.publish", "outcome", "stored")).isZero();
        assertThat(a.problem()).contains("/no/such/qemu-system-s390x").doesNotContain("null");
    }

    /** Copies what the agent logs (slf4j-simple writes to System.err) to the test and to the console. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws java.io.IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
