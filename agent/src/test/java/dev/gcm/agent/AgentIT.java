package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.hypervisor.probe.HypervisorProbe;
import dev.gcm.hypervisor.probe.ProbeSpec;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.planner.support.TestPlanner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent against a real planner over real HTTP. */
class AgentIT {

    private static final String A1 = TestPlanner.AGENT_H1;
    private static final String ADMIN = TestPlanner.ADMIN;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TestPlanner planner;
    private String base;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startPlanner() throws Exception {
        planner = TestPlanner.start(Map.of());
        base = planner.http().toString();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        planner.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode plannerHost(String id) throws Exception {
        HttpResponse<String> r = get(base + "/api/v1/hosts/" + id, ADMIN);
        return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
    }

    private AgentConfig config(String urls, String token, String heartbeat) {
        return AgentConfig.buildFromMap(Map.of("GCM_PLANNER_URLS", urls, "GCM_TOKEN", token, "GCM_HOST_ID", "h1",
                "GCM_LABELS", "zone=a,rack=r7", "GCM_PROBE", "simulated", "GCM_SIM_MODEL", "gen15a",
                "GCM_SIM_MASK", "vxeh2", "GCM_HEARTBEAT_INTERVAL", heartbeat, "GCM_PROBE_INTERVAL", "1h",
                "GCM_AGENT_PORT", "0"));
    }

    /** A probe that counts its calls. */
    private static HypervisorProbe counting(ProbeSpec spec, AtomicInteger calls) {
        HypervisorProbe real = spec.build(Catalog.load());
        return new HypervisorProbe() {
            @Override
            public String kind() {
                return real.kind();
            }

            @Override
            public dev.gcm.hypervisor.record.HostCapabilities probe() throws dev.gcm.hypervisor.probe.ProbeException {
                calls.incrementAndGet();
                return real.probe();
            }
        };
    }

    private Agent agent(AgentConfig c, HypervisorProbe probe, java.util.function.Supplier<String> fingerprint,
                        PrometheusMeterRegistry metrics) {
        Agent a = new Agent(c, probe, new Publisher(new PlannerCalls(c.plannerUrls(), TokenSource.of(c), c.cacert()),
                Duration.ofSeconds(5)), fingerprint, metrics);
        open.add(a);
        return a;
    }

    @Test
    void publishesHeartbeatsAndServesItsEndpoint() throws Exception {
        AgentConfig c = config(base, A1, "1s");
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Agent agent = agent(c, c.probe().build(Catalog.load()), () -> "fixed", metrics);
        AgentEndpoint endpoint = new AgentEndpoint(0, agent, metrics);
        open.add(endpoint);
        agent.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> plannerHost("h1") != null);
        JsonNode first = plannerHost("h1");
        assertThat(first.get("record").get("labels").get("zone").asText()).isEqualTo("a");
        assertThat(first.get("definition").asText()).isEqualTo("gen15a");
        long seq1 = first.get("seq").asLong();
        await().atMost(Duration.ofSeconds(20)).until(() -> plannerHost("h1").get("seq").asLong() > seq1);

        String ep = "http://127.0.0.1:" + endpoint.port();
        assertThat(get(ep + "/livez", null).statusCode()).isEqualTo(200);
        assertThat(get(ep + "/readyz", null).statusCode()).isEqualTo(200);
        var record = HostRecordJson.read(get(ep + "/record", null).body().getBytes());
        assertThat(record.hostId()).isEqualTo("h1");
        assertThat(record.bootId()).isEqualTo(agent.bootId());
        assertThat(get(ep + "/metrics", null).body()).contains("gcm_agent_publish_total{outcome=\"stored\"}")
                .contains("gcm_agent_seq");
    }

    @Test
    void triesThePlannerUrlsInTurn() throws Exception {
        AgentConfig c = config("http://127.0.0.1:" + freePort() + "," + base, A1, "30s");
        agent(c, c.probe().build(Catalog.load()), () -> "fixed", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .start();
        await().atMost(Duration.ofSeconds(20)).until(() -> plannerHost("h1") != null);
    }

    @Test
    void aRefusalIsLoggedNotRetriedBlindly() throws Exception {
        AgentConfig c = config(base, "not-a-known-token-0123", "30s");
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Agent a = agent(c, c.probe().build(Catalog.load()), () -> "fixed", metrics);
        a.tick();
        assertThat(metrics.get("gcm.agent.publish").tag("outcome", "refused").counter().count()).isEqualTo(1);
        assertThat(a.ready()).isFalse();
        assertThat(plannerHost("h1")).isNull();
    }

    @Test
    void aHypervisorChangeTriggersAProbe() throws Exception {
        AgentConfig c = config(base, A1, "30s");
        AtomicInteger probes = new AtomicInteger();
        AtomicReference<String> fingerprint = new AtomicReference<>("qemu 7.2");
        Agent a = agent(c, counting(c.probe(), probes), fingerprint::get,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        a.tick();
        a.tick();
        assertThat(probes.get()).isEqualTo(1);
        fingerprint.set("qemu 8.0");
        a.tick();
        assertThat(probes.get()).isEqualTo(2);
    }

    @Test
    void theNewerAgentWinsAReplayIsRefusedAndLeavingIsMarked() throws Exception {
        AgentConfig c = config(base, A1, "30s");
        Agent older = agent(c, c.probe().build(Catalog.load()), () -> "fixed",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        older.tick();
        String olderReport = HostRecordJson.write(older.lastPublished().orElseThrow());
        Thread.sleep(5);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Agent newer = agent(c, c.probe().build(Catalog.load()), () -> "fixed", metrics);
        newer.tick();
        assertThat(plannerHost("h1").get("record").get("bootId").asText()).isEqualTo(newer.bootId());

        // a replay of the older agent's report is older than what the planner holds
        HttpResponse<String> replay = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hosts/h1"))
                .header("Authorization", "Bearer " + A1).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(olderReport)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(plannerHost("h1").get("record").get("bootId").asText()).isEqualTo(newer.bootId());

        newer.close();
        JsonNode left = plannerHost("h1");
        assertThat(left).isNotNull();
        assertThat(left.get("record").get("labels").get(Agent.LEAVING_LABEL).asText()).isEqualTo("true");
    }

    @Test
    void aClockThatWentBackCostsOneRoundTrip() throws Exception {
        // an earlier boot of this host's agent reported with a clock an hour ahead of today's
        long ahead = (System.currentTimeMillis() + 3_600_000L) * 1000;
        String earlier = dev.gcm.planner.support.Fleet.json(dev.gcm.planner.support.Fleet.record("h1", "gen15a", ahead));
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/hosts/h1"))
                .header("Authorization", "Bearer " + A1).header("content-type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(earlier)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        AgentConfig c = config(base, A1, "30s");
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Agent a = agent(c, c.probe().build(Catalog.load()), () -> "fixed", metrics);
        a.tick();
        JsonNode stored = plannerHost("h1");
        assertThat(stored.get("record").get("bootId").asText()).isEqualTo(a.bootId());
        assertThat(stored.get("seq").asLong()).isGreaterThan(ahead);
        assertThat(metrics.get("gcm.agent.publish").tag("outcome", "stale").counter().count()).isEqualTo(1);
        assertThat(metrics.get("gcm.agent.publish").tag("outcome", "stored").counter().count()).isEqualTo(1);
    }
}
