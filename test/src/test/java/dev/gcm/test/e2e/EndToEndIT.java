package dev.gcm.test.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.facilitydb.gcm.GcmOptions;
import dev.gcm.facilitydb.json.CpuModelInfoJson;
import dev.gcm.facilitydb.model.CpuModel;
import dev.gcm.facilitydb.qemu.Comparison;
import dev.gcm.facilitydb.qemu.CpuModelInfo;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.hypervisor.record.ResolvedHost;
import dev.gcm.planner.support.JarProcess;
import dev.gcm.planner.support.TestPlanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three planner JVMs and eleven agent JVMs (ten simulated hosts of several generations with masked
 * features, one probing the real QEMU here), from agent report to gate decision, with failures.
 */
class EndToEndIT {

    private static final Path PLANNER_JAR = Path.of("..", "planner", "target", "gcm-planner.jar");
    private static final Path AGENT_JAR = Path.of("..", "agent", "target", "gcm-agent.jar");
    private static final String[] JVM = {"-Xmx200m", "-XX:TieredStopAtLevel=1"};

    private static final String ADMIN = "admin-token-0123456789";
    private static final String GATE = "gate-token-0123456789";
    private static final Catalog CATALOG = Catalog.load();
    private static final String[] DEFS = {"z14", "z14.2", "gen15a", "gen15b", "gen16a", "z14ZR1"};

    private final List<JarProcess> planners = new ArrayList<>();
    private final Map<String, JarProcess> agents = new LinkedHashMap<>();
    private final List<JarProcess> extra = new ArrayList<>();

    @AfterEach
    void stopAll() {
        agents.values().forEach(JarProcess::close);
        extra.forEach(JarProcess::close);
        planners.forEach(JarProcess::close);
    }

    private static String token(String host) {
        return "agent-" + host + "-token-0123456789";
    }

