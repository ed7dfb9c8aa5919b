package dev.gcm.planner.cluster;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.gcm.Gcm;
import dev.gcm.facilitydb.gcm.GcmHost;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.hypervisor.record.HostRecordJson;
import dev.gcm.hypervisor.record.HostRecordValidator;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.JarProcess;
import dev.gcm.planner.support.TestPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Three planner members, each the packaged jar in a JVM of its own, as in production: a cluster secret,
 * a state directory per member, the member port bound to the member's own address. Members can be
 * killed, paused and started again with the same address and state.
 */
final class MemberJvms implements AutoCloseable {

    static final String ADMIN = "admin-token-0123456789";
    static final String GATE = "gate-token-0123456789";
    static final List<String> DEFS = List.of("z13", "z14", "z14.2", "gen15a", "gen15b", "gen16a");
    private static final Path JAR = Path.of("target", "gcm-planner.jar");

    private final Path dir;
    private final List<String> httpIps;
    private final IntFunction<List<String>> prefix;
    private final List<JarProcess> members = new ArrayList<>();
    private final List<Map<String, String>> envs = new ArrayList<>();
    private final int[] restarts = new int[3];

    /**
     * @param ips     each member's address for its member port
     * @param httpIps each member's address for its API
     * @param prefix  each member's command prefix (e.g. {@code ip netns exec NAME}); empty for none
     */
    MemberJvms(Path dir, List<String> ips, List<String> httpIps, IntFunction<List<String>> prefix) throws IOException {
        this.dir = dir;
        this.httpIps = httpIps;
        this.prefix = prefix;
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"token\": \"" + ADMIN + "\", \"role\": \"admin\"},"
                + "{\"token\": \"" + GATE + "\", \"role\": \"gate\"}]}");
        Path secret = dir.resolve("cluster-secret");
        Files.writeString(secret, UUID.randomUUID() + "-" + UUID.randomUUID());
        String cluster = "it-" + UUID.randomUUID();
        int[] hz = {TestPlanner.freePort(), TestPlanner.freePort(), TestPlanner.freePort()};
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            list.add(ips.get(i) + ":" + hz[i]);
        }
        for (int i = 0; i < 3; i++) {
            Map<String, String> env = new HashMap<>(Map.of("GCM_HTTP_PORT", String.valueOf(TestPlanner.freePort()),
                    "GCM_HTTP_HOST", httpIps.get(i), "GCM_HZ_HOST", ips.get(i), "GCM_HZ_PORT", String.valueOf(hz[i]),
                    "GCM_CLUSTER_NAME", cluster, "GCM_MEMBERS", String.join(",", list), "GCM_EXPECTED_MEMBERS", "3",
                    "GCM_TOKENS_FILE", tokens.toString(), "GCM_CLUSTER_SECRET_FILE", secret.toString(),
                    "GCM_STATE_DIR", dir.resolve("state-" + i).toString()));
            env.put("GCM_RECONCILE_EVERY", "2s");
            envs.add(env);
            members.add(null);
        }
    }

    /**
     * Starts every member (together: each needs the others for a majority) and waits until all are ready; when
     * they are not, stops the ones it started (the caller has nothing to close yet) and says so.
     */
    MemberJvms startAll() throws IOException {
        try {
            for (int i = 0; i < 3; i++) {
                start(i);
            }
            awaitReady(List.of(0, 1, 2));
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    void start(int i) throws IOException {
        restarts[i]++;
        members.set(i, JarProcess.start(prefix.apply(i), JAR, dir.resolve("member-" + i + "-" + restarts[i] + ".log"),
                httpIps.get(i), Integer.parseInt(envs.get(i).get("GCM_HTTP_PORT")), envs.get(i), "-Xmx256m",
                "-XX:ActiveProcessorCount=1"));
    }

    /** Waits until the members are ready; when they are not, fails with what each waits for and its log's end. */
    void awaitReady(List<Integer> which) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> which.stream().allMatch(i -> member(i).ready()));
        } catch (ConditionTimeoutException e) {
            StringBuilder why = new StringBuilder("members not ready within 120 s:");
            for (int i : which) {
                why.append("\n--- member ").append(i).append(" (alive ").append(member(i).alive()).append("): ");
                try {
                    why.append(member(i).get("/readyz", null).body());
                } catch (RuntimeException r) {
                    why.append("/readyz: ").append(r.getMessage());
                }
                why.append("\n").append(logTail(i, 40));
            }
            throw new AssertionError(why.toString(), e);
        }
    }

    private String logTail(int i, int lines) {
        try {
            List<String> all = Files.readAllLines(dir.resolve("member-" + i + "-" + restarts[i] + ".log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    JarProcess member(int i) {
        return members.get(i);
    }

    static HostRecord host(int i, long seq) {
        return Fleet.record("host-" + i, DEFS.get(i % DEFS.size()), i % 4 == 0 ? List.of("vx") : List.of(),
                Map.of("rack", "r" + (i % 3)), seq, List.of());
    }

    static String check(String target) {
        return "{\"guest\": {\"model\": {\"name\": \"z13\"}}, \"target\": \"" + target + "\"}";
    }

    static JsonNode gcm(JarProcess m) {
        return m.http.get("/api/v1/pools/default/gcm", ADMIN).json();
    }

    /** The offline GCM (QEMU static form) of the records the member's grid holds, each read back from it. */
    static String offlineGcm(JarProcess m) {
        HostRecordValidator v = new HostRecordValidator(Fleet.CATALOG);
        List<GcmHost> hosts = new ArrayList<>();
        for (JsonNode h : m.http.get("/api/v1/hosts", ADMIN).json().get("hosts")) {
            JsonNode rec = m.http.get("/api/v1/hosts/" + h.get("hostId").asText(), ADMIN).json().get("record");
            hosts.add(v.validate(HostRecordJson.read(rec.toString().getBytes())).toGcmHost());
        }
        var model = Gcm.compute(Fleet.CATALOG, hosts).model().orElseThrow();
        return dev.gcm.facilitydb.json.CpuModelInfoJson.write(
                dev.gcm.facilitydb.qemu.Expansion.staticForm(Fleet.CATALOG, model)).toString();
    }

    @Override
    public void close() {
        for (JarProcess p : members) {
            if (p != null) {
                if (p.alive()) {
                    p.resume();
                }
                p.close();
            }
        }
    }
}
