package dev.gcm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The libvirt migration hook's verdict as libvirt waits for it: from starting the installed hook script
 * ({@code sh 50-gcm GUEST migrate begin -}, the domain XML on stdin) to its exit, through curl, the
 * agent's hook socket, the agent and the planner's gate, all on loopback. The agent runs as in production
 * from its jar (simulated probe, so no libvirtd is needed: the XML names its model, as libvirt's migratable
 * XML of a host-model guest does, and reading it asks nothing of libvirt). Prints two Markdown rows: the
 * verdict, and for scale the floor of the same process starts (sh and curl to the agent's socket, answered
 * without a verdict): calls, p50, p99, max in ms, and how many exited 0.
 *
 * <p>Usage: {@code HookLatency PLANNER_URL AGENT_JAR CALLS} (an insecure planner).
 */
public final class HookLatency {

    private static final String XML = """
            <domain type='kvm'>
              <name>bench-guest</name>
              <uuid>5b1e0c3a-0000-4000-8000-00000000b004</uuid>
              <os><type arch='s390x' machine='s390-ccw-virtio-7.2'>hvm</type></os>
              <cpu mode='custom' match='exact' check='partial'>
                <model fallback='forbid'>z14.2-base</model>
                <feature policy='require' name='vx'/>
                <feature policy='require' name='vxeh'/>
                <feature policy='require' name='gs'/>
                <feature policy='disable' name='te'/>
                <feature policy='disable' name='csske'/>
              </cpu>
            </domain>
            """;

    private HookLatency() {
    }

    public static void main(String[] args) throws Exception {
        String planner = args[0];
        Path agentJar = Path.of(args[1]);
        int calls = Integer.parseInt(args[2]);
        // with a tokens file (fourth argument) the agent uses its agent token (host bench-hook)
        Optional<String> token = BenchAuth.token(Optional.ofNullable(args.length > 3 ? Path.of(args[3]) : null), "agent",
                "bench-hook");
        Path dir = Files.createTempDirectory("gcm-hook-bench-");
        Path socket = dir.resolve("agent/hook.sock");
        Path hook = dir.resolve("qemu.d/50-gcm");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(javaBin, "-jar", agentJar.toString(), "install-hook", "--path", hook.toString(), "--socket",
                socket.toString()));
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-jar", agentJar.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile());
        pb.environment().putAll(java.util.Map.of("GCM_PLANNER_URLS", planner, "GCM_HOST_ID", "bench-hook",
                "GCM_PROBE", "simulated", "GCM_SIM_MODEL", "gen16a", "GCM_HOOK_SOCKET", socket.toString(),
                "GCM_AGENT_PORT", String.valueOf(port), "GCM_HEARTBEAT_INTERVAL", "10s"));
        token.ifPresent(t -> pb.environment().put("GCM_TOKEN", t));
        Process agent = pb.start();
        try {
            waitReady(port);
            List<String> verdict = List.of("/bin/sh", hook.toString(), "bench-guest", "migrate", "begin", "-");
            // the floor: the same sh and curl to the agent's socket, answered without a verdict (404)
            List<String> floor = List.of("/bin/sh", "-c", "cat >/dev/null; curl -s -o /dev/null --unix-socket "
                    + socket + " http://gcm-agent/none");
            for (int i = 0; i < 100; i++) {
                call(verdict);
                call(floor);
            }
            row("the hook's verdict (approved)", verdict, calls);
            row("floor: sh and curl to the agent's socket, no verdict", floor, calls);
        } finally {
            agent.destroy();
            agent.waitFor(20, TimeUnit.SECONDS);
        }
        agentSide(dir.resolve("agent.log"), calls);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** The agent's own time per verdict (reading the XML, asking the gate, answering), from its log. */
    private static void agentSide(Path log, int calls) throws IOException {
        java.util.regex.Pattern in = java.util.regex.Pattern.compile("incoming migration: approved in (\\d+) ms");
        List<Double> all = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            java.util.regex.Matcher m = in.matcher(line);
            if (m.find()) {
                all.add(Double.parseDouble(m.group(1)));
            }
        }
        double[] ms = all.subList(Math.max(0, all.size() - calls), all.size()).stream().mapToDouble(d -> d).sorted()
                .toArray();
        if (ms.length > 0) {
            System.out.printf("| in the agent (its log, whole ms): XML read, gate asked, answer | %,d | %.0f | %.0f"
                    + " | %.0f | %,d |%n", ms.length, pct(ms, 0.5), pct(ms, 0.99), ms[ms.length - 1], ms.length);
        }
    }

    /** Times {@code calls} runs of the command; one Markdown row. */
    private static void row(String what, List<String> cmd, int calls) throws IOException, InterruptedException {
        double[] ms = new double[calls];
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            int exit = call(cmd);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            ok += exit == 0 ? 1 : 0;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %,d | %.1f | %.1f | %.1f | %,d |%n", what, calls, pct(ms, 0.5), pct(ms, 0.99),
                ms[calls - 1], ok);
    }

    /** One call as libvirt makes it (the domain XML on stdin); its exit code. */
    private static int call(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().write(XML.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        return p.waitFor();
    }

    private static void waitReady(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build();
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the agent did not get ready");
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