    @Test
    void fromAgentsToDecisionsThroughFailures(@TempDir Path dir) throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            hosts.add(String.format("h%02d", i));
        }
        hosts.add("qemu-h");
        StringBuilder tokens = new StringBuilder("{\"tokens\": [{\"token\": \"" + ADMIN + "\", \"role\": \"admin\"},"
                + "{\"token\": \"" + GATE + "\", \"role\": \"gate\"}");
        for (String h : hosts) {
            tokens.append(",{\"token\": \"").append(token(h)).append("\", \"role\": \"agent\", \"host\": \"").append(h)
                    .append("\"}");
        }
        Path tokenFile = dir.resolve("tokens.json");
        Files.writeString(tokenFile, tokens.append("]}").toString());

        int[] hz = {TestPlanner.freePort(), TestPlanner.freePort(), TestPlanner.freePort()};
        String members = "127.0.0.1:" + hz[0] + ",127.0.0.1:" + hz[1] + ",127.0.0.1:" + hz[2];
        String cluster = "e2e-" + UUID.randomUUID();
        Path secret = dir.resolve("cluster-secret");
        Files.writeString(secret, UUID.randomUUID().toString());
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int http = TestPlanner.freePort();
            planners.add(JarProcess.start(PLANNER_JAR, dir.resolve("planner-" + i + ".log"), http, Map.ofEntries(
                    Map.entry("GCM_HTTP_PORT", String.valueOf(http)), Map.entry("GCM_HTTP_HOST", "127.0.0.1"),
                    Map.entry("GCM_HZ_PORT", String.valueOf(hz[i])), Map.entry("GCM_HZ_HOST", "127.0.0.1"),
                    Map.entry("GCM_MEMBERS", members), Map.entry("GCM_EXPECTED_MEMBERS", "3"),
                    Map.entry("GCM_CLUSTER_NAME", cluster), Map.entry("GCM_CLUSTER_SECRET_FILE", secret.toString()),
                    Map.entry("GCM_STATE_DIR", dir.resolve("state-" + i).toString()),
                    Map.entry("GCM_TOKENS_FILE", tokenFile.toString()), Map.entry("GCM_STALE_AFTER", "4s"),
                    Map.entry("GCM_RECONCILE_EVERY", "2s")), JVM));
            urls.add("http://127.0.0.1:" + http);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> planners.stream().allMatch(JarProcess::ready));
        assertThat(planners.get(0).call("PUT", "/api/v1/pools/kvm", ADMIN, "{\"selector\": {\"pool\": \"kvm\"}}")
                .status()).isEqualTo(200);

        for (int i = 0; i < hosts.size(); i++) {
            String h = hosts.get(i);
            Map<String, String> env = new HashMap<>();
            List<String> rotated = new ArrayList<>(urls);
            java.util.Collections.rotate(rotated, i);
            env.put("GCM_PLANNER_URLS", String.join(",", rotated));
            env.put("GCM_TOKEN", token(h));
            env.put("GCM_HOST_ID", h);
            env.put("GCM_LABELS", h.equals("qemu-h") ? "pool=tcg" : "rack=r" + (i % 3) + ",pool=kvm");
            env.put("GCM_HEARTBEAT_INTERVAL", "1s");
            env.put("GCM_PROBE_INTERVAL", "1h");
            int port = TestPlanner.freePort();
            env.put("GCM_AGENT_PORT", String.valueOf(port));
            if (h.equals("qemu-h")) {
                env.put("GCM_PROBE", "qemu");
                env.put("GCM_QEMU_BINARY", System.getenv().getOrDefault("GCM_QEMU_BINARY", "qemu-system-s390x"));
            } else {
                env.put("GCM_PROBE", "simulated");
                // h01 is the fleet's only z13: it holds the GCM down
                env.put("GCM_SIM_MODEL", i == 0 ? "z13" : DEFS[i % DEFS.length]);
                env.put("GCM_SIM_MASK", i % 3 == 1 ? "vx" : i % 3 == 2 ? "kma-gcm-aes-256" : "");
            }
            agents.put(h, JarProcess.start(AGENT_JAR, dir.resolve("agent-" + h + ".log"), port, env, JVM));
        }
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> planners.stream()
                .allMatch(p -> p.get("/api/v1/hosts", ADMIN).json().path("hosts").size() == hosts.size()));

        // one GCM on every member, equal to the offline GCM of the same records
        Map<String, ResolvedHost> records = records(planners.get(0));
        List<GcmHost> kvmHosts = records.values().stream().filter(r -> "kvm".equals(r.record().labels().get("pool")))
                .map(ResolvedHost::toGcmHost).toList();
        assertThat(kvmHosts).hasSize(10);
        CpuModel offline = Gcm.compute(CATALOG, kvmHosts).model().orElseThrow();
        String expected = CpuModelInfoJson.write(Expansion.staticForm(CATALOG, offline)).toString();
        assertThat(offline.definition().generation()).isEqualTo(13);
        for (JarProcess p : planners) {
            await().atMost(Duration.ofSeconds(10)).until(() -> gcm(p).path("qemu").toString().equals(expected));
        }
        // the default pool holds the TCG host too: its model lies below every KVM host's lowest IBC, where it
        // runs with its IBC raised (DESIGN section 3); only strict IBC would leave no common model
        List<GcmHost> all = records.values().stream().map(ResolvedHost::toGcmHost).toList();
        CpuModel everyone = Gcm.compute(CATALOG, all).model().orElseThrow();
        assertThat(Gcm.compute(CATALOG, all, new GcmOptions(true, false)).hasCommonModel()).isFalse();
        String everyoneExpected = CpuModelInfoJson.write(Expansion.staticForm(CATALOG, everyone)).toString();
        for (JarProcess p : planners) {
            await().atMost(Duration.ofSeconds(10)).until(() -> p.get("/api/v1/pools/default/gcm", ADMIN).json()
                    .path("qemu").toString().equals(everyoneExpected));
        }

        // gate decisions through the API match offline comparisons
        ModelResolver resolver = new ModelResolver(CATALOG);
        List<CpuModelInfo> guests = List.of(new CpuModelInfo("z13-base", Map.of("csske", false)),
                CpuModelInfo.named("z14"), new CpuModelInfo("gen15a-base", Map.of()), CpuModelInfo.named("gen16a"));
        for (CpuModelInfo g : guests) {
            CpuModel guest = resolver.resolve(g);
            for (String target : List.of("h02", "h04", "h05", "qemu-h")) {
                JsonNode d = check(planners.get(1), g, target);
                Comparison.Result r = Comparison.compare(CATALOG, guest, records.get(target).hostModel());
                assertThat(d.path("comparison").path("result").asText()).as(g + " -> " + target)
                        .isEqualTo(r.result().qemuName());
                if (d.path("decision").asText().equals("approved")) {
                    assertThat(r.result().runnable()).as(g + " -> " + target).isTrue();
                }
            }
        }

        // an agent dies: its host turns stale, is rejected as a target, stays in the GCM
        agents.get("h01").kill();
        CpuModelInfo old = new CpuModelInfo("z13-base", Map.of("csske", false));
        await().atMost(Duration.ofSeconds(30)).until(() -> check(planners.get(0), old, "h01").toString()
                .contains("TARGET_STALE"));
        assertThat(gcm(planners.get(2)).path("hostCount").asInt()).isEqualTo(10);
        assertThat(gcm(planners.get(2)).path("stale").toString()).contains("h01");
        // decommissioned: the GCM rises
        assertThat(planners.get(0).call("DELETE", "/api/v1/hosts/h01", ADMIN, null).status()).isEqualTo(200);
        for (JarProcess p : planners) {
            await().atMost(Duration.ofSeconds(10)).until(() -> gcm(p).path("definition").path("generation").asInt() >= 14);
        }

        // a planner member dies while agents publish: no acknowledged record lost, agents carry on
        Thread.sleep(2000);
        planners.get(1).kill();
        List<JarProcess> survivors = List.of(planners.get(0), planners.get(2));
        Map<String, Long> acknowledged = new HashMap<>();
        Thread.sleep(3000);
        for (var e : agents.entrySet()) {
            if (!e.getKey().equals("h01")) {
                acknowledged.put(e.getKey(), HostRecordJson.read(e.getValue().get("/record", null).body().getBytes()).seq());
            }
        }
        for (JarProcess p : survivors) {
            for (var e : acknowledged.entrySet()) {
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        p.get("/api/v1/hosts/" + e.getKey(), ADMIN).json().path("seq").asLong() >= e.getValue());
            }
        }
        for (var e : acknowledged.entrySet()) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    survivors.get(0).get("/api/v1/hosts/" + e.getKey(), ADMIN).json().path("seq").asLong() > e.getValue());
        }

        // the same host's agent started twice: the newer one wins, the older one's reports are refused
        Map<String, String> env = new HashMap<>(Map.of("GCM_PLANNER_URLS", urls.get(0) + "," + urls.get(2),
                "GCM_TOKEN", token("h02"), "GCM_HOST_ID", "h02", "GCM_HEARTBEAT_INTERVAL", "1s",
                "GCM_PROBE_INTERVAL", "1h", "GCM_PROBE", "simulated", "GCM_SIM_MODEL", DEFS[1],
                "GCM_LABELS", "rack=r1,pool=kvm", "GCM_SIM_MASK", "vx"));
        int port = TestPlanner.freePort();
        env.put("GCM_AGENT_PORT", String.valueOf(port));
        JarProcess second = JarProcess.start(AGENT_JAR, dir.resolve("agent-h02-second.log"), port, env, JVM);
        extra.add(second);
        await().atMost(Duration.ofSeconds(60)).until(() -> second.get("/record", null).status() == 200);
        String newBoot = HostRecordJson.read(second.get("/record", null).body().getBytes()).bootId();
        await().atMost(Duration.ofSeconds(10)).until(() -> bootOf(survivors.get(0), "h02").equals(newBoot));
        Thread.sleep(3000);  // the first agent keeps heartbeating, with a lower seq
        assertThat(bootOf(survivors.get(0), "h02")).isEqualTo(newBoot);
        assertThat(bootOf(survivors.get(1), "h02")).isEqualTo(newBoot);
        assertThat(agents.get("h02").get("/metrics", null).body()).contains("gcm_agent_publish_total{outcome=\"stale\"}");

        // SIGTERM: a last heartbeat marked as leaving; the record stays
        agents.get("h03").close();
        JsonNode left = survivors.get(0).get("/api/v1/hosts/h03", ADMIN).json();
        assertThat(left.path("record").path("labels").path("gcm.dev/leaving").asText()).isEqualTo("true");
    }

    private static String bootOf(JarProcess p, String host) {
        return p.get("/api/v1/hosts/" + host, ADMIN).json().path("record").path("bootId").asText();
    }

    private static JsonNode gcm(JarProcess p) {
        return p.get("/api/v1/pools/kvm/gcm", ADMIN).json();
    }

    private static JsonNode check(JarProcess p, CpuModelInfo guest, String target) {
        String body = "{\"guest\": {\"name\": \"g\", \"model\": " + CpuModelInfoJson.write(guest) + "}, \"target\": \""
                + target + "\"}";
        return p.call("POST", "/api/v1/migrations/check", GATE, body).json();
    }

    private static Map<String, ResolvedHost> records(JarProcess p) {
        HostRecordValidator v = new HostRecordValidator(CATALOG);
        Map<String, ResolvedHost> out = new LinkedHashMap<>();
        for (JsonNode h : p.get("/api/v1/hosts", ADMIN).json().path("hosts")) {
            String id = h.path("hostId").asText();
            JsonNode rec = p.get("/api/v1/hosts/" + id, ADMIN).json().path("record");
            out.put(id, v.validate(HostRecordJson.read(rec.toString().getBytes())));
        }
        return out;
    }
}
