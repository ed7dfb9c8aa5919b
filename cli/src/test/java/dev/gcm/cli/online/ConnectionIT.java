package dev.gcm.cli.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.cli.CliRun;
import dev.gcm.cli.ExitCodes;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.SelfSignedCert;
import dev.gcm.planner.support.TestPlanner;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reaching the planner: failover across URLs, exit 3 when none answers, TLS trust, and the event stream. */
class ConnectionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anUnreachablePlannerGivesExitThree() throws Exception {
        int closed = TestPlanner.freePort();
        CliRun refused = CliRun.of("check", "--guest", "g", "--target", "h1", "--planner", "http://127.0.0.1:" + closed);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(refused.err()).contains("connection refused");

        try (ServerSocket silent = new ServerSocket(0)) {
            CliRun timeout = CliRun.of("hosts", "--planner", "http://127.0.0.1:" + silent.getLocalPort(),
                    "--timeout", "300ms");
            assertThat(timeout.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(timeout.err()).contains("no answer within 300 ms");
        }
    }

    @Test
    void theNextPlannerIsTriedWhenOneIsDown() throws Exception {
        try (TestPlanner p = TestPlanner.start(Map.of())) {
            String urls = "http://127.0.0.1:" + TestPlanner.freePort() + "," + p.http();
            CliRun run = CliRun.of("hosts", "--planner", urls, "--token", TestPlanner.READER);
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    void httpsIsTrustedWithTheGivenCaCertificate(@TempDir Path dir) throws Exception {
        SelfSignedCert tls = SelfSignedCert.create(dir);
        Path cert = tls.cert();
        Path key = tls.key();
        try (TestPlanner p = TestPlanner.start(tls.plannerEnv())) {
            String https = p.http().toString().replace("http://", "https://");
            CliRun untrusted = CliRun.of("hosts", "--planner", https, "--token", TestPlanner.READER);
            assertThat(untrusted.exitCode()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(untrusted.err()).contains("TLS");
            CliRun trusted = CliRun.of("hosts", "--planner", https, "--token", TestPlanner.READER,
                    "--cacert", cert.toString());
            assertThat(trusted.exitCode()).as(trusted.err()).isZero();
            CliRun notPem = CliRun.of("hosts", "--planner", https, "--cacert", key.toString());
            assertThat(notPem.exitCode()).isEqualTo(ExitCodes.USAGE);
        }
    }

    @Test
    void theEnvironmentFillsWhatTheCommandLineLeavesOut() {
        PlannerOptions options = new PlannerOptions();
        options.timeout = "2s";
        Map<String, String> env = Map.of("GCM_PLANNER", "https://a:8443,https://b:8443", "GCM_TOKEN", "t0k3n",
                "GCM_CONFIG", dev.gcm.cli.CliRun.NO_CONFIG.toString());
        PlannerClient.Settings s = options.settings(env::get);
        assertThat(s.planners()).containsExactly("https://a:8443", "https://b:8443");
        assertThat(s.token()).isEqualTo("t0k3n");
        assertThat(s.timeout()).hasSeconds(2);
        options.planners = List.of("http://c:8080");
        options.token = "given";
        assertThat(options.settings(env::get).planners()).containsExactly("http://c:8080");
        assertThat(options.settings(env::get).token()).isEqualTo("given");
        PlannerOptions defaults = new PlannerOptions();
        defaults.timeout = "10s";
        assertThat(defaults.settings(Map.of("GCM_CONFIG", dev.gcm.cli.CliRun.NO_CONFIG.toString())::get).planners())
                .containsExactly("http://127.0.0.1:8080");
        CliRun badUrl = CliRun.of("hosts", "--planner", "ftp://x");
        assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUrl.err()).contains("http:// or https://");
        assertThat(CliRun.of("hosts", "--timeout", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aFailingPlannerGivesExitFourNotAUsageError() throws Exception {
        // a planner that fails (HTTP 500), as one with a bug or a broken grid would: the caller did nothing wrong
        com.sun.net.httpserver.HttpServer failing = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        failing.createContext("/", exchange -> {
            byte[] body = "{\"code\": \"INTERNAL\", \"message\": \"the index is being rebuilt\"}".getBytes();
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        failing.start();
        try {
            String url = "http://127.0.0.1:" + failing.getAddress().getPort();
            CliRun run = CliRun.of("hosts", "--planner", url);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.PLANNER_ERROR);
            assertThat(run.err()).contains("the index is being rebuilt").contains("HTTP 500").contains("the planner failed");
            assertThat(CliRun.of("check", "--guest", "g", "--target", "h", "--planner", url).exitCode())
                    .isEqualTo(ExitCodes.PLANNER_ERROR);
        } finally {
            failing.stop(0);
        }
    }

    @Test
    void aPlannerUrlWithoutSchemeIsNamedAsSuch() {
        CliRun run = CliRun.of("hosts", "--planner", "127.0.0.1:28431");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("gcm: error: planner URL must start with http:// or https://, got"
                + " '127.0.0.1:28431' (did you mean http://127.0.0.1:28431 or https://127.0.0.1:28431?)\n");
        CliRun env = CliRun.withEnv(Map.of("GCM_PLANNER", "planner.example:8443"), "hosts");
        assertThat(env.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(env.err()).contains("planner URL must start with http:// or https://");
    }

    @Test
    void watchPrintsTheGcmAndEachChange() throws Exception {
        try (TestPlanner p = TestPlanner.start(Map.of())) {
            assertThat(p.http().put("/api/v1/hosts/h1", TestPlanner.AGENT_H1,
                    Fleet.json(Fleet.record("h1", "gen15a", 1))).status()).isEqualTo(200);
            CompletableFuture<CliRun> watch = CompletableFuture.supplyAsync(() -> CliRun.of("watch", "--changes", "1",
                    "-o", "json", "--planner", p.http().toString(), "--token", TestPlanner.READER));
            // the first line is the current GCM; wait for the watcher to be connected before changing it
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> watchConnected(p));
            assertThat(p.http().put("/api/v1/hosts/h2", TestPlanner.AGENT_H2,
                    Fleet.json(Fleet.record("h2", "z13", 1))).status()).isEqualTo(200);
            CliRun run = watch.get(20, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> lines = run.out().lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode first = JSON.readTree(lines.get(0));
            JsonNode second = JSON.readTree(lines.get(1));
            assertThat(first.path("kind").asText()).isEqualTo("GcmChange");
            assertThat(first.path("gcm").asText()).isEqualTo("gen15a");
            assertThat(second.path("gcm").asText()).isEqualTo("z13");
            assertThat(second.path("hostCount").asInt()).isEqualTo(2);
        }
    }

    /** The watcher is connected once the planner has an open event stream (seen in its HTTP metrics). */
    private static boolean watchConnected(TestPlanner p) {
        return p.http().get("/metrics", null).body().lines()
                .anyMatch(l -> l.startsWith("gcm_events_subscribers") && !l.endsWith(" 0.0"));
    }
}
