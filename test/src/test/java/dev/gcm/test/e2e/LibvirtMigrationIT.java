package dev.gcm.test.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.planner.support.JarProcess;
import dev.gcm.planner.support.TestPlanner;
import dev.gcm.test.support.IdleGuest;
import dev.gcm.test.support.PrivateLibvirtd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libvirt enforces the gate: two private libvirtd 9.0 on this machine (own mount namespaces and host UUIDs),
 * a running TCG s390x guest, one agent JVM per daemon with the libvirt probe and the installed migration
 * hook, a planner JVM, and the CLI: an approved live migration moves the guest in the planner's view; a
 * cordoned target, a target that lacks a feature and a planner that is down each abort {@code virsh migrate}
 * with the reason while the guest runs on; {@code gcm probe --hypervisor libvirt} shows the guest.
 */
class LibvirtMigrationIT {

    private static final Path PLANNER_JAR = Path.of("..", "planner", "target", "gcm-planner.jar");
    private static final Path AGENT_JAR = Path.of("..", "agent", "target", "gcm-agent.jar");
    private static final Path CLI_JAR = Path.of("..", "cli", "target", "gcm.jar");
    private static final String[] JVM = {"-Xmx160m", "-XX:TieredStopAtLevel=1"};
    private static final String QEMU = System.getenv().getOrDefault("GCM_QEMU_BINARY", "/usr/bin/qemu-system-s390x");
    private static final String ADMIN = "admin-token-0123456789";
    private static final String READER = "reader-token-0123456789";
    private static final String HOOK_TIMEOUT = "4";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Map<String, JarProcess> agents = new HashMap<>();
    private final Map<String, PrivateLibvirtd> daemons = new HashMap<>();
    private JarProcess planner;
    private String plannerUrl;
    private Path dir;

