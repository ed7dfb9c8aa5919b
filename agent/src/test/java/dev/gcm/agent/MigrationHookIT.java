package dev.gcm.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gcm.facilitydb.catalog.Catalog;
import dev.gcm.facilitydb.forms.DomainXml;
import dev.gcm.facilitydb.qemu.Expansion;
import dev.gcm.facilitydb.qemu.ModelResolver;
import dev.gcm.hypervisor.probe.ProbeException;
import dev.gcm.hypervisor.record.HostRecord;
import dev.gcm.planner.support.Fleet;
import dev.gcm.planner.support.TestPlanner;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed hook script (POSIX sh and curl) against the agent's hook endpoint and a real planner, as
 * libvirt runs it: arguments, the domain XML on stdin, the exit code and stderr as virsh would show them.
 */
class MigrationHookIT {

    private static final Catalog CATALOG = Catalog.load();
    private static final String UUID = "5b1e0c3a-0000-4000-8000-000000005390";
    private static TestPlanner planner;

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startPlanner() throws Exception {
        planner = TestPlanner.start(Map.of());
        planner.http().put("/api/v1/hosts/h1", TestPlanner.AGENT_H1,
                Fleet.json(Fleet.record("h1", "z14", List.of("vx"), Map.of(), 1, List.of())));
    }

    @AfterAll
    static void stopPlanner() {
        planner.close();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** Reads a domain naming its model as the agent does without libvirt (the IT with libvirt is in test/). */
    private static HostRecord.Guest read(String xml) throws ProbeException {
        try {
            DomainXml.Guest g = DomainXml.read(xml);
            return new HostRecord.Guest(g.name(), g.uuid().orElse(null), Expansion.staticForm(CATALOG,
                    new ModelResolver(CATALOG).resolve(g.cpuModel().orElseThrow())), g.machineType().orElse(null));
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new ProbeException("cannot read the domain: " + e.getMessage(), e);
        }
    }

    private Path server(String plannerUrl, String name) throws Exception {
        Path socket = dir.resolve(name + "/hook.sock");
        HookSettings settings = HookSettings.fromEnv(Map.of("GCM_HOOK_SOCKET", socket.toString()), true);
        PlannerCalls calls = new PlannerCalls(List.of(URI.create(plannerUrl)),
                TokenSource.fixed(Optional.of(TestPlanner.AGENT_H1)), Optional.empty());
        HookServer s = HookServer.start(socket, new MigrationHook("h1", MigrationHookIT::read, calls, settings,
                Duration.ofSeconds(30), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        open.add(s);
        return socket;
    }

    private Path install(Path socket) {
        Path hook = dir.resolve("hooks/qemu.d/50-gcm");
        assertThat(HookInstaller.run(new String[] {"install-hook", "--path", hook.toString(), "--socket",
                socket.toString(), "--timeout", "3"}, Map.of(), new PrintStream(new ByteArrayOutputStream()), System.err))
                .isZero();
        return hook;
    }

    record Run(int exit, String out, String err, long millis) {
    }

    private static Run hook(Path script, Map<String, String> env, String xml, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(Map.of("LC_ALL", "C", "PATH", "/usr/sbin:/sbin", "HOME", "/root"));
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().write(xml.getBytes());
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out), new String(err), (System.nanoTime() - start) / 1_000_000);
    }

    private static String domain(String name, String model) {
        return "<domain type='kvm'><name>" + name + "</name><uuid>" + UUID + "</uuid><os><type arch='s390x' "
                + "machine='s390-ccw-virtio-7.2'>hvm</type></os><cpu mode='custom' match='exact'><model fallback='forbid'>"
                + model + "</model></cpu></domain>";
    }

    private static JsonNode decision(String id) {
        for (JsonNode d : planner.http().get("/api/v1/decisions?limit=1000", TestPlanner.ADMIN).json().path("decisions")) {
            if (d.path("decisionId").asText().equals(id)) {
                return d;
            }
        }
        throw new AssertionError("no decision " + id);
    }

    @Test
    void anApprovedMigrationGoesOnAndTheLogSaysLibvirtAsked() throws Exception {
        Path hook = install(server(planner.http().toString(), "a"));
        Run r = hook(hook, Map.of(), domain("web1", "z13-base"), "web1", "migrate", "begin", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode last = planner.http().get("/api/v1/decisions?limit=1", TestPlanner.ADMIN).json().path("decisions").get(0);
        assertThat(last.path("guest").asText()).isEqualTo("web1");
        assertThat(last.path("guestUuid").asText()).isEqualTo(UUID);
        assertThat(last.path("target").asText()).isEqualTo("h1");
        assertThat(last.path("requestedBy").asText()).isEqualTo("libvirt-hook");
        assertThat(last.path("machineType").asText()).isEqualTo("s390-ccw-virtio-7.2");
        assertThat(last.path("decision").asText()).isEqualTo("approved");
    }

    @Test
    void aRejectionAbortsWithOneLinePerReason() throws Exception {
        Path hook = install(server(planner.http().toString(), "r"));
        assertThat(planner.http().post("/api/v1/hosts/h1/cordon", TestPlanner.ADMIN, null).status()).isEqualTo(200);
        try {
            Run r = hook(hook, Map.of(), domain("db1", "z14"), "db1", "migrate", "begin", "-");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            List<String> lines = r.err().lines().toList();
            String id = lines.get(0).replaceAll(".*decision ", "");
            assertThat(lines.get(0)).contains("rejected the migration of 'db1' (" + UUID + ") to host 'h1'");
            assertThat(lines).anyMatch(l -> l.startsWith("gcm: TARGET_CORDONED: host 'h1' is cordoned; decision " + id));
            assertThat(lines).anyMatch(l -> l.startsWith("gcm: MISSING_FEATURES: ") && l.contains("; features: vx")
                    && l.endsWith("; decision " + id));
            assertThat(decision(id).path("decision").asText()).isEqualTo("rejected");
        } finally {
            planner.http().post("/api/v1/hosts/h1/uncordon", TestPlanner.ADMIN, null);
        }
    }

    @Test
    void everyOtherCallPassesThroughUntouched() throws Exception {
        Path hook = install(dir.resolve("nobody-listens.sock"));
        for (String[] call : List.of(new String[] {"prepare", "begin"}, new String[] {"started", "begin"},
                new String[] {"stopped", "end"}, new String[] {"migrate", "end"})) {
            Run r = hook(hook, Map.of(), domain("g", "z14"), "g", call[0], call[1], "-");
            assertThat(r.exit()).as(String.join(" ", call)).isZero();
            assertThat(r.out() + r.err()).isEmpty();
        }
    }

    @Test
    void noPlannerDeniesWithinTheDeadlineAndSaysWhyUnlessAllowed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Path hook = install(server("http://127.0.0.1:" + closed, "down"));
        Run denied = hook(hook, Map.of(), domain("web1", "z13"), "web1", "migrate", "begin", "-");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.out()).isEmpty();
        assertThat(denied.err()).contains("no GCM planner reachable").contains("connection refused")
                .contains("denied: no decision could be had (GCM_HOOK_ON_ERROR=deny)");
        Run allowed = hook(hook, Map.of("GCM_HOOK_ON_ERROR", "allow"), domain("web1", "z13"), "web1", "migrate", "begin", "-");
        assertThat(allowed.exit()).isZero();
        assertThat(allowed.err()).contains("allowed without a decision");
    }