    @AfterEach
    void stopAll() throws Exception {
        agents.values().forEach(JarProcess::close);
        if (planner != null) {
            planner.close();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private static String token(String host) {
        return "agent-" + host + "-token-0123456789";
    }

    @Test
    void libvirtAsksTheGateBeforeEveryIncomingMigration(@TempDir Path tmp) throws Exception {
        dir = tmp;
        String guest = "gcm-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String guestUuid = UUID.randomUUID().toString();
        startPlanner();
        int base = 49_200 + (int) (Math.random() * 400) * 16;
        for (String host : List.of("lv-a", "lv-b")) {
            PrivateLibvirtd d = PrivateLibvirtd.builder().emulator(Path.of(QEMU).toRealPath())
                    .migrationPorts(base, base + 15).hook("qemu.d/50-gcm", hookScript(hookSocket(host))).start();
            base += 16;
            open.add(d);
            daemons.put(host, d);
        }
        startAgent("lv-a", Map.of());
        startAgent("lv-b", Map.of());

        Path xml = dir.resolve("guest.xml");
        Files.writeString(xml, IdleGuest.domainXml(guest, guestUuid, "qemu", IdleGuest.writeKernel(dir.resolve("idle.elf")),
                daemons.get("lv-a").emulator()));
        PrivateLibvirtd.Result created = daemons.get("lv-a").virsh("create", xml.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> guestsOf("lv-a").contains(guest));
        JsonNode reported = guestOf("lv-a", guest);
        assertThat(reported.path("uuid").asText()).isEqualTo(guestUuid);
        assertThat(reported.path("machineType").asText()).matches("s390-ccw-virtio-\\d+\\.\\d+");

        // (e) gcm probe --hypervisor libvirt on the test's daemon prints the guest with its model
        Run probe = run(List.of(java(), "-jar", CLI_JAR.toString(), "probe", "--hypervisor", "libvirt",
                "--libvirt-uri", daemons.get("lv-a").uri(), "-o", "table"));
        assertThat(probe.exit()).as(probe.err()).isZero();
        assertThat(probe.out()).contains("libvirt-tcg").contains("Guest:       " + guest + "  "
                + reported.path("cpuModel").path("name").asText()).contains("uuid " + guestUuid);

        // (a) approved by the gate: the migration succeeds and the guest moves in the planner's view
        PrivateLibvirtd.Result moved = migrate(guest, "lv-a", "lv-b");
        assertThat(moved.exitCode()).as(moved.err()).isZero();
        assertThat(state(guest, "lv-b")).isEqualTo("running");
        await().atMost(Duration.ofSeconds(15)).until(() -> guestsOf("lv-b").contains(guest) && !guestsOf("lv-a").contains(guest));
        Run show = cli("hosts", "show", "lv-b");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains(guest);
        JsonNode approved = lastDecision();
        assertThat(approved.path("decision").asText()).isEqualTo("approved");
        assertThat(approved.path("requestedBy").asText()).isEqualTo("libvirt-hook");
        assertThat(approved.path("target").asText()).isEqualTo("lv-b");
        assertThat(approved.path("guestUuid").asText()).isEqualTo(guestUuid);

        // (b) the destination cordoned: virsh fails with the reason, the guest runs on, the decision is logged
        assertThat(planner.call("POST", "/api/v1/hosts/lv-a/cordon", ADMIN, null).status()).isEqualTo(200);
        PrivateLibvirtd.Result cordoned = migrate(guest, "lv-b", "lv-a");
        assertThat(cordoned.exitCode()).isNotZero();
        assertThat(cordoned.err()).contains("TARGET_CORDONED").contains("host 'lv-a' is cordoned");
        assertThat(state(guest, "lv-b")).isEqualTo("running");
        JsonNode refused = lastDecision();
        assertThat(refused.path("decision").asText()).isEqualTo("rejected");
        assertThat(refused.path("reasons").toString()).contains("TARGET_CORDONED");
        assertThat(refused.path("guest").asText()).isEqualTo(guest);
        assertThat(refused.path("guestUuid").asText()).isEqualTo(guestUuid);
        assertThat(refused.path("target").asText()).isEqualTo("lv-a");
        assertThat(refused.path("requestedBy").asText()).isEqualTo("libvirt-hook");
        assertThat(cordoned.err()).contains(refused.path("decisionId").asText());
        assertThat(planner.call("POST", "/api/v1/hosts/lv-a/uncordon", ADMIN, null).status()).isEqualTo(200);

        // (d) a destination whose host model lacks a feature the guest uses: MISSING_FEATURES
        agents.remove("lv-a").close();
        startAgent("lv-a", Map.of("GCM_LIBVIRT_MASK_FEATURES", "vx"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !planner.get("/api/v1/hosts/lv-a", READER).json()
                .path("record").path("hostModel").path("props").path("vx").asBoolean(false));
        PrivateLibvirtd.Result lacking = migrate(guest, "lv-b", "lv-a");
        assertThat(lacking.exitCode()).isNotZero();
        assertThat(lacking.err()).contains("MISSING_FEATURES").contains("features: vx");
        assertThat(state(guest, "lv-b")).isEqualTo("running");

        // (c) the planner down: denied within the hook's deadline, saying why
        planner.kill();
        long start = System.nanoTime();
        PrivateLibvirtd.Result down = migrate(guest, "lv-b", "lv-a");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(down.exitCode()).isNotZero();
        assertThat(down.err()).contains("no GCM planner reachable").contains("connection refused")
                .contains("GCM_HOOK_ON_ERROR=deny");
        assertThat(millis).as(down.err()).isLessThan(Long.parseLong(HOOK_TIMEOUT) * 1000 + 10_000);
        assertThat(state(guest, "lv-b")).isEqualTo("running");
    }

    private void startPlanner() throws Exception {
        Path tokens = dir.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"token\": \"" + ADMIN + "\", \"role\": \"admin\"},"
                + "{\"token\": \"" + READER + "\", \"role\": \"reader\"},"
                + "{\"token\": \"" + token("lv-a") + "\", \"role\": \"agent\", \"host\": \"lv-a\"},"
                + "{\"token\": \"" + token("lv-b") + "\", \"role\": \"agent\", \"host\": \"lv-b\"}]}");
        int http = TestPlanner.freePort();
        planner = JarProcess.start(PLANNER_JAR, dir.resolve("planner.log"), http, Map.of("GCM_HTTP_PORT",
                String.valueOf(http), "GCM_HTTP_HOST", "127.0.0.1", "GCM_HZ_PORT", String.valueOf(TestPlanner.freePort()),
                "GCM_CLUSTER_NAME", "libvirt-e2e-" + UUID.randomUUID(), "GCM_TOKENS_FILE", tokens.toString()), JVM);
        plannerUrl = "http://127.0.0.1:" + http;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(planner::ready);
    }

    private Path hookSocket(String host) {
        return dir.resolve(host + "-gcm/hook.sock");
    }

    /** The hook as the agent jar's install-hook writes it (the daemon finds it in qemu.d when it starts). */
    private String hookScript(Path socket) throws Exception {
        Path hook = dir.resolve("installed/" + socket.getParent().getFileName() + "/50-gcm");
        Run r = run(List.of(java(), "-jar", AGENT_JAR.toString(), "install-hook", "--path", hook.toString(), "--socket",
                socket.toString(), "--timeout", HOOK_TIMEOUT));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("restart it once");
        return Files.readString(hook);
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        String err = read(p.getErrorStream());
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).as(String.join(" ", cmd)).isTrue();
        return new Run(p.exitValue(), out.get(), err);
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void startAgent(String host, Map<String, String> extra) throws Exception {
        int port = TestPlanner.freePort();
        Map<String, String> env = new HashMap<>(Map.of("GCM_PLANNER_URLS", plannerUrl, "GCM_TOKEN", token(host),
                "GCM_HOST_ID", host, "GCM_PROBE", "libvirt", "GCM_LIBVIRT_URI", daemons.get(host).uri(),
                "GCM_HOOK_SOCKET", hookSocket(host).toString(), "GCM_HEARTBEAT_INTERVAL", "30s",
                "GCM_AGENT_PORT", String.valueOf(port)));
        env.putAll(extra);
        JarProcess agent = JarProcess.start(AGENT_JAR, dir.resolve("agent-" + host + "-" + agents.size() + ".log"), port,
                env, JVM);
        agents.put(host, agent);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(agent::ready);
    }

    private PrivateLibvirtd.Result migrate(String guest, String from, String to) throws Exception {
        return daemons.get(from).virsh("migrate", "--live", "--migrateuri", "tcp://127.0.0.1", "--listen-address",
                "127.0.0.1", guest, daemons.get(to).uri());
    }

    private String state(String guest, String host) throws Exception {
        return daemons.get(host).virsh("domstate", guest).out().strip();
    }

    private List<String> guestsOf(String host) {
        List<String> out = new ArrayList<>();
        planner.get("/api/v1/hosts/" + host, READER).json().path("record").path("guests")
                .forEach(g -> out.add(g.path("name").asText()));
        return out;
    }

    private JsonNode guestOf(String host, String guest) {
        for (JsonNode g : planner.get("/api/v1/hosts/" + host, READER).json().path("record").path("guests")) {
            if (g.path("name").asText().equals(guest)) {
                return g;
            }
        }
        throw new AssertionError("no guest " + guest + " on " + host);
    }

    private JsonNode lastDecision() {
        return planner.get("/api/v1/decisions?limit=1", READER).json().path("decisions").get(0);
    }

    private Run cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", CLI_JAR.toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--planner", plannerUrl, "--token", READER));
        return run(cmd);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