    @Test
    void aPlannerThatDoesNotAnswerIsCutOffByTheHooksDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path hook = install(server("http://127.0.0.1:" + silent.getLocalPort(), "silent"));
            Run r = hook(hook, Map.of("GCM_HOOK_TIMEOUT", "1.5"), domain("web1", "z13"), "web1", "migrate", "begin", "-");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.millis()).isLessThan(1500 + 1000);
            assertThat(r.err()).contains("no answer in time").contains("GCM_HOOK_ON_ERROR=deny");
        }
    }

    @Test
    void noAgentOrUnreadableXmlDenies() throws Exception {
        Path hook = install(dir.resolve("no-agent/hook.sock"));
        Run noAgent = hook(hook, Map.of(), domain("web1", "z13"), "web1", "migrate", "begin", "-");
        assertThat(noAgent.exit()).isEqualTo(1);
        assertThat(noAgent.err()).contains("no answer from the GCM agent at " + dir.resolve("no-agent/hook.sock"));
        Path up = install(server(planner.http().toString(), "bad"));
        Run bad = hook(up, Map.of(), "<domain><name>x</name><cpu><model>z99</model></cpu></domain>", "x", "migrate",
                "begin", "-");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("cannot check the incoming migration").contains("z99");
    }

    @Test
    void theSocketIsTheOwnersAloneAndTheHookEndpointOnly() throws Exception {
        Path socket = server(planner.http().toString(), "perm");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
        var p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--unix-socket", socket.toString(),
                "http://x/other").start();
        assertThat(new String(p.getInputStream().readAllBytes())).isEqualTo("404");
    }
}
